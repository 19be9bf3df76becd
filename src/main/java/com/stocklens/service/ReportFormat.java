package com.stocklens.service;

/** File formats a report can be exported to. */
public enum ReportFormat {
    XLSX,
    PDF,
    CSV
}

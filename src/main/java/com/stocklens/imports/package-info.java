/**
 * Stock files of warehouses without an API, read and judged as pure functions: encoding and delimiter
 * detection, RFC 4180 CSV, XLSX (first sheet, cached formula values only), header row detection,
 * column suggestions in English and Chinese, and the all-or-nothing row validation. No I/O beyond the
 * bytes handed in, no database: {@code sync.StockImportService} stores what this package accepts.
 */
package com.stocklens.imports;

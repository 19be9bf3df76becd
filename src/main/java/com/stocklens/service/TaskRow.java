package com.stocklens.service;

import com.stocklens.domain.CalibrationTask;
import com.stocklens.domain.Warehouse;

/** A calibration task with the names a person needs to read it. */
public record TaskRow(CalibrationTask task, String skuName, Warehouse warehouse) {
}

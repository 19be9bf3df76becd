package com.stocklens.service;

import java.time.LocalDate;

/**
 * Units of one SKU sold on one day (Beijing calendar day), and whether it was out of stock that day
 * (such days are skipped when averaging demand: Linnworks, Inventory Planner).
 */
public record DailyDemand(String sellerSku, LocalDate day, int units, boolean stockOut) {
}

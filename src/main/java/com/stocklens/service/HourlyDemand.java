package com.stocklens.service;

import java.time.Instant;

/**
 * Units of one SKU sold in one clock hour (UTC hour start), cancelled lines excluded: the burn rate
 * behind "hours of cover" for viral SKUs, which a daily, normal-based safety stock under-covers.
 */
public record HourlyDemand(String sellerSku, Instant hour, int units) {
}

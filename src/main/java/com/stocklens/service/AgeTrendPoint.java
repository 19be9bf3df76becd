package com.stocklens.service;

import java.time.LocalDate;

/** The share of units older than 180 days on one day (percent), for the trend chart. */
public record AgeTrendPoint(LocalDate day, double over180Share, long units) {
}

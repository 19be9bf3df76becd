package com.stocklens.domain;

import java.time.ZoneId;

/**
 * Beijing time, the clock a seller thinks in: calendar days of demand and history, deadlines shown to the
 * seller, file names with a date. The one place the zone is named.
 */
public final class BeijingTime {
    /** Asia/Shanghai (UTC+8, no daylight saving). */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private BeijingTime() {
    }
}

package com.stocklens.domain;

/**
 * The healthy bands of the quarterly health report (docs/DOMAIN.md §8), all settings; defaults from the
 * seller-education article, except the history coverage (a StockLens default).
 *
 * @param turnoverDaysMax      turnover days at or below this are healthy (45)
 * @param movingSkuRateMin     动销率 above this percent is good (85)
 * @param over180ShareMax      units older than 180 days below this percent of stock is healthy (5)
 * @param minHistoryPercent    a figure resting on fewer days of history than this percent of its period is
 *                             {@link Verdict#INSUFFICIENT_HISTORY} (50: half the period)
 */
public record HealthBands(double turnoverDaysMax, double movingSkuRateMin, double over180ShareMax,
                          double minHistoryPercent) {
    public static final double DEFAULT_MIN_HISTORY_PERCENT = 50;
    public static final HealthBands DEFAULTS = new HealthBands(45, 85, 5, DEFAULT_MIN_HISTORY_PERCENT);

    public HealthBands {
        if (minHistoryPercent < 0 || minHistoryPercent > 100) {
            throw new IllegalArgumentException("history coverage must be a percent (0–100): " + minHistoryPercent);
        }
    }

    /** The three bands with the default history coverage (half the period). */
    public HealthBands(double turnoverDaysMax, double movingSkuRateMin, double over180ShareMax) {
        this(turnoverDaysMax, movingSkuRateMin, over180ShareMax, DEFAULT_MIN_HISTORY_PERCENT);
    }
}

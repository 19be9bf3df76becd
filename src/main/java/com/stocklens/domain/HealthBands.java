package com.stocklens.domain;

/**
 * The healthy bands of the quarterly health report (docs/DOMAIN.md §8), all settings; defaults from the
 * seller-education article.
 *
 * @param turnoverDaysMax      turnover days at or below this are healthy (45)
 * @param movingSkuRateMin     动销率 above this percent is good (85)
 * @param over180ShareMax      units older than 180 days below this percent of stock is healthy (5)
 */
public record HealthBands(double turnoverDaysMax, double movingSkuRateMin, double over180ShareMax) {
    public static final HealthBands DEFAULTS = new HealthBands(45, 85, 5);
}

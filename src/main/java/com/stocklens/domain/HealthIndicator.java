package com.stocklens.domain;

/** The indicators of the health report. */
public enum HealthIndicator {
    /** 周转天数: average units on hand over the period ÷ average units sold per day. */
    TURNOVER_DAYS,
    /** 动销率: share of SKUs in stock that sold at least one unit in the period (percent). Not sell-through. */
    MOVING_SKU_RATE,
    /** 库龄结构: units older than 180 days as a percent of units on hand. */
    OVER_180_SHARE,
    /** Amazon-style sell-through: units sold in the trailing 90 days ÷ average available units (ratio). */
    SELL_THROUGH_AMAZON,
    /** Units beyond lead time + target cover at the current demand. */
    EXCESS_UNITS,
    /** Sellable units whose TikTok SKU is inactive, unmapped or blocked. */
    STRANDED_UNITS
}

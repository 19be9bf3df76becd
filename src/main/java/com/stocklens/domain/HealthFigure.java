package com.stocklens.domain;

import java.util.Objects;

/**
 * One indicator's value against its band.
 *
 * @param value    null when it cannot be computed (e.g. no sales: turnover is undefined; no unit of known age)
 * @param band     the band it is judged by, null for INFO indicators
 * @param working  how it was computed, in words with the numbers (each reader renders it in its language)
 * @param coverage the days of history (and, for the age structure, the units of known age) it rests on;
 *                 null for a figure read from the stock at the period's close
 */
public record HealthFigure(HealthIndicator indicator, Double value, Double band, Verdict verdict, Wording working,
                           Coverage coverage) {
    public HealthFigure {
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(verdict, "verdict");
    }

    /** A figure without a stated coverage. */
    public HealthFigure(HealthIndicator indicator, Double value, Double band, Verdict verdict, Wording working) {
        this(indicator, value, band, verdict, working, null);
    }
}

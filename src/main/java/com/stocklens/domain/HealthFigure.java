package com.stocklens.domain;

import java.util.Objects;

/**
 * One indicator's value against its band.
 *
 * @param value   null when it cannot be computed (e.g. no sales: turnover is undefined)
 * @param band    the band it is judged by, null for INFO indicators
 * @param working how it was computed, in plain words with the numbers
 */
public record HealthFigure(HealthIndicator indicator, Double value, Double band, Verdict verdict, String working) {
    public HealthFigure {
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(verdict, "verdict");
    }
}

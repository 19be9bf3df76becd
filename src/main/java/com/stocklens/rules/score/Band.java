package com.stocklens.rules.score;

/**
 * The band of one criterion: at or better than {@code good} scores 100, at or worse than {@code poor}
 * scores 0, linear in between. For {@link Direction#YES} the band is fixed (1 = yes = 100, 0 = no = 0).
 */
public record Band(double good, double poor) {
    public Band {
        if (!Double.isFinite(good) || !Double.isFinite(poor) || good == poor) {
            throw new IllegalArgumentException("a band needs two different finite limits: " + good + ", " + poor);
        }
    }

    /** 0..100 for a value (never NaN). */
    public double score(double value) {
        double t = (value - poor) / (good - poor);
        return Math.max(0, Math.min(1, t)) * 100.0;
    }

    /** GOOD at or beyond {@code good}, POOR at or beyond {@code poor}, FAIR between. */
    public BandLevel level(Double value) {
        if (value == null || value.isNaN()) {
            return BandLevel.MISSING;
        }
        double s = score(value);
        if (s >= 100.0) {
            return BandLevel.GOOD;
        }
        if (s <= 0.0) {
            return BandLevel.POOR;
        }
        return BandLevel.FAIR;
    }
}

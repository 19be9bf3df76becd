package com.stocklens.rules.score;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The seller's weights: one per axis and one per criterion (inside its axis). Any non-negative number;
 * only ratios matter. A weight of 0 leaves the criterion (or axis) out. Default: all 1.
 */
public record ScoreWeights(Map<Axis, Double> axes, Map<Criterion, Double> criteria) {
    public static final ScoreWeights EQUAL = new ScoreWeights(Map.of(), Map.of());

    public ScoreWeights {
        EnumMap<Axis, Double> a = new EnumMap<>(Axis.class);
        for (Axis x : Axis.values()) {
            a.put(x, check(axes.getOrDefault(x, 1.0)));
        }
        EnumMap<Criterion, Double> c = new EnumMap<>(Criterion.class);
        for (Criterion x : Criterion.values()) {
            c.put(x, check(criteria.getOrDefault(x, 1.0)));
        }
        axes = Map.copyOf(a);
        criteria = Map.copyOf(c);
    }

    private static double check(Double w) {
        if (w == null || !Double.isFinite(w) || w < 0) {
            throw new IllegalArgumentException("a weight is a finite number ≥ 0, not " + w);
        }
        return w;
    }

    public double of(Axis axis) {
        return axes.get(axis);
    }

    public double of(Criterion criterion) {
        return criteria.get(criterion);
    }

    public ScoreWeights with(Axis axis, double weight) {
        EnumMap<Axis, Double> a = new EnumMap<>(axes);
        a.put(axis, weight);
        return new ScoreWeights(a, criteria);
    }

    public ScoreWeights with(Criterion criterion, double weight) {
        EnumMap<Criterion, Double> c = new EnumMap<>(criteria);
        c.put(criterion, weight);
        return new ScoreWeights(axes, c);
    }

    /**
     * The weights that differ from the default 1, by enum name ({@code COVERAGE}, {@code OUTBOUND_SLA_HOURS}):
     * what is stored, and the names {@code scores --weight NAME=W} takes. Empty for {@link #EQUAL}.
     */
    public Map<String, Double> changed() {
        Map<String, Double> out = new TreeMap<>();
        axes.forEach((a, w) -> {
            if (w != 1.0) {
                out.put(a.name(), w);
            }
        });
        criteria.forEach((c, w) -> {
            if (w != 1.0) {
                out.put(c.name(), w);
            }
        });
        return out;
    }

    /**
     * Weights from names (as {@link #changed()} writes them); a name that is neither an axis nor a criterion,
     * or a value that is not a finite number ≥ 0, is skipped (a store written by a newer version still loads).
     */
    public static ScoreWeights fromNames(Map<String, Double> named) {
        EnumMap<Axis, Double> a = new EnumMap<>(Axis.class);
        EnumMap<Criterion, Double> c = new EnumMap<>(Criterion.class);
        for (Map.Entry<String, Double> e : named.entrySet()) {
            Double w = e.getValue();
            if (e.getKey() == null || w == null || !Double.isFinite(w) || w < 0) {
                continue;
            }
            String name = e.getKey().strip().toUpperCase(Locale.ROOT);
            for (Axis x : Axis.values()) {
                if (x.name().equals(name)) {
                    a.put(x, w);
                }
            }
            for (Criterion x : Criterion.values()) {
                if (x.name().equals(name)) {
                    c.put(x, w);
                }
            }
        }
        return new ScoreWeights(a, c);
    }
}

package com.stocklens.rules.score;

import java.util.EnumMap;
import java.util.Map;

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
}

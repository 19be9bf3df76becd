package com.stocklens.rules.score;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What is known of one warehouse: a value per criterion; an absent or null value is missing (unknown),
 * never 0. Yes/no criteria are 1 or 0.
 *
 * @param thin criteria measured on too few days of history: their value is shown, but scored as missing
 */
public record ScoreInput(String id, String name, Map<Criterion, Double> values, Set<Criterion> thin) {
    public ScoreInput {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        EnumMap<Criterion, Double> copy = new EnumMap<>(Criterion.class);
        values.forEach((k, v) -> {
            if (v != null && Double.isFinite(v)) {
                copy.put(k, v);
            }
        });
        values = Map.copyOf(copy);
        thin = thin == null || thin.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(thin));
    }

    /** An input with every value judged. */
    public ScoreInput(String id, String name, Map<Criterion, Double> values) {
        this(id, name, values, Set.of());
    }

    /** True when {@code c} has a value measured on too few days of history. */
    public boolean isThin(Criterion c) {
        return thin.contains(c) && values.containsKey(c);
    }

    /** The value of {@code c}, or null when missing. */
    public Double value(Criterion c) {
        return values.get(c);
    }

    /** 1 for true, 0 for false, null for unknown. */
    public static Double yes(Boolean b) {
        return b == null ? null : b ? 1.0 : 0.0;
    }
}

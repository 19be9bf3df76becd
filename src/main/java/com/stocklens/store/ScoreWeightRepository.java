package com.stocklens.store;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The seller's scorecard weights (V10): by axis or criterion name, only those moved away from the default.
 * Written whole, in one transaction, so a crash never leaves half a set of weights.
 */
public final class ScoreWeightRepository {
    private final Jdbi jdbi;
    private final Clock clock;

    public ScoreWeightRepository(Jdbi jdbi, Clock clock) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The stored weights by name, in name order; empty when the seller never moved one. */
    public Map<String, Double> read() {
        Map<String, Double> out = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT weight_name, weight FROM score_weight ORDER BY weight_name")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getDouble(2)))
                .forEach(e -> out.put(e.getKey(), e.getValue())));
        return out;
    }

    /** Replaces every stored weight with {@code weights} (empty: back to the defaults). */
    public void replace(Map<String, Double> weights) {
        Objects.requireNonNull(weights, "weights");
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            Double w = e.getValue();
            if (e.getKey() == null || e.getKey().isBlank() || e.getKey().length() > 64 || w == null
                    || !Double.isFinite(w) || w < 0) {
                throw new IllegalArgumentException("not a weight: " + e.getKey() + "=" + w);
            }
        }
        jdbi.useTransaction(h -> {
            h.execute("DELETE FROM score_weight");
            if (weights.isEmpty()) {
                return;
            }
            PreparedBatch batch = h.prepareBatch(
                    "INSERT INTO score_weight (weight_name, weight, updated_at) VALUES (:name, :weight, :at)");
            for (Map.Entry<String, Double> e : weights.entrySet()) {
                batch.bind("name", e.getKey()).bind("weight", e.getValue().doubleValue())
                        .bind("at", SqlValues.timestamp(clock.instant())).add();
            }
            batch.execute();
        });
    }
}

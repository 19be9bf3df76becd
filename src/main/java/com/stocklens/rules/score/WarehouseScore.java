package com.stocklens.rules.score;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The scorecard of one warehouse: three axes, the weighted total (0..100) and its rank (1 = best). */
public record WarehouseScore(String id, String name, Map<Axis, AxisScore> axes, double total, int rank) {
    public WarehouseScore {
        axes = Map.copyOf(axes);
    }

    public AxisScore axis(Axis axis) {
        return axes.get(axis);
    }

    /** Every criterion line, axis by axis. */
    public List<CriterionScore> criteria() {
        return Arrays.stream(Axis.values()).flatMap(a -> axes.get(a).criteria().stream()).toList();
    }

    public CriterionScore criterion(Criterion c) {
        return axes.get(c.axis()).criteria().stream().filter(s -> s.criterion() == c).findFirst().orElseThrow();
    }
}

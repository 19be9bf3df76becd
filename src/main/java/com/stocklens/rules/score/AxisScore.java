package com.stocklens.rules.score;

import java.util.List;

/**
 * One axis of one warehouse: its 0..100 score, the weight the axis carried in the total ({@code share},
 * 0..1), and the criteria that made it (the explanation).
 */
public record AxisScore(Axis axis, double score, double weight, double share, List<CriterionScore> criteria) {
    public AxisScore {
        criteria = List.copyOf(criteria);
    }

    /** How many of its criteria had no value. */
    public long missing() {
        return criteria.stream().filter(CriterionScore::missing).count();
    }
}

package com.stocklens.rules.score;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Scores warehouses on the three axes of docs/DOMAIN.md §1. Pure: the same inputs, weights and bands give
 * the same scorecards.
 * <ul>
 * <li>Each criterion scores 0..100 against its {@link Band} (linear between poor and good, clamped).</li>
 * <li><b>A missing input scores {@link #NEUTRAL} (50) and is flagged missing</b> — so does a measured value
 * resting on too few days of history, shown with {@link BandLevel#INSUFFICIENT_HISTORY}: a warehouse is neither
 * punished (as 0 would) nor rewarded for what nobody knows, and the weights keep meaning the same thing
 * for every warehouse (redistributing a missing criterion's weight would make a candidate with one
 * known criterion rank by that one alone).</li>
 * <li>An axis scores the weighted mean of its criteria; the total, the weighted mean of the axes. Weights
 * of 0 leave a criterion or axis out; an axis whose weights are all 0 scores neutral.</li>
 * <li>Rank 1 is the highest total; ties are broken by name, then id, so the order is stable.</li>
 * </ul>
 */
public final class Scorecard {
    /** The score of a criterion nobody knows. */
    public static final double NEUTRAL = 50.0;

    private Scorecard() {
    }

    /** Scorecards of every input, best first. */
    public static List<WarehouseScore> rank(List<ScoreInput> inputs, ScoreWeights weights, ScoreBands bands) {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(bands, "bands");
        List<WarehouseScore> unranked = new ArrayList<>();
        for (ScoreInput in : inputs) {
            unranked.add(score(in, weights, bands, 0));
        }
        unranked.sort(Comparator.comparingDouble(WarehouseScore::total).reversed()
                .thenComparing(WarehouseScore::name).thenComparing(WarehouseScore::id));
        List<WarehouseScore> ranked = new ArrayList<>(unranked.size());
        for (int i = 0; i < unranked.size(); i++) {
            WarehouseScore s = unranked.get(i);
            ranked.add(new WarehouseScore(s.id(), s.name(), s.axes(), s.total(), i + 1));
        }
        return List.copyOf(ranked);
    }

    /** The scorecard of one input (rank given by the caller). */
    public static WarehouseScore score(ScoreInput in, ScoreWeights weights, ScoreBands bands, int rank) {
        double axisWeightSum = 0;
        for (Axis a : Axis.values()) {
            axisWeightSum += weights.of(a);
        }
        Map<Axis, AxisScore> axes = new EnumMap<>(Axis.class);
        double total = 0;
        for (Axis a : Axis.values()) {
            AxisScore s = axis(a, in, weights, bands, axisWeightSum);
            axes.put(a, s);
            total += s.score() * s.weight();
        }
        // Weighted sum ÷ weight sum (not a sum of rounded shares): all-neutral inputs give exactly 50.
        total = axisWeightSum == 0 ? NEUTRAL : total / axisWeightSum;
        return new WarehouseScore(in.id(), in.name(), axes, total, rank);
    }

    private static AxisScore axis(Axis a, ScoreInput in, ScoreWeights weights, ScoreBands bands, double axisWeightSum) {
        double sum = 0;
        for (Criterion c : Criterion.values()) {
            if (c.axis() == a) {
                sum += weights.of(c);
            }
        }
        List<CriterionScore> lines = new ArrayList<>();
        double score = 0;
        for (Criterion c : Criterion.values()) {
            if (c.axis() != a) {
                continue;
            }
            Double value = in.value(c);
            Band band = bands.of(c);
            boolean thin = in.isThin(c);
            boolean missing = value == null || thin;
            double s = missing ? NEUTRAL : band.score(value);
            double w = weights.of(c);
            double share = sum == 0 ? 0 : w / sum;
            score += s * w;
            lines.add(new CriterionScore(c, value, band, thin ? BandLevel.INSUFFICIENT_HISTORY : band.level(value), s,
                    w, share, missing));
        }
        score = sum == 0 ? NEUTRAL : score / sum;
        double aw = weights.of(a);
        return new AxisScore(a, score, aw, axisWeightSum == 0 ? 0 : aw / axisWeightSum, lines);
    }
}

package com.stocklens.rules.score;

/**
 * One line of a score's explanation: the input, its band, the 0..100 it scored and the weight it carried
 * inside its axis ({@code share} = weight ÷ the axis's total weight, 0..1).
 *
 * @param value   the input, null when missing
 * @param score   0..100; {@link Scorecard#NEUTRAL} when missing
 * @param missing true when there was no value: scored neutrally, shown as missing
 */
public record CriterionScore(Criterion criterion, Double value, Band band, BandLevel level, double score,
                             double weight, double share, boolean missing) {
}

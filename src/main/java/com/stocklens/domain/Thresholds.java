package com.stocklens.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * The policy figures of docs/DOMAIN.md, all settings. The defaults come from the seller-education article
 * the project grew from and could not be confirmed in TikTok's public documentation; a seller matches
 * them to the notice in their own Seller Center.
 *
 * @param calibrationBasis       which quantities are compared for a calibration task
 * @param calibrationUnits       a gap strictly greater than this many units opens a task (default 5)
 * @param calibrationPercent     … or a gap strictly greater than this percent of total stock (default 3.0)
 * @param calibrationDeadline    time the seller has to declare a cause (default 2 h)
 * @param staleAfter             a source not synced within this window is stale (default 15 min)
 * @param slowMovingDays         stock older than this many days is slow-moving (default 90)
 * @param returnQcWorkingDays    returns waiting for QC longer than this many working days are flagged (default 5)
 * @param serviceLevelZ          z of the safety-stock service level (default 1.645 = 95 %)
 * @param leadTimeDays           replenishment lead time L in days when none is known per SKU (default 30)
 * @param leadTimeStdDevDays     σL, the lead time's standard deviation in days (default 5)
 * @param demandWindowDays       days of sales history used for d̄ and σd (default 28)
 * @param targetCoverDays        cover the reorder quantity aims at beyond the lead time (default 30)
 */
public record Thresholds(
        CalibrationBasis calibrationBasis,
        int calibrationUnits,
        double calibrationPercent,
        Duration calibrationDeadline,
        Duration staleAfter,
        int slowMovingDays,
        int returnQcWorkingDays,
        double serviceLevelZ,
        int leadTimeDays,
        double leadTimeStdDevDays,
        int demandWindowDays,
        int targetCoverDays) {

    public static final Thresholds DEFAULTS = new Thresholds(CalibrationBasis.AVAILABLE, 5, 3.0,
            Duration.ofHours(2), Duration.ofMinutes(15), 90, 5, 1.645, 30, 5.0, 28, 30);

    public Thresholds {
        Objects.requireNonNull(calibrationBasis, "calibrationBasis");
        Objects.requireNonNull(calibrationDeadline, "calibrationDeadline");
        Objects.requireNonNull(staleAfter, "staleAfter");
        if (calibrationUnits < 0 || calibrationPercent < 0 || slowMovingDays < 0 || returnQcWorkingDays < 0
                || leadTimeDays < 0 || leadTimeStdDevDays < 0 || demandWindowDays <= 0 || targetCoverDays < 0) {
            throw new IllegalArgumentException("thresholds must not be negative");
        }
    }

    public Thresholds withStaleAfter(Duration window) {
        return new Thresholds(calibrationBasis, calibrationUnits, calibrationPercent, calibrationDeadline, window,
                slowMovingDays, returnQcWorkingDays, serviceLevelZ, leadTimeDays, leadTimeStdDevDays,
                demandWindowDays, targetCoverDays);
    }
}

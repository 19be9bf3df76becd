package com.stocklens.service;

import com.stocklens.domain.AlertKind;
import com.stocklens.domain.Wording;
import java.time.Instant;
import java.util.Objects;

/**
 * One line of the triage list: a calibration task or an alert, with what makes it matter.
 *
 * @param rank          1 for the first thing to do; digest lines follow the act-now ones
 * @param section       which part of the list it is in
 * @param kind          {@code CALIBRATION} or the alert kind's name, spelled as in {@code flags --json}
 * @param alertKind     the alert's kind, null for a calibration task
 * @param sellerSku     null for a source-level line
 * @param skuName       the product name, null when unknown
 * @param warehouseId   null for a source-level line
 * @param warehouseName the warehouse's display name, null when unknown
 * @param sourceId      the source concerned (stale sources), else null
 * @param sourceName    its display name, else null
 * @param taskId        the calibration task, else null
 * @param alertKey      the alert's key, else null
 * @param unitsAtRisk   units the line puts at risk (the gap, the units TikTok may oversell, the unreserved
 *                      orders, the units of the lines a stale source blocks …); null where the kind counts
 *                      no units (days of age, working days waited)
 * @param dailySales    the SKU's d̄ over the demand window (units a day over the days sales history covers
 *                      that were not stock-out days); null when the line's kind weighs no units against a
 *                      limit or its demand is unknown (no sales history, or out of stock every day), never 0
 *                      for unknown
 * @param salesDays     the days {@code dailySales} averages (thin history says so); null with it
 * @param impact        unitsAtRisk × dailySales, the order of {@link TriageSection#AT_RISK}; null when either
 *                      is unknown
 * @param blockedLines  for a stale source: the SKU × warehouse lines it keeps from being checked, else 0
 * @param deadline      a calibration task's deadline, else null
 * @param actual        the alert's observed figure (see {@code AlertKind}), or the warehouse figure of a task
 * @param limit         the alert's limit, or TikTok's figure of a task
 * @param reason        why, in words each reader renders in its language ({@code triage --json}: English; the
 *                      window words it from the figures itself)
 */
public record TriageItem(
        int rank,
        TriageSection section,
        String kind,
        AlertKind alertKind,
        String sellerSku,
        String skuName,
        String warehouseId,
        String warehouseName,
        String sourceId,
        String sourceName,
        Long taskId,
        String alertKey,
        Integer unitsAtRisk,
        Double dailySales,
        Integer salesDays,
        Double impact,
        int blockedLines,
        Instant deadline,
        Integer actual,
        Integer limit,
        Wording reason) {

    /** The kind name of a calibration task. */
    public static final String CALIBRATION = "CALIBRATION";

    public TriageItem {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
    }

    /** The same line at another rank. */
    public TriageItem withRank(int newRank) {
        return new TriageItem(newRank, section, kind, alertKind, sellerSku, skuName, warehouseId, warehouseName,
                sourceId, sourceName, taskId, alertKey, unitsAtRisk, dailySales, salesDays, impact, blockedLines,
                deadline, actual, limit, reason);
    }

    public boolean isCalibration() {
        return taskId != null;
    }
}

package com.stocklens.service;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One push as the audit keeps it: who sent which plan when, and TikTok's answer per SKU and warehouse.
 *
 * @param taskId    the calibration task it was made for, or null
 * @param undoOf    the push it undid, or null
 * @param by        the person (or {@code auto} for an automatic push)
 * @param desk      the desk that sent it (team mode)
 * @param status    SENDING while in flight; then ACCEPTED, PARTIAL or REFUSED
 */
public record PushRecord(long id, String planId, PushScope scope, Long taskId, Long undoOf, String by, String desk,
                         boolean automatic, Instant startedAt, Instant finishedAt, Status status,
                         List<PushedLine> lines) {
    /** How a push ended. */
    public enum Status {
        SENDING, ACCEPTED, PARTIAL, REFUSED
    }

    public PushRecord {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(status, "status");
        lines = List.copyOf(lines);
    }

    public long accepted() {
        return lines.stream().filter(l -> l.outcome() == PushedLine.Outcome.ACCEPTED).count();
    }

    public long refusedCount() {
        return lines.stream().filter(l -> l.outcome() != PushedLine.Outcome.ACCEPTED).count();
    }

    /** Units TikTok's figures moved by through this push. */
    public int unitsChanged() {
        return lines.stream().filter(l -> l.outcome() == PushedLine.Outcome.ACCEPTED)
                .mapToInt(l -> l.line().unitsChanged()).sum();
    }

    /** The lines of one SKU. */
    public List<PushedLine> linesOf(String sellerSku) {
        return lines.stream().filter(l -> l.line().sellerSku().equals(sellerSku)).toList();
    }
}

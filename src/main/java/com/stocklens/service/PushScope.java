package com.stocklens.service;

import java.util.Locale;
import java.util.Objects;

/**
 * What a push plan covers (docs/guide/push.md): one calibration task, one warehouse, every CSV-fed
 * warehouse, or the SKUs whose returns passed QC since the last such push.
 *
 * @param kind what
 * @param ref  the task id or the warehouse id; null for {@link Kind#CSV} and {@link Kind#RETURNS}
 */
public record PushScope(Kind kind, String ref) {
    /** The kinds of scope. */
    public enum Kind {
        TASK, WAREHOUSE, CSV, RETURNS
    }

    public PushScope {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.TASK || kind == Kind.WAREHOUSE) && (ref == null || ref.isBlank())) {
            throw new IllegalArgumentException(kind + " needs a task or warehouse id");
        }
    }

    public static PushScope task(long taskId) {
        return new PushScope(Kind.TASK, Long.toString(taskId));
    }

    public static PushScope warehouse(String warehouseId) {
        return new PushScope(Kind.WAREHOUSE, warehouseId);
    }

    public static PushScope csv() {
        return new PushScope(Kind.CSV, null);
    }

    public static PushScope returns() {
        return new PushScope(Kind.RETURNS, null);
    }

    /** The task id of a {@link Kind#TASK} scope, else null. */
    public Long taskId() {
        return kind == Kind.TASK ? Long.valueOf(ref) : null;
    }

    /** {@code task 12}, {@code warehouse csv:PH-MNL}, {@code csv}, {@code returns}. */
    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT) + (ref == null ? "" : " " + ref);
    }
}

package com.stocklens.service;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A push plan: what StockLens would set on TikTok for a scope, and what it refuses and why. Nothing is sent
 * until a person applies it, within a few minutes of its making (docs/guide/push.md).
 *
 * @param id        e.g. {@code p-3f9a1c2e}
 * @param items     the figures to set (each one changes TikTok's figure)
 * @param refused   the lines refused, each with its reason
 * @param unchanged lines whose figure is already right on TikTok (nothing to send)
 * @param taskId    the calibration task it fixes, for a task scope
 */
public record PushPlan(String id, Instant createdAt, PushScope scope, List<PushLine> items, List<PushLine> refused,
                       int unchanged, int buffer, Long taskId) {
    public PushPlan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(scope, "scope");
        items = List.copyOf(items);
        refused = List.copyOf(refused);
    }

    /** Units the plan moves TikTok's figures by, in total. */
    public int unitsChanged() {
        return items.stream().mapToInt(PushLine::unitsChanged).sum();
    }
}

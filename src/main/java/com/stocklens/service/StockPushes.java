package com.stocklens.service;

import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Pushing the warehouse's figures to TikTok, safely, visibly, reversibly (docs/guide/push.md): plan, apply,
 * audit, undo, and the automatic pushes' settings. Blocking (database and network): call it off the FX thread.
 */
public interface StockPushes {
    /** Computes and keeps a plan for {@code scope}; nothing is sent. */
    PushPlan plan(PushScope scope);

    /** A kept plan, if it exists. */
    Optional<PushPlan> findPlan(String planId);

    /**
     * Sends a plan made in the last few minutes, after checking every line again (the snapshots' freshness,
     * the warehouse's figure, TikTok's figure now), and records the push.
     *
     * @param progress told (lines done, lines in all) as batches are answered; may be null
     * @throws PlanUnavailableException when the plan is unknown or too old
     */
    PushRecord apply(String planId, String who, BiConsumer<Integer, Integer> progress);

    /**
     * Re-pushes the previous figures of one push, where they are still what TikTok shows now; the other lines
     * are refused with the reason.
     *
     * @throws IllegalArgumentException when there is no such push or nothing of it was accepted
     */
    PushRecord undo(long pushId, String who);

    /** The latest pushes, newest first. */
    List<PushRecord> history(int limit);

    /** One push. */
    Optional<PushRecord> push(long pushId);

    /** The pushes that touched one SKU, newest first (the SKU detail pane). */
    List<PushRecord> forSku(String sellerSku, int limit);

    /** The pushes made for one calibration task, newest first (its card, "fixed by push #n"). */
    List<PushRecord> forTask(long taskId);

    PushSettings settings();

    /** Saves the settings; {@code who} goes into the audit. */
    PushSettings saveSettings(PushSettings settings, String who);

    /** Minutes a plan can be applied after it was made. */
    int planMinutes();

    /** A plan that cannot be applied: unknown, or older than {@link #planMinutes()}. */
    final class PlanUnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public PlanUnavailableException(String message) {
            super(message);
        }
    }

    /** No push service (a snapshot file, tests): plans are empty and nothing can be sent. */
    StockPushes NONE = new StockPushes() {
        @Override
        public PushPlan plan(PushScope scope) {
            throw new UnsupportedOperationException("pushing to TikTok is not available here");
        }

        @Override
        public Optional<PushPlan> findPlan(String planId) {
            return Optional.empty();
        }

        @Override
        public PushRecord apply(String planId, String who, BiConsumer<Integer, Integer> progress) {
            throw new PlanUnavailableException("pushing to TikTok is not available here");
        }

        @Override
        public PushRecord undo(long pushId, String who) {
            throw new UnsupportedOperationException("pushing to TikTok is not available here");
        }

        @Override
        public List<PushRecord> history(int limit) {
            return List.of();
        }

        @Override
        public Optional<PushRecord> push(long pushId) {
            return Optional.empty();
        }

        @Override
        public List<PushRecord> forSku(String sellerSku, int limit) {
            return List.of();
        }

        @Override
        public List<PushRecord> forTask(long taskId) {
            return List.of();
        }

        @Override
        public PushSettings settings() {
            return PushSettings.DEFAULTS;
        }

        @Override
        public PushSettings saveSettings(PushSettings settings, String who) {
            throw new UnsupportedOperationException("pushing to TikTok is not available here");
        }

        @Override
        public int planMinutes() {
            return 0;
        }
    };
}

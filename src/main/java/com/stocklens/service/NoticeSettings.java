package com.stocklens.service;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which notices pop up on the desktop (the bell keeps them all): the topics that do, and a mute for all.
 * A topic is {@code CALIBRATION_OPENED}, {@code CALIBRATION_DUE} (the 30/10-minute reminders),
 * {@code PUSH_FAILED}, or an alert kind's name ({@code OVERSELL_RISK} …), see {@link #topicOf}.
 *
 * @param muted  nothing pops up
 * @param popups the topics that pop up
 */
public record NoticeSettings(boolean muted, Set<String> popups) {
    public static final String CALIBRATION_OPENED = "CALIBRATION_OPENED";
    public static final String CALIBRATION_DUE = "CALIBRATION_DUE";
    public static final String PUSH_FAILED = "PUSH_FAILED";

    /**
     * Only what costs orders today pops up: a new calibration task (TikTok blocks the SKU at its deadline) and
     * a new oversell (the risk, and units already sold that cannot ship). Everything else waits in the bell.
     */
    public static final NoticeSettings DEFAULT = new NoticeSettings(false,
            Set.of(CALIBRATION_OPENED, "OVERSELL_RISK", "OVERSOLD"));

    public NoticeSettings {
        popups = Set.copyOf(Objects.requireNonNull(popups, "popups"));
    }

    /** The topic a notice belongs to. */
    public static String topicOf(Notice n) {
        return switch (n.kind()) {
            case CALIBRATION_OPENED -> CALIBRATION_OPENED;
            case CALIBRATION_DUE_30, CALIBRATION_DUE_10 -> CALIBRATION_DUE;
            case PUSH_FAILED -> PUSH_FAILED;
            case ALERT_RAISED -> n.alertKind() == null ? "ALERT" : n.alertKind().name();
        };
    }

    /** True when {@code n} pops up. */
    public boolean popsUp(Notice n) {
        return !muted && popups.contains(topicOf(n));
    }

    /** True when {@code topic} pops up (muted or not). */
    public boolean popsUp(String topic) {
        return popups.contains(topic);
    }

    public NoticeSettings withMuted(boolean value) {
        return new NoticeSettings(value, popups);
    }

    /** The same with {@code topic} popping up or not. */
    public NoticeSettings withPopup(String topic, boolean on) {
        Set<String> next = new TreeSet<>(popups);
        if (on) {
            next.add(topic);
        } else {
            next.remove(topic);
        }
        return new NoticeSettings(muted, next);
    }
}

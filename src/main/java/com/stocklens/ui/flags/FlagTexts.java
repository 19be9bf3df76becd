package com.stocklens.ui.flags;

import com.stocklens.domain.AlertKind;
import com.stocklens.domain.Declaration;
import com.stocklens.domain.DeclaredCause;
import com.stocklens.domain.RootCauseHint;
import com.stocklens.domain.Wording;
import com.stocklens.rules.Urgency;
import com.stocklens.service.Notice;
import com.stocklens.ui.Formats;
import com.stocklens.ui.Messages;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How red flags read on screen, shared by the panel, the declare dialog and the toasts, so a cause or
 * a hint is worded the same everywhere. Keys derive from enum names in camel case
 * ({@code RETURN_AWAITING_QC} → {@code cause.returnAwaitingQc}).
 */
public final class FlagTexts {
    private final Messages messages;

    public FlagTexts(Messages messages) {
        this.messages = messages;
    }

    /** {@code SYNC_MISS} → {@code syncMiss}. */
    static String camel(Enum<?> value) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : value.name().toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    public Messages messages() {
        return messages;
    }

    public String cause(DeclaredCause cause) {
        return cause == null ? Formats.UNKNOWN : messages.get("cause." + camel(cause));
    }

    /** The urgency in words; null is a declared task (its countdown stopped). */
    public String urgency(Urgency urgency) {
        return messages.get("urgency." + styleName(urgency));
    }

    /**
     * The name an urgency goes by as a CSS pseudo-class and i18n key suffix: {@code calm} …
     * {@code overdue}, and {@code declared} for null (a task whose countdown stopped).
     */
    public static String styleName(Urgency urgency) {
        return urgency == null ? "declared" : urgency.name().toLowerCase(Locale.ROOT);
    }

    public String alertKind(AlertKind kind) {
        return messages.get("alert.kind." + camel(kind));
    }

    /** One hint with its units: "退货质检中 2 件". */
    public String hint(RootCauseHint hint) {
        String key = "hint." + camel(hint.kind());
        return hint.units() == null ? messages.get(key + ".plain")
                : messages.format(key, Formats.quantity(hint.units(), messages));
    }

    /** All hints, most likely first, joined; or the "no hint" text. */
    public String hints(List<RootCauseHint> hints) {
        if (hints.isEmpty()) {
            return messages.get("flags.task.noHints");
        }
        return messages.format("flags.task.hints", hintList(hints));
    }

    /** The hints alone, joined with " · ". */
    public String hintList(List<RootCauseHint> hints) {
        return hints.stream().map(this::hint).collect(Collectors.joining(" · "));
    }

    /** What was declared: "Declared: Damage: 6 pairs torn". */
    public String declaration(Declaration d) {
        String what = d.note() == null || d.note().isBlank() ? cause(d.cause())
                : messages.format("flags.task.causeWithNote", cause(d.cause()), d.note());
        return messages.format("flags.task.declared", what);
    }

    /** Who and when: "by li.wei · 2026-03-02 14:05:00 Beijing time". */
    public String declaredBy(Declaration d) {
        return messages.format("flags.task.declaredBy", d.declaredBy(), Formats.beijingTime(d.declaredAt()));
    }

    /** The alert's two figures in the words of its kind; seconds for a stale source read as an age. */
    public String alertFigures(AlertRowViewModel a) {
        return figures(a.kind(), a.actual(), a.limit());
    }

    /** An alert kind's two figures (actual, limit) in its words. */
    public String figures(AlertKind kind, Integer actual, Integer limit) {
        String key = "alert.figures." + camel(kind);
        if (kind == AlertKind.STALE_SOURCE || kind == AlertKind.SKU_SYNC_LAG) {
            return messages.format(key, age(actual), age(limit));
        }
        return messages.format(key, Formats.quantity(actual, messages), Formats.quantity(limit, messages));
    }

    private String age(Integer seconds) {
        return seconds == null ? Formats.UNKNOWN : Formats.age(Duration.ofSeconds(seconds), messages);
    }

    /** "1 hour", "4 hours", "1 day" for the snooze choices. */
    public String snooze(Duration d) {
        String suffix = d.toHours() < 24 ? d.toHours() + "h" : d.toDays() + "d";
        return messages.get("alert.snooze." + suffix);
    }

    /** Words of a rule or a service (an alert's working, a triage reason) in this window's language; "" for none. */
    public String words(Wording wording) {
        return wording == null ? "" : wording.in(messages.locale());
    }

    /** A toast's text. */
    public String notice(Notice n) {
        String where = n.warehouseName() != null ? n.warehouseName()
                : n.warehouseId() != null ? n.warehouseId() : "";
        String sku = n.sellerSku() == null ? "" : n.sellerSku();
        return switch (n.kind()) {
            case CALIBRATION_OPENED -> messages.format("flags.notice.calibrationOpened", sku, where);
            case CALIBRATION_DUE_30 -> messages.format("flags.notice.calibrationDue30", sku, where);
            case CALIBRATION_DUE_10 -> messages.format("flags.notice.calibrationDue10", sku, where);
            case ALERT_RAISED -> sku.isEmpty() && n.warehouseId() == null && n.detail() != null
                    && n.detail().chars().allMatch(Character::isDigit)
                    ? messages.format("flags.notice.alertBurst",
                            n.alertKind() == null ? "" : alertKind(n.alertKind()), n.detail())
                    : messages.format("flags.notice.alertRaised",
                    n.alertKind() == null ? "" : alertKind(n.alertKind()),
                    sku.isEmpty() ? (n.detail() == null ? where : words(Wording.decode(n.detail())))
                            : sku + (where.isEmpty() ? "" : " @ " + where));
            case PUSH_FAILED -> messages.format("flags.notice.pushFailed", n.detail() == null ? "" : n.detail());
        };
    }
}

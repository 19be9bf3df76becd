package com.stocklens.ui.flags;

import com.stocklens.domain.Alert;
import com.stocklens.domain.AlertKind;
import com.stocklens.domain.AlertState;
import com.stocklens.domain.Warehouse;
import com.stocklens.domain.Wording;
import com.stocklens.service.AlertRow;
import com.stocklens.service.TriageItem;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One alert on the panel. Immutable: acknowledging or snoozing goes through the service and comes back
 * as a new board. Whether it is on screen depends on the clock (a snooze ends), see {@link #isListedAt}.
 * Its impact (units at risk × daily sales) comes from the triage list's line for it.
 */
public final class AlertRowViewModel implements AlertLine {
    /**
     * Severity order, most severe first: a stale source makes every other figure suspect; oversold orders
     * already cannot ship; oversell, missing pre-allocation and a SKU TikTok has not followed cost orders today;
     * the rest are housekeeping.
     */
    public static final List<AlertKind> SEVERITY = List.of(AlertKind.STALE_SOURCE, AlertKind.OVERSOLD,
            AlertKind.OVERSELL_RISK, AlertKind.MISSING_PREALLOCATION, AlertKind.SKU_SYNC_LAG,
            AlertKind.BELOW_SAFETY_STOCK, AlertKind.RETURN_NOT_RESTOCKED, AlertKind.RETURN_QC_OVERDUE,
            AlertKind.SLOW_MOVING);

    private final AlertRow row;
    private final Alert alert;
    private final String subject;
    private final TriageItem triage;
    private volatile String searchableDetail;

    public AlertRowViewModel(AlertRow row) {
        this(row, null);
    }

    /** @param triage the alert's line in the triage list, or null when it has none (acknowledged, snoozed) */
    public AlertRowViewModel(AlertRow row, TriageItem triage) {
        this.row = Objects.requireNonNull(row, "row");
        this.alert = row.alert();
        this.subject = subjectOf(row);
        this.triage = triage;
    }

    private static String subjectOf(AlertRow row) {
        Alert a = row.alert();
        if (a.sellerSku() == null) {
            return row.sourceName() != null ? row.sourceName() : Objects.requireNonNullElse(a.sourceId(), a.key());
        }
        StringBuilder s = new StringBuilder(a.sellerSku());
        if (row.skuName() != null && !row.skuName().isBlank()) {
            s.append(' ').append(row.skuName());
        }
        Warehouse w = row.warehouse();
        if (w != null) {
            s.append(" · ").append(w.provider().displayName()).append(" · ").append(w.name());
        } else if (a.warehouseId() != null) {
            s.append(" · ").append(a.warehouseId());
        }
        return s.toString();
    }

    public AlertRow row() {
        return row;
    }

    public Alert alert() {
        return alert;
    }

    /** The condition's key: one alert per condition. */
    public String key() {
        return alert.key();
    }

    public AlertKind kind() {
        return alert.kind();
    }

    /** Rank in {@link #SEVERITY}: 0 is the most severe. */
    public int severity() {
        return SEVERITY.indexOf(alert.kind());
    }

    /** "SKU name · provider · warehouse" or the source's name. */
    public String subject() {
        return subject;
    }

    public Integer actual() {
        return alert.actual();
    }

    public Integer limit() {
        return alert.limit();
    }

    /** The working, in words each language renders ({@link FlagTexts#words}); may be null. */
    public Wording detail() {
        return alert.detail();
    }

    /** Units at risk × the SKU's daily sales (the triage's order of orders at risk), null when not known. */
    public Double impact() {
        return triage == null ? null : triage.impact();
    }

    /** The units the alert puts at risk, null when the kind counts none or the alert has no triage line. */
    public Integer unitsAtRisk() {
        return triage == null ? null : triage.unitsAtRisk();
    }

    /** The SKU's average units sold per in-stock day, null when not known. */
    public Double dailySales() {
        return triage == null ? null : triage.dailySales();
    }

    /** The days {@link #dailySales} averages, null with it. */
    public Integer salesDays() {
        return triage == null ? null : triage.salesDays();
    }

    /** What matches a filter: SKU, product and warehouse names, source, the working. */
    boolean matches(String needle) {
        if (needle == null || needle.isBlank()) {
            return true;
        }
        String n = needle.strip().toLowerCase(Locale.ROOT);
        return subject.toLowerCase(Locale.ROOT).contains(n) || searchableDetail().contains(n);
    }

    /** The working in both languages, lower case, for the filter (made once, on the first filter). */
    private String searchableDetail() {
        String d = searchableDetail;
        if (d == null) {
            Wording w = alert.detail();
            d = w == null ? "" : (w.english() + "\n" + w.in(Locale.SIMPLIFIED_CHINESE)).toLowerCase(Locale.ROOT);
            searchableDetail = d;
        }
        return d;
    }

    public Instant raisedAt() {
        return alert.raisedAt();
    }

    public boolean isAcknowledged() {
        return alert.state() == AlertState.ACKNOWLEDGED;
    }

    public String acknowledgedBy() {
        return alert.acknowledgedBy();
    }

    /** Showing and not yet acknowledged: counts on the badge. */
    public boolean needsAttentionAt(Instant now) {
        return alert.isShowing(now);
    }

    /** On the list: showing, or acknowledged (kept, dimmed). Snoozed ones come back when the snooze ends. */
    public boolean isListedAt(Instant now) {
        return alert.isShowing(now) || isAcknowledged();
    }
}

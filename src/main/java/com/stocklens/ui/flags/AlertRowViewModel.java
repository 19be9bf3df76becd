package com.stocklens.ui.flags;

import com.stocklens.domain.Alert;
import com.stocklens.domain.AlertKind;
import com.stocklens.domain.AlertState;
import com.stocklens.domain.Warehouse;
import com.stocklens.service.AlertRow;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One alert on the panel. Immutable: acknowledging or snoozing goes through the service and comes back
 * as a new board. Whether it is on screen depends on the clock (a snooze ends), see {@link #isListedAt}.
 */
public final class AlertRowViewModel {
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

    public AlertRowViewModel(AlertRow row) {
        this.row = Objects.requireNonNull(row, "row");
        this.alert = row.alert();
        this.subject = subjectOf(row);
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

    /** The working in plain words; may be null. */
    public String detail() {
        return alert.detail();
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

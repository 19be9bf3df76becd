package com.stocklens.app.flags;

import com.stocklens.domain.Alert;
import com.stocklens.domain.AlertKind;
import com.stocklens.domain.CalibrationTask;
import com.stocklens.service.AlertRow;
import com.stocklens.service.FlagBoard;
import com.stocklens.service.FlagReader;
import com.stocklens.service.History;
import com.stocklens.service.StockBoard;
import com.stocklens.service.TaskRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The red flags now and at any past moment the cache holds: what the window and {@code flags --as-of}
 * read.
 *
 * <p>At a past moment T: the calibration tasks and which alerts were listed come from the store's own
 * record ({@code store.JdbiFlagReader#readAt}: tasks open at T with the declarations made by T, alerts
 * replayed from their audit trail). A task's quantities and hints, and an alert's figures, are kept only
 * as last updated, so they are recomputed ({@link FlagEngine#tasksAt}, {@link FlagEngine#alertsAt}): the rules are pure functions of the stock board, so the board as of T (and the demand and
 * ages as of T) gives the figures of stale sources, oversell, missing pre-allocation, safety stock and
 * slow-moving stock as they stood then ({@link FlagEngine#alertsAt}). Returns keep no history, nor does the
 * sync-lag rule's memory: a returns-QC, not-restocked or sync-lag alert listed at T shows without figures, and
 * its kind is reported as not recorded.
 *
 * <p>Lives in sync because it joins the store's record with the rules.
 */
public final class PastFlagReader implements FlagReader {
    /**
     * The alert kinds whose figures cannot be recomputed for a past moment: returns keep no history, and the
     * sync-lag rule's memory is kept only as of its last evaluation.
     */
    public static final Set<AlertKind> FIGURES_NOT_RECORDED = Set.of(AlertKind.RETURN_QC_OVERDUE,
            AlertKind.RETURN_NOT_RESTOCKED, AlertKind.SKU_SYNC_LAG);

    private final FlagReader store;
    private final History history;
    private final FlagEngine rules;

    /**
     * @param store   the store's reader (now, and the record of a past moment)
     * @param history the stock boards of past moments
     * @param rules   the engine whose rules and thresholds judge a past board
     */
    public PastFlagReader(FlagReader store, History history, FlagEngine rules) {
        this.store = Objects.requireNonNull(store, "store");
        this.history = Objects.requireNonNull(history, "history");
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    @Override
    public FlagBoard read() {
        return store.read();
    }

    @Override
    public FlagBoard readAt(Instant at) {
        FlagBoard recorded = store.readAt(at);
        StockBoard board = history.boardAt(at);
        List<CalibrationTask> tasksThen = rules.tasksAt(at, board, recorded.tasks().stream().map(TaskRow::task).toList());
        List<TaskRow> tasks = new ArrayList<>(tasksThen.size());
        for (int i = 0; i < tasksThen.size(); i++) {
            TaskRow row = recorded.tasks().get(i);
            tasks.add(new TaskRow(tasksThen.get(i), row.skuName(), row.warehouse()));
        }
        Map<String, Alert> figures = new HashMap<>();
        for (Alert a : rules.alertsAt(at, board)) {
            figures.put(a.key(), a);
        }
        List<AlertRow> alerts = new ArrayList<>(recorded.alerts().size());
        for (AlertRow row : recorded.alerts()) {
            Alert then = row.alert();
            Alert computed = figures.get(then.key());
            alerts.add(computed == null ? row : new AlertRow(new Alert(then.key(), then.kind(), then.sellerSku(),
                    then.warehouseId(), then.sourceId(), then.raisedAt(), computed.actual(), computed.limit(),
                    computed.detail(), then.state(), then.snoozedUntil(), then.acknowledgedBy()),
                    row.skuName(), row.warehouse(), row.sourceName()));
        }
        return new FlagBoard(tasks, alerts, recorded.evaluatedAt(), at,
                EnumSet.copyOf(FIGURES_NOT_RECORDED));
    }
}

package com.stocklens.store;

import static com.stocklens.store.SqlValues.timestamp;

import com.stocklens.domain.Alert;
import com.stocklens.domain.AlertKind;
import com.stocklens.domain.AlertState;
import com.stocklens.domain.CalibrationState;
import com.stocklens.domain.CalibrationTask;
import com.stocklens.domain.Declaration;
import com.stocklens.domain.DeclaredCause;
import com.stocklens.domain.PairWatch;
import com.stocklens.domain.Wording;
import com.stocklens.service.FlagsChanged;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Stores calibration tasks and alerts, and the audit trail of what people did to them.
 *
 * <p>An evaluation is applied in one transaction, so a reader never sees half of one. Alerts merge by
 * key: a condition still true keeps its state (ACTIVE, ACKNOWLEDGED, SNOOZED) and its raised time, and
 * only its figures are refreshed; a new key is inserted ACTIVE; a key whose condition is gone becomes
 * CLEARED; a CLEARED key whose condition returns is ACTIVE again with a new raised time. A snooze that
 * has run out while the condition still holds turns back to ACTIVE and counts as raised, so it is
 * announced again. Keys the evaluation could not judge (a stale side) are left exactly as they are.
 * Thread-safe; people's actions and evaluations may interleave.
 */
public final class FlagRepository {
    /** The "who" of audit rows written by the rules rather than a person. */
    public static final String SYSTEM = "system";

    static final String TASK_COLUMNS = "t.id, t.seller_sku, t.warehouse_id, t.detected_at, t.deadline, "
            + "t.warehouse_qty, t.tiktok_qty, t.state, t.closed_at, t.hints";
    static final String ALERT_COLUMNS = "a.alert_key, a.kind, a.seller_sku, a.warehouse_id, a.source_id, a.raised_at, "
            + "a.actual, a.lim, a.detail, a.state, a.snoozed_until, a.acknowledged_by, a.weight";

    private final Jdbi jdbi;

    public FlagRepository(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    /** Tasks OPEN or DECLARED, with their declaration: the detector's memory. */
    public List<CalibrationTask> openTasks() {
        return jdbi.withHandle(h -> {
            Map<Long, Declaration> declarations = latestDeclarations(h);
            return h.createQuery("SELECT " + TASK_COLUMNS + " FROM calibration_task t "
                            + "WHERE t.state IN ('OPEN', 'DECLARED') ORDER BY t.deadline, t.id")
                    .map((rs, ctx) -> task(rs, declarations))
                    .list();
        });
    }

    /** Every calibration task of one seller SKU, whatever its state, newest first: its calibration history. */
    public List<CalibrationTask> tasksOf(String sellerSku) {
        Objects.requireNonNull(sellerSku, "sellerSku");
        return jdbi.withHandle(h -> {
            Map<Long, Declaration> declarations = latestDeclarations(h);
            return h.createQuery("SELECT " + TASK_COLUMNS + " FROM calibration_task t "
                            + "WHERE t.seller_sku = :sku ORDER BY t.detected_at DESC, t.id DESC")
                    .bind("sku", sellerSku)
                    .map((rs, ctx) -> task(rs, declarations))
                    .list();
        });
    }

    /** One task by id, whatever its state. */
    public Optional<CalibrationTask> task(long id) {
        return jdbi.withHandle(h -> findTask(h, id));
    }

    /** Every alert, cleared ones included. */
    public List<Alert> alerts() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + ALERT_COLUMNS + " FROM alert a ORDER BY a.alert_key")
                .map((rs, ctx) -> alert(rs))
                .list());
    }

    /** When the rules last ran, if ever. */
    public Optional<Instant> lastEvaluatedAt() {
        return jdbi.withHandle(FlagRepository::lastEvaluatedAt);
    }

    static Optional<Instant> lastEvaluatedAt(Handle h) {
        return h.createQuery("SELECT evaluated_at FROM flag_evaluation WHERE id = 1")
                .map((rs, ctx) -> SqlValues.instant(rs, "evaluated_at"))
                .findOne();
    }

    /**
     * Applies one evaluation of the rules in one transaction and returns what is new: the tasks
     * opened (with their ids), the tasks resolved, the alerts raised or raised again.
     *
     * @param toOpen        tasks to insert OPEN (ids ignored); skipped for a pair that already has an open task
     * @param toUpdate      open tasks whose figures and hints changed
     * @param toResolve     open tasks whose gap closed
     * @param alerts        every alert condition true now
     * @param undecidedKeys alert keys that could not be judged: left as they are
     */
    public FlagsChanged apply(Instant evaluatedAt, List<CalibrationTask> toOpen, List<CalibrationTask> toUpdate,
                              List<CalibrationTask> toResolve, List<Alert> alerts, Set<String> undecidedKeys) {
        return apply(evaluatedAt, toOpen, toUpdate, toResolve, alerts, undecidedKeys, List.of());
    }

    /**
     * As {@link #apply(Instant, List, List, List, List, Set)}, keeping the sync-lag rule's memory of the
     * pairs that changed ({@code watches}) in the same transaction.
     */
    public FlagsChanged apply(Instant evaluatedAt, List<CalibrationTask> toOpen, List<CalibrationTask> toUpdate,
                              List<CalibrationTask> toResolve, List<Alert> alerts, Set<String> undecidedKeys,
                              List<PairWatch> watches) {
        Objects.requireNonNull(evaluatedAt, "evaluatedAt");
        Instant now = SqlValues.stored(evaluatedAt);
        return jdbi.inTransaction(h -> {
            // Team mode: two desks evaluating at once would both open a task for a new gap.
            Dialect.lockFlags(h);
            List<CalibrationTask> opened = insertTasks(h, toOpen);
            updateFigures(h, toUpdate);
            List<CalibrationTask> resolved = resolve(h, toResolve, now);
            List<Alert> raised = mergeAlerts(h, alerts, undecidedKeys, now);
            saveWatches(h, watches);
            int updated = h.createUpdate("UPDATE flag_evaluation SET evaluated_at = :at WHERE id = 1")
                    .bind("at", timestamp(now)).execute();
            if (updated == 0) {
                h.createUpdate("INSERT INTO flag_evaluation (id, evaluated_at) VALUES (1, :at)")
                        .bind("at", timestamp(now)).execute();
            }
            return new FlagsChanged(now, opened, resolved, raised);
        });
    }

    private static List<CalibrationTask> insertTasks(Handle h, List<CalibrationTask> tasks) {
        List<CalibrationTask> out = new ArrayList<>(tasks.size());
        for (CalibrationTask t : tasks) {
            // A second task for a pair that already has one would break "one open task per pair";
            // the detector never asks for it, but a concurrent evaluation could.
            boolean exists = h.createQuery("SELECT COUNT(*) FROM calibration_task WHERE seller_sku = :sku "
                            + "AND warehouse_id = :wh AND state IN ('OPEN', 'DECLARED')")
                    .bind("sku", t.sellerSku()).bind("wh", t.warehouseId())
                    .mapTo(Integer.class).one() > 0;
            if (exists) {
                continue;
            }
            long id = h.createUpdate("INSERT INTO calibration_task (seller_sku, warehouse_id, detected_at, deadline, "
                            + "warehouse_qty, tiktok_qty, state, hints) "
                            + "VALUES (:sku, :wh, :detected, :deadline, :whq, :ttq, 'OPEN', :hints)")
                    .bind("sku", t.sellerSku())
                    .bind("wh", t.warehouseId())
                    .bind("detected", timestamp(t.detectedAt()))
                    .bind("deadline", timestamp(t.deadline()))
                    .bind("whq", t.warehouseQuantity())
                    .bind("ttq", t.tiktokQuantity())
                    .bind("hints", HintCodec.encode(t.hints()))
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
            out.add(new CalibrationTask(id, t.sellerSku(), t.warehouseId(), SqlValues.stored(t.detectedAt()),
                    SqlValues.stored(t.deadline()), t.warehouseQuantity(), t.tiktokQuantity(), CalibrationState.OPEN,
                    null, null, t.hints()));
        }
        return out;
    }

    private static void updateFigures(Handle h, List<CalibrationTask> tasks) {
        if (tasks.isEmpty()) {
            return;
        }
        // Figures only: the state belongs to the person declaring, who may act at the same moment.
        PreparedBatch batch = h.prepareBatch("UPDATE calibration_task SET warehouse_qty = :whq, tiktok_qty = :ttq, "
                + "hints = :hints WHERE id = :id AND state IN ('OPEN', 'DECLARED')");
        for (CalibrationTask t : tasks) {
            batch.bind("whq", t.warehouseQuantity()).bind("ttq", t.tiktokQuantity())
                    .bind("hints", HintCodec.encode(t.hints())).bind("id", t.id()).add();
        }
        batch.execute();
    }

    private static List<CalibrationTask> resolve(Handle h, List<CalibrationTask> tasks, Instant now) {
        List<CalibrationTask> out = new ArrayList<>();
        for (CalibrationTask t : tasks) {
            int n = h.createUpdate("UPDATE calibration_task SET state = 'RESOLVED', closed_at = :at, "
                            + "warehouse_qty = :whq, tiktok_qty = :ttq WHERE id = :id AND state IN ('OPEN', 'DECLARED')")
                    .bind("at", timestamp(now))
                    .bind("whq", t.warehouseQuantity())
                    .bind("ttq", t.tiktokQuantity())
                    .bind("id", t.id())
                    .execute();
            if (n == 1) {
                out.add(findTask(h, t.id()).orElseThrow());
            }
        }
        return out;
    }

    private record Existing(AlertState state, Instant snoozedUntil, Integer actual, Integer limit, String detail,
                            Long weight) {
    }

    private static List<Alert> mergeAlerts(Handle h, List<Alert> alerts, Set<String> undecidedKeys, Instant now) {
        Map<String, Existing> existing = new HashMap<>();
        h.createQuery("SELECT alert_key, state, snoozed_until, actual, lim, detail, weight FROM alert")
                .map((rs, ctx) -> Map.entry(rs.getString("alert_key"), new Existing(
                        AlertState.valueOf(rs.getString("state")), SqlValues.instant(rs, "snoozed_until"),
                        SqlValues.integer(rs, "actual"), SqlValues.integer(rs, "lim"), rs.getString("detail"),
                        longOrNull(rs, "weight"))))
                .forEach(e -> existing.put(e.getKey(), e.getValue()));

        List<Alert> raised = new ArrayList<>();
        PreparedBatch insert = h.prepareBatch("INSERT INTO alert (alert_key, kind, seller_sku, warehouse_id, source_id, "
                + "raised_at, actual, lim, detail, state, weight) "
                + "VALUES (:key, :kind, :sku, :wh, :source, :raised, :actual, :lim, :detail, 'ACTIVE', :weight)");
        PreparedBatch reopen = h.prepareBatch("UPDATE alert SET state = 'ACTIVE', raised_at = :raised, actual = :actual, "
                + "lim = :lim, detail = :detail, weight = :weight, snoozed_until = NULL, acknowledged_by = NULL, "
                + "cleared_at = NULL WHERE alert_key = :key");
        PreparedBatch wake = h.prepareBatch("UPDATE alert SET state = 'ACTIVE', snoozed_until = NULL, actual = :actual, "
                + "lim = :lim, detail = :detail, weight = :weight WHERE alert_key = :key");
        PreparedBatch figures = h.prepareBatch("UPDATE alert SET actual = :actual, lim = :lim, detail = :detail, "
                + "weight = :weight WHERE alert_key = :key");
        PreparedBatch clear = h.prepareBatch("UPDATE alert SET state = 'CLEARED', cleared_at = :at, snoozed_until = NULL "
                + "WHERE alert_key = :key");
        PreparedBatch events = h.prepareBatch("INSERT INTO alert_event (alert_key, at, who, action) "
                + "VALUES (:key, :at, :who, :action)");

        Set<String> seen = new HashSet<>();
        for (Alert a : alerts) {
            if (!seen.add(a.key()) || undecidedKeys.contains(a.key())) {
                continue;
            }
            Existing old = existing.get(a.key());
            if (old == null) {
                insert.bind("key", a.key()).bind("kind", a.kind().name()).bind("sku", a.sellerSku())
                        .bind("wh", a.warehouseId()).bind("source", a.sourceId()).bind("raised", timestamp(now))
                        .bind("actual", a.actual()).bind("lim", a.limit()).bind("detail", detail(a.detail()))
                        .bind("weight", a.weight()).add();
                event(events, a.key(), now, SYSTEM, "RAISED");
                raised.add(withState(a, AlertState.ACTIVE, now));
            } else if (old.state == AlertState.CLEARED) {
                reopen.bind("key", a.key()).bind("raised", timestamp(now)).bind("actual", a.actual())
                        .bind("lim", a.limit()).bind("detail", detail(a.detail())).bind("weight", a.weight()).add();
                event(events, a.key(), now, SYSTEM, "REOPENED");
                raised.add(withState(a, AlertState.ACTIVE, now));
            } else if (old.state == AlertState.SNOOZED && old.snoozedUntil != null && !now.isBefore(old.snoozedUntil)) {
                wake.bind("key", a.key()).bind("actual", a.actual()).bind("lim", a.limit())
                        .bind("detail", detail(a.detail())).bind("weight", a.weight()).add();
                event(events, a.key(), now, SYSTEM, "SNOOZE_ENDED");
                raised.add(a);
            } else if (!Objects.equals(old.actual, a.actual()) || !Objects.equals(old.limit, a.limit())
                    || !Objects.equals(old.detail, detail(a.detail())) || !Objects.equals(old.weight, a.weight())) {
                figures.bind("key", a.key()).bind("actual", a.actual()).bind("lim", a.limit())
                        .bind("detail", detail(a.detail())).bind("weight", a.weight()).add();
            }
        }
        for (Map.Entry<String, Existing> e : existing.entrySet()) {
            String key = e.getKey();
            if (e.getValue().state != AlertState.CLEARED && !seen.contains(key)
                    && !undecidedKeys.contains(key)) {
                clear.bind("key", key).bind("at", timestamp(now)).add();
                event(events, key, now, SYSTEM, "CLEARED");
            }
        }
        for (PreparedBatch b : List.of(insert, reopen, wake, figures, clear, events)) {
            if (b.size() > 0) {
                b.execute();
            }
        }
        return raised;
    }

    private static Alert withState(Alert a, AlertState state, Instant raisedAt) {
        return new Alert(a.key(), a.kind(), a.sellerSku(), a.warehouseId(), a.sourceId(), raisedAt, a.actual(),
                a.limit(), a.detail(), state, null, null, a.weight());
    }

    /** The detail as stored: the wording's one-line form ({@link Wording#encode()}), null for none. */
    private static String detail(Wording d) {
        return d == null ? null : SqlValues.oneLine(d.encode(), 2000);
    }

    private static void event(PreparedBatch events, String key, Instant at, String who, String action) {
        events.bind("key", key).bind("at", timestamp(at)).bind("who", who).bind("action", action).add();
    }

    // --- people's actions ----------------------------------------------------------------------

    /**
     * Declares a task's cause: the state change and the audit row commit together or not at all.
     *
     * @throws IllegalArgumentException when the task does not exist, or OTHER comes without a note
     * @throws IllegalStateException    when the task is already declared or resolved
     */
    public CalibrationTask declare(long taskId, DeclaredCause cause, String note, String who, Instant at) {
        Declaration declaration = new Declaration(cause, note == null || note.isBlank() ? null : note.strip(),
                requireWho(who), SqlValues.stored(at));
        return jdbi.inTransaction(h -> {
            int n = h.createUpdate("UPDATE calibration_task SET state = 'DECLARED' WHERE id = :id AND state = 'OPEN'")
                    .bind("id", taskId).execute();
            if (n == 0) {
                CalibrationTask t = findTask(h, taskId)
                        .orElseThrow(() -> new IllegalArgumentException("No calibration task " + taskId));
                if (t.declaration() != null) {
                    // Another desk (or person) got there first: say who, so nobody declares it twice.
                    throw new IllegalStateException("Calibration task " + taskId + " is already " + t.state()
                            + ": declared by " + t.declaration().declaredBy() + " at " + t.declaration().declaredAt());
                }
                throw new IllegalStateException("Calibration task " + taskId + " is already " + t.state());
            }
            FaultInjection.step();
            h.createUpdate("INSERT INTO calibration_declaration (task_id, cause, note, declared_by, declared_at) "
                            + "VALUES (:task, :cause, :note, :who, :at)")
                    .bind("task", taskId)
                    .bind("cause", cause.name())
                    .bind("note", declaration.note())
                    .bind("who", declaration.declaredBy())
                    .bind("at", timestamp(declaration.declaredAt()))
                    .execute();
            FaultInjection.step();
            return findTask(h, taskId).orElseThrow();
        });
    }

    /** Every declaration of a task, oldest first: the audit trail. */
    public List<Declaration> declarations(long taskId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT cause, note, declared_by, declared_at "
                        + "FROM calibration_declaration WHERE task_id = :task ORDER BY id")
                .bind("task", taskId)
                .map((rs, ctx) -> declaration(rs))
                .list());
    }

    /**
     * Acknowledges an alert (it stays listed, no longer new).
     *
     * @throws IllegalArgumentException when there is no such alert
     * @throws IllegalStateException    when it is cleared
     */
    public void acknowledge(String key, String who, Instant at) {
        String person = requireWho(who);
        Objects.requireNonNull(key, "key");
        jdbi.useTransaction(h -> {
            int n = h.createUpdate("UPDATE alert SET state = 'ACKNOWLEDGED', acknowledged_by = :who, "
                            + "snoozed_until = NULL WHERE alert_key = :key AND state IN ('ACTIVE', 'SNOOZED')")
                    .bind("who", person).bind("key", key).execute();
            if (n == 0) {
                Optional<String> state = h.createQuery("SELECT state FROM alert WHERE alert_key = :key")
                        .bind("key", key).mapTo(String.class).findOne();
                if (state.isEmpty()) {
                    throw new IllegalArgumentException("No alert " + key);
                }
                if ("ACKNOWLEDGED".equals(state.get())) {
                    // Already acknowledged (another desk at the same moment): recorded once, not again.
                    return;
                }
                throw new IllegalStateException("Alert " + key + " is " + state.get());
            }
            h.createUpdate("INSERT INTO alert_event (alert_key, at, who, action) VALUES (:key, :at, :who, :action)")
                    .bind("key", key).bind("at", timestamp(at)).bind("who", person).bind("action", "ACKNOWLEDGED")
                    .execute();
        });
    }

    /**
     * Snoozes an alert until {@code until}; it turns ACTIVE again at the first evaluation after that
     * if its condition still holds.
     *
     * @throws IllegalArgumentException when there is no such alert
     * @throws IllegalStateException    when it is cleared
     */
    public void snooze(String key, Instant until, String who, Instant at) {
        Objects.requireNonNull(until, "until");
        String person = requireWho(who);
        act(key, at, person, "SNOOZED", h -> h.createUpdate("UPDATE alert SET state = 'SNOOZED', snoozed_until = :until "
                        + "WHERE alert_key = :key AND state <> 'CLEARED'")
                .bind("until", timestamp(until)).bind("key", key).execute());
    }

    /** Every audit row of an alert, oldest first, as {@code action by who at instant}. */
    public List<String> alertHistory(String key) {
        return jdbi.withHandle(h -> h.createQuery("SELECT action, who, at FROM alert_event WHERE alert_key = :key "
                        + "ORDER BY id")
                .bind("key", key)
                .map((rs, ctx) -> rs.getString("action") + " by " + rs.getString("who") + " at "
                        + SqlValues.instant(rs, "at"))
                .list());
    }

    private interface Change {
        int apply(Handle h);
    }

    private void act(String key, Instant at, String who, String action, Change change) {
        Objects.requireNonNull(key, "key");
        jdbi.useTransaction(h -> {
            if (change.apply(h) == 0) {
                Optional<String> state = h.createQuery("SELECT state FROM alert WHERE alert_key = :key")
                        .bind("key", key).mapTo(String.class).findOne();
                if (state.isEmpty()) {
                    throw new IllegalArgumentException("No alert " + key);
                }
                throw new IllegalStateException("Alert " + key + " is " + state.get());
            }
            h.createUpdate("INSERT INTO alert_event (alert_key, at, who, action) VALUES (:key, :at, :who, :action)")
                    .bind("key", key).bind("at", timestamp(at)).bind("who", who).bind("action", action).execute();
        });
    }

    private static String requireWho(String who) {
        if (who == null || who.isBlank()) {
            throw new IllegalArgumentException("who must be named for the audit trail");
        }
        return who.strip();
    }

    // --- mapping --------------------------------------------------------------------------------

    static Optional<CalibrationTask> findTask(Handle h, long id) {
        Map<Long, Declaration> declarations = new HashMap<>();
        h.createQuery("SELECT task_id, cause, note, declared_by, declared_at FROM calibration_declaration "
                        + "WHERE task_id = :id ORDER BY id")
                .bind("id", id)
                .map((rs, ctx) -> Map.entry(rs.getLong("task_id"), declaration(rs)))
                .forEach(e -> declarations.put(e.getKey(), e.getValue()));
        return h.createQuery("SELECT " + TASK_COLUMNS + " FROM calibration_task t WHERE t.id = :id")
                .bind("id", id)
                .map((rs, ctx) -> task(rs, declarations))
                .findOne();
    }

    /** The latest declaration of every task that is still OPEN or DECLARED. */
    static Map<Long, Declaration> latestDeclarations(Handle h) {
        Map<Long, Declaration> out = new HashMap<>();
        h.createQuery("SELECT d.task_id, d.cause, d.note, d.declared_by, d.declared_at FROM calibration_declaration d "
                        + "JOIN calibration_task t ON t.id = d.task_id WHERE t.state IN ('OPEN', 'DECLARED') "
                        + "ORDER BY d.id")
                .map((rs, ctx) -> Map.entry(rs.getLong("task_id"), declaration(rs)))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    static Declaration declaration(ResultSet rs) throws SQLException {
        return new Declaration(DeclaredCause.valueOf(rs.getString("cause")), rs.getString("note"),
                rs.getString("declared_by"), SqlValues.instant(rs, "declared_at"));
    }

    static CalibrationTask task(ResultSet rs, Map<Long, Declaration> declarations) throws SQLException {
        long id = rs.getLong("id");
        return new CalibrationTask(id, rs.getString("seller_sku"), rs.getString("warehouse_id"),
                SqlValues.instant(rs, "detected_at"), SqlValues.instant(rs, "deadline"), rs.getInt("warehouse_qty"),
                rs.getInt("tiktok_qty"), CalibrationState.valueOf(rs.getString("state")), declarations.get(id),
                SqlValues.instant(rs, "closed_at"), HintCodec.decode(rs.getString("hints")));
    }

    static Alert alert(ResultSet rs) throws SQLException {
        return new Alert(rs.getString("alert_key"), AlertKind.valueOf(rs.getString("kind")), rs.getString("seller_sku"),
                rs.getString("warehouse_id"), rs.getString("source_id"), SqlValues.instant(rs, "raised_at"),
                SqlValues.integer(rs, "actual"), SqlValues.integer(rs, "lim"), Wording.decode(rs.getString("detail")),
                AlertState.valueOf(rs.getString("state")), SqlValues.instant(rs, "snoozed_until"),
                rs.getString("acknowledged_by"), longOrNull(rs, "weight"));
    }

    static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    // --- the sync-lag rule's memory --------------------------------------------------------------

    /** What the sync-lag rule remembers of every pair, by pair key ({@code sku@warehouse}). */
    public Map<String, PairWatch> watches() {
        return jdbi.withHandle(h -> {
            Map<String, PairWatch> out = new HashMap<>();
            h.createQuery("SELECT seller_sku, warehouse_id, warehouse_available, previous_available, changed_at, "
                            + "tiktok_before, tiktok_available, tiktok_at FROM pair_watch")
                    .map((rs, ctx) -> new PairWatch(rs.getString("seller_sku"), rs.getString("warehouse_id"),
                            SqlValues.integer(rs, "warehouse_available"), SqlValues.integer(rs, "previous_available"),
                            SqlValues.instant(rs, "changed_at"), SqlValues.integer(rs, "tiktok_before"),
                            SqlValues.integer(rs, "tiktok_available"), SqlValues.instant(rs, "tiktok_at")))
                    .forEach(w -> out.put(w.key(), w));
            return out;
        });
    }

    private static void saveWatches(Handle h, List<PairWatch> watches) {
        if (watches.isEmpty()) {
            return;
        }
        PreparedBatch delete = h.prepareBatch("DELETE FROM pair_watch WHERE seller_sku = :sku AND warehouse_id = :wh");
        PreparedBatch insert = h.prepareBatch("INSERT INTO pair_watch (seller_sku, warehouse_id, warehouse_available, "
                + "previous_available, changed_at, tiktok_before, tiktok_available, tiktok_at) "
                + "VALUES (:sku, :wh, :w, :prev, :changed, :before, :t, :tat)");
        for (PairWatch w : watches) {
            delete.bind("sku", w.sellerSku()).bind("wh", w.warehouseId()).add();
            insert.bind("sku", w.sellerSku()).bind("wh", w.warehouseId()).bind("w", w.warehouseAvailable())
                    .bind("prev", w.previousAvailable()).bind("changed", timestamp(w.changedAt()))
                    .bind("before", w.tiktokBefore()).bind("t", w.tiktokAvailable())
                    .bind("tat", timestamp(w.tiktokAt())).add();
        }
        delete.execute();
        insert.execute();
    }
}

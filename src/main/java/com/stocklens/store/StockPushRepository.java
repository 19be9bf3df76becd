package com.stocklens.store;

import static com.stocklens.store.SqlValues.timestamp;

import com.stocklens.domain.PushRefusal;
import com.stocklens.service.PushLine;
import com.stocklens.service.PushPlan;
import com.stocklens.service.PushRecord;
import com.stocklens.service.PushScope;
import com.stocklens.service.PushedLine;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Update;

/**
 * The store side of pushing to TikTok (migration V28): plans, the push audit with TikTok's answer per line,
 * the shared push settings, and what each shop answered about 0.
 */
public final class StockPushRepository {
    /** Separates a line's arguments in one column (the unit separator: never typed by a person). */
    private static final String SEP = "\u001F";
    private static final String LINE_COLUMNS = "seller_sku, warehouse_id, warehouse_name, shop_id, tiktok_sku_id, "
            + "tiktok_warehouse_id, before_qty, after_qty, reason, warehouse_at, tiktok_at";

    private final Jdbi jdbi;

    public StockPushRepository(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    // ---- plans ----------------------------------------------------------------------------------

    /** Keeps a plan (its planned and refused lines). */
    public void savePlan(PushPlan plan, String desk) {
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO push_plan (id, scope, scope_ref, task_id, created_at, desk, buffer, unchanged) "
                            + "VALUES (:id, :scope, :ref, :task, :at, :desk, :buffer, :unchanged)")
                    .bind("id", plan.id()).bind("scope", plan.scope().kind().name()).bind("ref", plan.scope().ref())
                    .bind("task", plan.taskId()).bind("at", timestamp(plan.createdAt())).bind("desk", desk)
                    .bind("buffer", plan.buffer()).bind("unchanged", plan.unchanged()).execute();
            int n = 0;
            for (PushLine l : concat(plan.items(), plan.refused())) {
                bindLine(h.createUpdate("INSERT INTO push_plan_line (plan_id, line, " + LINE_COLUMNS
                                + ", refusal, args) VALUES (:plan, :line, :sku, :wh, :whName, :shop, :skuId, :twid, "
                                + ":before, :after, :reason, :whAt, :ttAt, :refusal, :args)"), l)
                        .bind("plan", plan.id()).bind("line", n++)
                        .bind("refusal", l.refusal() == null ? null : l.refusal().name())
                        .bind("args", join(l.args())).execute();
            }
        });
    }

    /** A kept plan. */
    public Optional<PushPlan> plan(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT scope, scope_ref, task_id, created_at, buffer, unchanged "
                        + "FROM push_plan WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> {
                    List<PushLine> items = new ArrayList<>();
                    List<PushLine> refused = new ArrayList<>();
                    h.createQuery("SELECT " + LINE_COLUMNS + ", refusal, args FROM push_plan_line WHERE plan_id = :id "
                                    + "ORDER BY line")
                            .bind("id", id)
                            .map((r, c) -> line(r))
                            .forEach(l -> (l.planned() ? items : refused).add(l));
                    return new PushPlan(id, SqlValues.instant(rs, "created_at"),
                            new PushScope(PushScope.Kind.valueOf(rs.getString("scope")), rs.getString("scope_ref")),
                            items, refused, rs.getInt("unchanged"), rs.getInt("buffer"),
                            SqlValues.longOrNull(rs, "task_id"));
                })
                .findOne());
    }

    // ---- pushes ---------------------------------------------------------------------------------

    /** Records a push about to be sent: every line PENDING, status SENDING. Returns its id. */
    public long begin(PushPlan plan, Long undoOf, String by, String desk, boolean automatic, Instant at,
                      List<PushLine> lines) {
        return jdbi.inTransaction(h -> {
            long id = h.createUpdate("INSERT INTO stock_push (plan_id, scope, scope_ref, task_id, undo_of, pushed_by, "
                            + "desk, automatic, started_at, status) VALUES (:plan, :scope, :ref, :task, :undo, :by, "
                            + ":desk, :auto, :at, 'SENDING')")
                    .bind("plan", plan.id()).bind("scope", plan.scope().kind().name()).bind("ref", plan.scope().ref())
                    .bind("task", plan.taskId()).bind("undo", undoOf).bind("by", SqlValues.oneLine(by, 200))
                    .bind("desk", desk).bind("auto", automatic).bind("at", timestamp(at))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            int n = 0;
            for (PushLine l : lines) {
                bindLine(h.createUpdate("INSERT INTO stock_push_line (push_id, line, " + LINE_COLUMNS
                                + ", working, outcome) VALUES (:push, :line, :sku, :wh, :whName, :shop, :skuId, :twid, "
                                + ":before, :after, :reason, :whAt, :ttAt, :working, 'PENDING')"), l)
                        .bind("push", id).bind("line", n++).bind("working", l.planned() ? join(l.args()) : null)
                        .execute();
            }
            return id;
        });
    }

    /** Records what became of some lines of a push (by their position in {@link #begin}'s list). */
    public void record(long pushId, Map<Integer, PushedLine> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        jdbi.useTransaction(h -> outcomes.forEach((line, o) -> h.createUpdate("UPDATE stock_push_line SET "
                        + "outcome = :outcome, refusal = :refusal, args = :args, tiktok_code = :code, "
                        + "tiktok_message = :message WHERE push_id = :push AND line = :line")
                .bind("push", pushId).bind("line", line).bind("outcome", o.outcome().name())
                .bind("refusal", o.refusal() == null ? null : o.refusal().name()).bind("args", join(o.args()))
                .bind("code", o.tiktokCode()).bind("message", SqlValues.oneLine(o.tiktokMessage(), 1000))
                .execute()));
    }

    /** Ends a push with its status. */
    public void finish(long pushId, PushRecord.Status status, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE stock_push SET status = :status, finished_at = :at WHERE id = :id")
                .bind("status", status.name()).bind("at", timestamp(at)).bind("id", pushId).execute());
    }

    public Optional<PushRecord> push(long id) {
        return pushes("WHERE p.id = :id", Map.of("id", id), 1).stream().findFirst();
    }

    /** The latest pushes, newest first. */
    public List<PushRecord> latest(int limit) {
        return pushes("", Map.of(), limit);
    }

    /** Pushes with a line of {@code sellerSku}, newest first. */
    public List<PushRecord> forSku(String sellerSku, int limit) {
        return pushes("WHERE p.id IN (SELECT push_id FROM stock_push_line WHERE seller_sku = :sku)",
                Map.of("sku", sellerSku), limit);
    }

    /** Pushes made for one calibration task, newest first. */
    public List<PushRecord> forTask(long taskId) {
        return pushes("WHERE p.task_id = :task", Map.of("task", taskId), 100);
    }

    /**
     * TikTok's figures as accepted pushes set them after {@code since}: per "TikTok warehouse id NUL seller SKU"
     * (the key of {@code JdbiPushInputs#key}), the figure of the latest such push and when it started.
     */
    public Map<String, Map.Entry<Instant, Integer>> acceptedSince(Instant since) {
        Map<String, Map.Entry<Instant, Integer>> out = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT l.tiktok_warehouse_id, l.seller_sku, l.after_qty, p.started_at "
                        + "FROM stock_push_line l JOIN stock_push p ON p.id = l.push_id "
                        + "WHERE l.outcome = 'ACCEPTED' AND p.started_at >= :since ORDER BY p.id")
                .bind("since", timestamp(since))
                .map((rs, ctx) -> Map.entry(JdbiPushInputs.key(rs.getString("tiktok_warehouse_id"),
                        rs.getString("seller_sku")), Map.entry(SqlValues.instant(rs, "started_at"),
                        rs.getInt("after_qty"))))
                .forEach(e -> out.put(e.getKey(), e.getValue())));
        return out;
    }

    /** Units the automatic pushes moved TikTok's figures by since {@code since} (accepted lines only). */
    public long automaticUnitsSince(Instant since) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(SUM(ABS(l.after_qty - COALESCE(l.before_qty, 0))), 0) "
                        + "FROM stock_push_line l JOIN stock_push p ON p.id = l.push_id "
                        + "WHERE p.automatic = TRUE AND p.started_at >= :since AND l.outcome = 'ACCEPTED'")
                .bind("since", timestamp(since)).mapTo(Long.class).one());
    }

    private List<PushRecord> pushes(String where, Map<String, Object> args, int limit) {
        return jdbi.withHandle(h -> {
            List<PushRecord> out = new ArrayList<>();
            h.createQuery("SELECT p.id, p.plan_id, p.scope, p.scope_ref, p.task_id, p.undo_of, p.pushed_by, p.desk, "
                            + "p.automatic, p.started_at, p.finished_at, p.status FROM stock_push p " + where
                            + " ORDER BY p.id DESC FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY")
                    .bindMap(args)
                    .map((rs, ctx) -> new PushRecord(rs.getLong("id"), rs.getString("plan_id"),
                            new PushScope(PushScope.Kind.valueOf(rs.getString("scope")), rs.getString("scope_ref")),
                            SqlValues.longOrNull(rs, "task_id"), SqlValues.longOrNull(rs, "undo_of"),
                            rs.getString("pushed_by"), rs.getString("desk"), rs.getBoolean("automatic"),
                            SqlValues.instant(rs, "started_at"), SqlValues.instant(rs, "finished_at"),
                            PushRecord.Status.valueOf(rs.getString("status")), List.of()))
                    .forEach(out::add);
            List<PushRecord> full = new ArrayList<>(out.size());
            for (PushRecord p : out) {
                full.add(new PushRecord(p.id(), p.planId(), p.scope(), p.taskId(), p.undoOf(), p.by(), p.desk(),
                        p.automatic(), p.startedAt(), p.finishedAt(), p.status(), pushedLines(h, p.id())));
            }
            return full;
        });
    }

    private static List<PushedLine> pushedLines(Handle h, long pushId) {
        return h.createQuery("SELECT " + LINE_COLUMNS + ", working, outcome, refusal, args, tiktok_code, tiktok_message "
                        + "FROM stock_push_line WHERE push_id = :id ORDER BY line")
                .bind("id", pushId)
                .map((rs, ctx) -> {
                    PushLine planned = plannedLine(rs);
                    String refusal = rs.getString("refusal");
                    return new PushedLine(planned, PushedLine.Outcome.valueOf(rs.getString("outcome")),
                            refusal == null ? null : PushRefusal.valueOf(refusal), split(rs.getString("args")),
                            rs.getString("tiktok_code"), rs.getString("tiktok_message"));
                })
                .list();
    }

    // ---- settings and shops ---------------------------------------------------------------------

    /** Every stored push setting by name. */
    public Map<String, String> settings() {
        Map<String, String> out = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT name, setting FROM push_setting ORDER BY name")
                .map((rs, ctx) -> Map.entry(rs.getString("name"), rs.getString("setting")))
                .forEach(e -> out.put(e.getKey(), e.getValue())));
        return out;
    }

    /** Sets each given setting; a null value removes it. */
    public void putSettings(Map<String, String> values, String who, Instant at) {
        jdbi.useTransaction(h -> values.forEach((name, value) -> {
            h.createUpdate("DELETE FROM push_setting WHERE name = :name").bind("name", name).execute();
            if (value != null) {
                h.createUpdate("INSERT INTO push_setting (name, setting, updated_by, updated_at) "
                                + "VALUES (:name, :value, :who, :at)")
                        .bind("name", name).bind("value", value).bind("who", who).bind("at", timestamp(at)).execute();
            }
        }));
    }

    /** Whether the shop takes 0 through the API, when learnt. */
    public Optional<Boolean> zeroAccepted(String shopId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT zero_accepted FROM push_shop WHERE shop_id = :shop")
                .bind("shop", shopId).mapTo(Boolean.class).findOne());
    }

    public void rememberZero(String shopId, boolean accepted, Instant at) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM push_shop WHERE shop_id = :shop").bind("shop", shopId).execute();
            h.createUpdate("INSERT INTO push_shop (shop_id, zero_accepted, learnt_at) VALUES (:shop, :z, :at)")
                    .bind("shop", shopId).bind("z", accepted).bind("at", timestamp(at)).execute();
        });
    }

    // ---- rows -----------------------------------------------------------------------------------

    /** Binds a line's columns by their types (a bare null would leave PostgreSQL guessing). */
    private static Update bindLine(Update u, PushLine l) {
        return u.bind("sku", l.sellerSku())
                .bind("wh", l.warehouseId())
                .bind("whName", l.warehouseName())
                .bind("shop", l.shopId())
                .bind("skuId", l.tiktokSkuId())
                .bind("twid", l.tiktokWarehouseId())
                .bind("before", l.before())
                .bind("after", l.after())
                .bind("reason", SqlValues.oneLine(l.reason(), 1000))
                .bind("whAt", timestamp(l.warehouseAt()))
                .bind("ttAt", timestamp(l.tiktokAt()));
    }

    private static PushLine line(ResultSet rs) throws SQLException {
        String refusal = rs.getString("refusal");
        return new PushLine(rs.getString("seller_sku"), rs.getString("warehouse_id"), rs.getString("warehouse_name"),
                rs.getString("shop_id"), rs.getString("tiktok_sku_id"), rs.getString("tiktok_warehouse_id"),
                SqlValues.integer(rs, "before_qty"), SqlValues.integer(rs, "after_qty"),
                refusal == null ? null : PushRefusal.valueOf(refusal), split(rs.getString("args")),
                rs.getString("reason"), SqlValues.instant(rs, "warehouse_at"), SqlValues.instant(rs, "tiktok_at"));
    }

    /** A push line as planned, with its working (its refusal, if any, lives in the push's outcome columns). */
    private static PushLine plannedLine(ResultSet rs) throws SQLException {
        return new PushLine(rs.getString("seller_sku"), rs.getString("warehouse_id"), rs.getString("warehouse_name"),
                rs.getString("shop_id"), rs.getString("tiktok_sku_id"), rs.getString("tiktok_warehouse_id"),
                SqlValues.integer(rs, "before_qty"), SqlValues.integer(rs, "after_qty"), null,
                split(rs.getString("working")),
                rs.getString("reason"), SqlValues.instant(rs, "warehouse_at"), SqlValues.instant(rs, "tiktok_at"));
    }

    private static String join(List<String> args) {
        return args == null || args.isEmpty() ? null : SqlValues.oneLine(String.join(SEP, args), 2000);
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(SEP, -1));
    }

    private static List<PushLine> concat(List<PushLine> a, List<PushLine> b) {
        List<PushLine> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}

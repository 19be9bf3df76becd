package com.stocklens.store;

import com.stocklens.domain.Alert;
import com.stocklens.domain.AlertKind;
import com.stocklens.domain.AlertState;
import com.stocklens.domain.CalibrationTask;
import com.stocklens.domain.Declaration;
import com.stocklens.domain.Market;
import com.stocklens.domain.Provider;
import com.stocklens.domain.Warehouse;
import com.stocklens.service.AlertRow;
import com.stocklens.service.FlagBoard;
import com.stocklens.service.FlagReader;
import com.stocklens.service.TaskRow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * The red-flag panel's content from the store: calibration tasks OPEN or DECLARED, soonest deadline
 * first; alerts not CLEARED, newest first; each with the SKU name, the warehouse and the source name
 * a person needs. One REPEATABLE READ transaction, so tasks and alerts describe the same evaluation.
 */
public final class JdbiFlagReader implements FlagReader {
    private final Jdbi jdbi;

    public JdbiFlagReader(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public FlagBoard read() {
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, this::read);
    }

    private FlagBoard read(Handle h) {
        Map<String, Warehouse> warehouses = warehouses(h);
        Map<Long, Declaration> declarations = FlagRepository.latestDeclarations(h);
        List<TaskRow> tasks = h.createQuery("SELECT " + FlagRepository.TASK_COLUMNS + ", k.name AS sku_name "
                        + "FROM calibration_task t LEFT JOIN sku k ON k.seller_sku = t.seller_sku "
                        + "WHERE t.state IN ('OPEN', 'DECLARED') ORDER BY t.deadline, t.id")
                .map((rs, ctx) -> {
                    CalibrationTask task = FlagRepository.task(rs, declarations);
                    return new TaskRow(task, rs.getString("sku_name"), warehouses.get(task.warehouseId()));
                })
                .list();
        List<AlertRow> alerts = h.createQuery("SELECT " + FlagRepository.ALERT_COLUMNS + ", k.name AS sku_name, "
                        + "s.display_name AS source_name FROM alert a "
                        + "LEFT JOIN sku k ON k.seller_sku = a.seller_sku "
                        + "LEFT JOIN source s ON s.id = a.source_id "
                        + "WHERE a.state <> 'CLEARED' ORDER BY a.raised_at DESC, a.weight DESC NULLS LAST, a.alert_key")
                .map((rs, ctx) -> {
                    Alert alert = FlagRepository.alert(rs);
                    return new AlertRow(alert, rs.getString("sku_name"),
                            alert.warehouseId() == null ? null : warehouses.get(alert.warehouseId()),
                            rs.getString("source_name"));
                })
                .list();
        return new FlagBoard(tasks, alerts, FlagRepository.lastEvaluatedAt(h).orElse(null));
    }

    /**
     * The red flags as the store records them at {@code at} ({@link FlagMoments}): the tasks open then,
     * soonest deadline first, each in its state then with the declaration made by then; the alerts its
     * audit trail has listed then, with when they were raised and who had looked at them. An alert's
     * figures are kept only as they are now, so they are left out (null): {@link FlagBoard#notRecorded()}
     * names every kind that has figures. {@code evaluatedAt} is the last evaluation recorded by then, or
     * null (only the latest is kept, so this is it when it ran at or before {@code at}).
     */
    @Override
    public FlagBoard readAt(Instant at) {
        Instant moment = SqlValues.stored(Objects.requireNonNull(at, "at"));
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> readAt(h, moment));
    }

    private FlagBoard readAt(Handle h, Instant at) {
        Map<String, Warehouse> warehouses = warehouses(h);
        Map<Long, Declaration> declarations = new HashMap<>();
        h.createQuery("SELECT d.task_id, d.cause, d.note, d.declared_by, d.declared_at FROM calibration_declaration d "
                        + "JOIN calibration_task t ON t.id = d.task_id WHERE " + FlagMoments.TASK_OPEN
                        + " AND d.declared_at <= :at ORDER BY d.id")
                .bind("at", SqlValues.timestamp(at))
                .map((rs, ctx) -> Map.entry(rs.getLong("task_id"), FlagRepository.declaration(rs)))
                .forEach(e -> declarations.put(e.getKey(), e.getValue()));
        List<TaskRow> tasks = h.createQuery("SELECT " + FlagRepository.TASK_COLUMNS + ", k.name AS sku_name "
                        + "FROM calibration_task t LEFT JOIN sku k ON k.seller_sku = t.seller_sku "
                        + "WHERE " + FlagMoments.TASK_OPEN + " ORDER BY t.deadline, t.id")
                .bind("at", SqlValues.timestamp(at))
                .map((rs, ctx) -> {
                    CalibrationTask now = FlagRepository.task(rs, declarations);
                    CalibrationTask then = new CalibrationTask(now.id(), now.sellerSku(), now.warehouseId(),
                            now.detectedAt(), now.deadline(), now.warehouseQuantity(), now.tiktokQuantity(),
                            FlagMoments.stateAt(now.state(), now.closedAt(), now.declaration() != null, at),
                            now.declaration(), FlagMoments.closedAt(now.closedAt(), at), now.hints());
                    return new TaskRow(then, rs.getString("sku_name"), warehouses.get(now.warehouseId()));
                })
                .list();
        Map<String, FlagMoments.RecordedAlert> recorded = FlagMoments.alertsAt(h, at);
        List<AlertRow> alerts = new ArrayList<>();
        h.createQuery("SELECT " + FlagRepository.ALERT_COLUMNS + ", k.name AS sku_name, "
                        + "s.display_name AS source_name FROM alert a "
                        + "LEFT JOIN sku k ON k.seller_sku = a.seller_sku "
                        + "LEFT JOIN source s ON s.id = a.source_id ORDER BY a.alert_key")
                .map((rs, ctx) -> {
                    Alert now = FlagRepository.alert(rs);
                    FlagMoments.RecordedAlert then = recorded.get(now.key());
                    if (then == null || then.state() == AlertState.CLEARED) {
                        return null;
                    }
                    Alert past = new Alert(now.key(), now.kind(), now.sellerSku(), now.warehouseId(), now.sourceId(),
                            then.raisedAt(), null, null, null, then.state(), null, then.lookedAtBy());
                    return new AlertRow(past, rs.getString("sku_name"),
                            now.warehouseId() == null ? null : warehouses.get(now.warehouseId()),
                            rs.getString("source_name"));
                })
                .forEach(a -> {
                    if (a != null) {
                        alerts.add(a);
                    }
                });
        alerts.sort(Comparator.comparing((AlertRow a) -> a.alert().raisedAt()).reversed()
                .thenComparing(a -> a.alert().key()));
        Instant evaluated = FlagRepository.lastEvaluatedAt(h).filter(e -> !e.isAfter(at)).orElse(null);
        return new FlagBoard(tasks, alerts, evaluated, at, EnumSet.allOf(AlertKind.class));
    }

    private static Map<String, Warehouse> warehouses(Handle h) {
        Map<String, Warehouse> out = new HashMap<>();
        h.createQuery("SELECT id, provider, provider_warehouse_id, name, market, region, zone_id, tiktok_warehouse_id "
                        + "FROM warehouse")
                .map((rs, ctx) -> warehouse(rs))
                .forEach(w -> out.put(w.id(), w));
        return out;
    }

    private static Warehouse warehouse(ResultSet rs) throws SQLException {
        return new Warehouse(rs.getString("id"), Provider.valueOf(rs.getString("provider")),
                rs.getString("provider_warehouse_id"), rs.getString("name"),
                rs.getString("market") == null ? null : Market.valueOf(rs.getString("market")),
                rs.getString("region"), ZoneId.of(rs.getString("zone_id")), rs.getString("tiktok_warehouse_id"));
    }
}

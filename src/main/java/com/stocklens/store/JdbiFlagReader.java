package com.stocklens.store;

import com.stocklens.domain.Alert;
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
import java.time.ZoneId;
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
                        + "WHERE a.state <> 'CLEARED' ORDER BY a.raised_at DESC, a.alert_key")
                .map((rs, ctx) -> {
                    Alert alert = FlagRepository.alert(rs);
                    return new AlertRow(alert, rs.getString("sku_name"),
                            alert.warehouseId() == null ? null : warehouses.get(alert.warehouseId()),
                            rs.getString("source_name"));
                })
                .list();
        return new FlagBoard(tasks, alerts, FlagRepository.lastEvaluatedAt(h).orElse(null));
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

package com.stocklens.store;

import com.stocklens.domain.Market;
import com.stocklens.domain.WarehouseProfile;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Update;

/** Warehouse profiles (V9): one row per connected warehouse or candidate the seller describes. */
public final class WarehouseProfileRepository {
    private static final String SEP = "|";
    private final Jdbi jdbi;

    public WarehouseProfileRepository(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    public List<WarehouseProfile> list() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM warehouse_profile ORDER BY candidate, name, id")
                .map((rs, ctx) -> row(rs)).list());
    }

    public Optional<WarehouseProfile> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM warehouse_profile WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> row(rs)).findOne());
    }

    /** Inserts or replaces {@code profile}. */
    public void save(WarehouseProfile profile) {
        jdbi.useTransaction(h -> save(h, profile));
    }

    /** Saves every profile in one transaction: all or nothing. */
    public void saveAll(List<WarehouseProfile> profiles) {
        jdbi.useTransaction(h -> {
            for (WarehouseProfile p : profiles) {
                save(h, p);
            }
        });
    }

    /** Saves {@code profile} only when no profile with its id exists; true when it was saved. */
    public boolean saveIfAbsent(WarehouseProfile profile) {
        return jdbi.inTransaction(h -> {
            boolean exists = h.createQuery("SELECT COUNT(*) FROM warehouse_profile WHERE id = :id")
                    .bind("id", profile.id()).mapTo(Integer.class).one() > 0;
            if (!exists) {
                save(h, profile);
            }
            return !exists;
        });
    }

    public boolean delete(String id) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM warehouse_profile WHERE id = :id")
                .bind("id", id).execute()) > 0;
    }

    private static void save(Handle h, WarehouseProfile p) {
        h.createUpdate("DELETE FROM warehouse_profile WHERE id = :id").bind("id", p.id()).execute();
        Update u = h.createUpdate("INSERT INTO warehouse_profile (id, name, candidate, markets, regions, api_ready, "
                + "certified, outbound_sla_hours, local_returns, first_leg_routes, storage_0_90, storage_91_180, "
                + "storage_181_plus, pick_pack, inbound, currency, notes, updated_at) VALUES (:id, :name, :candidate, "
                + ":markets, :regions, :apiReady, :certified, :sla, :localReturns, :routes, :s0, :s1, :s2, :pickPack, "
                + ":inbound, :currency, :notes, :updatedAt)")
                .bind("id", p.id())
                .bind("name", p.name())
                .bind("candidate", p.candidate())
                .bind("markets", String.join(SEP, p.markets().stream().map(Market::name).toList()))
                .bind("regions", String.join(SEP, p.regions()))
                .bindByType("apiReady", p.apiReady(), Boolean.class)
                .bindByType("certified", p.certified(), Boolean.class)
                .bindByType("sla", p.outboundSlaHours(), Integer.class)
                .bindByType("localReturns", p.localReturns(), Boolean.class)
                .bind("routes", String.join(SEP, p.firstLegRoutes()))
                .bindByType("currency", p.currency(), String.class)
                .bindByType("notes", p.notes(), String.class)
                .bind("updatedAt", SqlValues.timestamp(p.updatedAt() == null ? Instant.now() : p.updatedAt()));
        decimal(u, "s0", p.storage0to90());
        decimal(u, "s1", p.storage91to180());
        decimal(u, "s2", p.storage181plus());
        decimal(u, "pickPack", p.pickPack());
        decimal(u, "inbound", p.inbound());
        u.execute();
    }

    private static void decimal(Update u, String name, Double value) {
        if (value == null) {
            u.bindNull(name, Types.DECIMAL);
        } else {
            u.bind(name, BigDecimal.valueOf(value));
        }
    }

    private static WarehouseProfile row(ResultSet rs) throws SQLException {
        List<Market> markets = new ArrayList<>();
        for (String code : split(rs.getString("markets"))) {
            Market.fromCode(code).ifPresent(markets::add);
        }
        return new WarehouseProfile(rs.getString("id"), rs.getString("name"), rs.getBoolean("candidate"), markets,
                split(rs.getString("regions")), bool(rs, "api_ready"), bool(rs, "certified"),
                SqlValues.integer(rs, "outbound_sla_hours"), bool(rs, "local_returns"),
                split(rs.getString("first_leg_routes")), dbl(rs, "storage_0_90"), dbl(rs, "storage_91_180"),
                dbl(rs, "storage_181_plus"), dbl(rs, "pick_pack"), dbl(rs, "inbound"), rs.getString("currency"),
                rs.getString("notes"), SqlValues.instant(rs, "updated_at"));
    }

    private static List<String> split(String s) {
        if (s == null || s.isBlank()) {
            return List.of();
        }
        return Arrays.stream(s.split("\\" + SEP)).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    private static Boolean bool(ResultSet rs, String column) throws SQLException {
        boolean v = rs.getBoolean(column);
        return rs.wasNull() ? null : v;
    }

    private static Double dbl(ResultSet rs, String column) throws SQLException {
        BigDecimal v = rs.getBigDecimal(column);
        return v == null ? null : v.doubleValue();
    }
}

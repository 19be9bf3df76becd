package com.stocklens.app.triage;

import com.stocklens.domain.Alert;
import com.stocklens.domain.AlertKind;
import com.stocklens.domain.CalibrationState;
import com.stocklens.domain.CalibrationTask;
import com.stocklens.domain.DemandMean;
import com.stocklens.domain.Provider;
import com.stocklens.domain.SourceKind;
import com.stocklens.domain.Warehouse;
import com.stocklens.domain.Wording;
import com.stocklens.service.AlertRow;
import com.stocklens.service.BoardRow;
import com.stocklens.service.FlagBoard;
import com.stocklens.service.SourceFreshness;
import com.stocklens.service.StockBoard;
import com.stocklens.service.TaskRow;
import com.stocklens.service.TriageDigest;
import com.stocklens.service.TriageItem;
import com.stocklens.service.TriageList;
import com.stocklens.service.TriageSection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ranking of the triage list, a pure function of the red flags, the stock board and each SKU's daily
 * sales. Where an alert kind goes and how its units at risk are counted is one entry of {@link #TABLE}; a
 * new kind slots in with one entry (its place in the table also breaks ties: earlier ranks first).
 *
 * <ol>
 *   <li>{@link TriageSection#CALIBRATION}: open tasks, nearest deadline first (overdue ones lead).</li>
 *   <li>{@link TriageSection#AT_RISK}: units at risk × the SKU's daily sales, largest first; then units at
 *       risk; then the table's order.</li>
 *   <li>{@link TriageSection#STALE}: the SKU × warehouse lines each keeps from being checked, most first; then
 *       the units on them.</li>
 *   <li>{@link TriageSection#DIGEST}: per kind in the table's order, each kind's lines by units at risk, then
 *       by the alert's own figure (older, longer waited first).</li>
 * </ol>
 * Only what still needs a look is ranked: open tasks, and alerts showing (active, or snoozed past the
 * snooze); acknowledged and snoozed ones are left to the red-flag panel.
 */
public final class TriageRanking {
    /** How an alert's units at risk are counted. */
    enum Units {
        /** actual − limit: TikTok offers or committed more than the warehouse can ship or reserved. */
        OVER_LIMIT,
        /** limit − actual: units short of the limit (the reorder point). */
        UNDER_LIMIT,
        /** The units on the lines the alert keeps from being checked (a stale source's warehouses). */
        BLOCKED,
        /** The kind counts no units (days of age, working days waited). */
        NONE
    }

    /** Where a kind goes and how its units are counted. */
    record Place(TriageSection section, Units units) {
    }

    /**
     * The triage table, one entry per alert kind, in tie-break order. A kind missing here falls into the
     * digest (and {@code TriageRankingTest} fails, naming it).
     */
    static final Map<AlertKind, Place> TABLE = table(
            // Already oversold (committed > on hand) is louder than a risk: first of the orders at risk.
            entry(AlertKind.OVERSOLD, TriageSection.AT_RISK, Units.OVER_LIMIT),
            entry(AlertKind.OVERSELL_RISK, TriageSection.AT_RISK, Units.OVER_LIMIT),
            entry(AlertKind.MISSING_PREALLOCATION, TriageSection.AT_RISK, Units.OVER_LIMIT),
            entry(AlertKind.STALE_SOURCE, TriageSection.STALE, Units.BLOCKED),
            entry(AlertKind.BELOW_SAFETY_STOCK, TriageSection.DIGEST, Units.UNDER_LIMIT),
            entry(AlertKind.SLOW_MOVING, TriageSection.DIGEST, Units.NONE),
            entry(AlertKind.RETURN_QC_OVERDUE, TriageSection.DIGEST, Units.NONE),
            // A per-SKU lag counts ages, not units; a large gap it causes opens a calibration task anyway.
            entry(AlertKind.SKU_SYNC_LAG, TriageSection.DIGEST, Units.NONE),
            entry(AlertKind.RETURN_NOT_RESTOCKED, TriageSection.DIGEST, Units.NONE));

    private static final Place UNPLACED = new Place(TriageSection.DIGEST, Units.NONE);

    private TriageRanking() {
    }

    private static Map.Entry<AlertKind, Place> entry(AlertKind kind, TriageSection section, Units units) {
        return Map.entry(kind, new Place(section, units));
    }

    @SafeVarargs
    private static Map<AlertKind, Place> table(Map.Entry<AlertKind, Place>... entries) {
        Map<AlertKind, Place> table = new LinkedHashMap<>();
        for (Map.Entry<AlertKind, Place> e : entries) {
            table.put(e.getKey(), e.getValue());
        }
        return Collections.unmodifiableMap(table);
    }

    /** The section {@code kind} goes to (the digest for a kind the table does not know). */
    public static TriageSection sectionOf(AlertKind kind) {
        return placeOf(kind).section();
    }

    static Place placeOf(AlertKind kind) {
        return TABLE.getOrDefault(kind, UNPLACED);
    }

    /** The kind's position in the table: ties break in favour of the earlier kind. */
    private static int order(AlertKind kind) {
        int i = 0;
        for (AlertKind k : TABLE.keySet()) {
            if (k == kind) {
                return i;
            }
            i++;
        }
        return TABLE.size() + kind.ordinal();
    }

    /**
     * The seller SKUs whose daily sales {@link #rank} multiplies: those of the alerts showing at {@code at} whose
     * kind counts units over or under a limit. Nothing else needs demand read.
     */
    public static Set<String> skusWithImpact(FlagBoard flags, Instant at) {
        Set<String> skus = new TreeSet<>();
        for (AlertRow row : flags.alerts()) {
            Alert a = row.alert();
            if (a.sellerSku() != null && countsLimit(placeOf(a.kind())) && a.isShowing(at)) {
                skus.add(a.sellerSku());
            }
        }
        return skus;
    }

    private static boolean countsLimit(Place place) {
        return place.units() == Units.OVER_LIMIT || place.units() == Units.UNDER_LIMIT;
    }

    /**
     * Ranks {@code flags} as of {@code at}.
     *
     * @param board      the stock board of the same moment (what a stale source blocks); empty is fine
     * @param dailySales d̄ per seller SKU (at least those of {@link #skusWithImpact}); a SKU absent has unknown
     *                   sales; null when demand could not be read at all (impacts are then null and the units at
     *                   risk decide)
     */
    public static TriageList rank(FlagBoard flags, StockBoard board, Map<String, DemandMean> dailySales,
                                  Instant at) {
        Objects.requireNonNull(flags, "flags");
        Objects.requireNonNull(board, "board");
        Objects.requireNonNull(at, "at");
        List<TriageItem> calibrations = new ArrayList<>();
        for (TaskRow row : flags.tasks()) {
            if (row.task().state() == CalibrationState.OPEN) {
                calibrations.add(calibration(row, at));
            }
        }
        calibrations.sort(Comparator.comparing(TriageItem::deadline).thenComparing(TriageItem::taskId));

        List<TriageItem> atRisk = new ArrayList<>();
        List<TriageItem> stale = new ArrayList<>();
        Map<AlertKind, List<TriageItem>> digest = new EnumMap<>(AlertKind.class);
        // The same condition is one line however often the store reports it: the latest raise counts.
        Map<String, AlertRow> latest = new LinkedHashMap<>();
        for (AlertRow row : flags.alerts()) {
            latest.merge(row.alert().key(), row,
                    (old, neu) -> neu.alert().raisedAt().isAfter(old.alert().raisedAt()) ? neu : old);
        }
        for (AlertRow row : latest.values()) {
            Alert a = row.alert();
            if (!a.isShowing(at)) {
                continue;
            }
            Place place = placeOf(a.kind());
            TriageItem item = alert(row, place, board, dailySales);
            switch (place.section()) {
                case AT_RISK -> atRisk.add(item);
                case STALE -> stale.add(item);
                default -> digest.computeIfAbsent(a.kind(), k -> new ArrayList<>()).add(item);
            }
        }
        atRisk.sort(Comparator.comparingDouble((TriageItem i) -> -orZero(i.impact()))
                .thenComparingInt(i -> -orZero(i.unitsAtRisk()))
                .thenComparingInt(i -> order(i.alertKind()))
                .thenComparing(TriageRanking::subject));
        stale.sort(Comparator.comparingInt((TriageItem i) -> -i.blockedLines())
                .thenComparingInt(i -> -orZero(i.unitsAtRisk()))
                .thenComparingInt(i -> order(i.alertKind()))
                .thenComparing(TriageRanking::subject));

        List<TriageItem> actNow = new ArrayList<>(calibrations.size() + atRisk.size() + stale.size());
        actNow.addAll(calibrations);
        actNow.addAll(atRisk);
        actNow.addAll(stale);
        int rank = 0;
        for (int i = 0; i < actNow.size(); i++) {
            actNow.set(i, actNow.get(i).withRank(++rank));
        }
        List<AlertKind> kinds = new ArrayList<>(digest.keySet());
        kinds.sort(Comparator.comparingInt(TriageRanking::order));
        List<TriageDigest> groups = new ArrayList<>(kinds.size());
        for (AlertKind kind : kinds) {
            List<TriageItem> items = digest.get(kind);
            items.sort(Comparator.comparingInt((TriageItem i) -> -orZero(i.unitsAtRisk()))
                    .thenComparingInt(i -> -orZero(i.actual()))
                    .thenComparing(TriageRanking::subject));
            for (int i = 0; i < items.size(); i++) {
                items.set(i, items.get(i).withRank(++rank));
            }
            groups.add(new TriageDigest(kind, items));
        }
        return new TriageList(at, actNow, groups);
    }

    /**
     * Whether ranking {@code flags} at {@code at} reads the stock board: only an alert counted by the lines it
     * blocks (a stale source's) does; {@link #rank} with an empty board gives the same list otherwise.
     */
    public static boolean needsBoard(FlagBoard flags, Instant at) {
        for (AlertRow row : flags.alerts()) {
            if (placeOf(row.alert().kind()).units() == Units.BLOCKED && row.alert().isShowing(at)) {
                return true;
            }
        }
        return false;
    }

    private static TriageItem calibration(TaskRow row, Instant at) {
        CalibrationTask t = row.task();
        Wording reason = Wording.of(t.isOverdue(at) ? "triage.calibration.overdue" : "triage.calibration.open",
                t.tiktokQuantity(), t.warehouseQuantity(), String.format(Locale.ROOT, "%+d", t.gap()));
        Warehouse w = row.warehouse();
        return new TriageItem(0, TriageSection.CALIBRATION, TriageItem.CALIBRATION, null, t.sellerSku(), row.skuName(),
                t.warehouseId(), w == null ? null : w.name(), null, null, t.id(), null, Math.abs(t.gap()), null, null,
                null, 0, t.deadline(), t.warehouseQuantity(), t.tiktokQuantity(), reason);
    }

    private static TriageItem alert(AlertRow row, Place place, StockBoard board,
                                    Map<String, DemandMean> dailySales) {
        Alert a = row.alert();
        Integer units = switch (place.units()) {
            case OVER_LIMIT -> a.actual() == null || a.limit() == null ? null : Math.max(0, a.actual() - a.limit());
            case UNDER_LIMIT -> a.actual() == null || a.limit() == null ? null : Math.max(0, a.limit() - a.actual());
            case BLOCKED, NONE -> null;
        };
        int blockedLines = 0;
        if (place.units() == Units.BLOCKED) {
            List<BoardRow> blocked = blockedRows(a, board);
            blockedLines = blocked.size();
            units = unitsOn(blocked, isShop(a, board));
        }
        // Only a kind that counts units against a limit has an impact to weigh; a SKU of unknown demand has none.
        boolean weighs = a.sellerSku() != null && countsLimit(place) && dailySales != null;
        DemandMean demand = weighs ? dailySales.get(a.sellerSku()) : null;
        Double sales = demand == null ? null : demand.perDay();
        Integer salesDays = demand == null ? null : demand.days();
        Double impact = units == null || sales == null ? null : units * sales;
        Wording detail = a.detail() != null ? a.detail() : Wording.text(a.kind().name());
        Wording reason = switch (place.section()) {
            case AT_RISK -> demand != null ? detail.and("triage.sells", Wording.decimal(sales, 1), salesDays)
                    : weighs ? detail.and("triage.salesUnknown") : detail;
            case STALE -> detail.and("triage.blocks", blockedLines, units == null ? 0 : units);
            default -> detail;
        };
        Warehouse w = row.warehouse();
        return new TriageItem(0, place.section(), a.kind().name(), a.kind(), a.sellerSku(), row.skuName(),
                a.warehouseId(), w == null ? null : w.name(), a.sourceId(), row.sourceName(), null, a.key(), units,
                sales, salesDays, impact, blockedLines, null, a.actual(), a.limit(), reason);
    }

    /**
     * The lines an alert keeps from being checked: for a SKU-level alert its own line; for the shop, every line
     * TikTok reports; for a warehouse source, the lines of its warehouses (a file-fed warehouse is a source of
     * its own, matched by id; an API account by provider, as the freshness bar does).
     */
    static List<BoardRow> blockedRows(Alert a, StockBoard board) {
        if (a.sellerSku() != null) {
            return board.rows().stream().filter(r -> r.sku().sellerSku().equals(a.sellerSku())
                    && r.warehouse().id().equals(a.warehouseId())).toList();
        }
        SourceFreshness source = board.sources().stream().filter(s -> s.source().id().equals(a.sourceId()))
                .findFirst().orElse(null);
        if (source == null) {
            return List.of();
        }
        if (source.source().kind() == SourceKind.SHOP) {
            return board.rows().stream().filter(r -> r.tiktokAvailable() != null).toList();
        }
        Provider provider = source.source().provider();
        List<BoardRow> own = board.rows().stream().filter(r -> r.warehouse().id().equals(a.sourceId())).toList();
        if (!own.isEmpty() || provider == Provider.CSV) {
            return own;
        }
        return board.rows().stream().filter(r -> r.warehouse().provider() == provider).toList();
    }

    private static boolean isShop(Alert a, StockBoard board) {
        return a.sellerSku() == null && board.sources().stream()
                .anyMatch(s -> s.source().id().equals(a.sourceId()) && s.source().kind() == SourceKind.SHOP);
    }

    /** Units on {@code rows}: TikTok's sellable figure for the shop, the warehouse's available otherwise. */
    private static int unitsOn(List<BoardRow> rows, boolean shop) {
        long sum = 0;
        for (BoardRow r : rows) {
            Integer u = shop ? r.tiktokAvailable() : r.level().available();
            sum += u == null ? 0 : u;
        }
        return (int) Math.min(Integer.MAX_VALUE, sum);
    }

    private static String subject(TriageItem i) {
        return i.sellerSku() != null ? i.sellerSku() + "@" + i.warehouseId()
                : Objects.requireNonNullElse(i.sourceId(), "");
    }

    private static double orZero(Double d) {
        return d == null ? 0 : d;
    }

    private static int orZero(Integer i) {
        return i == null ? 0 : i;
    }
}

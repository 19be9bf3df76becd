package com.stocklens.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stocklens.app.AppRuntime;
import com.stocklens.domain.AgeBucket;
import com.stocklens.domain.AgeProfile;
import com.stocklens.domain.BeijingTime;
import com.stocklens.service.AgeTrendPoint;
import com.stocklens.service.AgeingReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ageing [--json]}: FIFO age buckets per SKU × warehouse, totals per warehouse, and (JSON) the year's
 * > 180-day trend. With the global
 * {@code --as-of T}: as they stood at T (snapshots taken by then, ages counted to T's Beijing day).
 */
@Command(name = "ageing", description = "Show FIFO inventory age per SKU × warehouse (库龄): units per age bucket, "
        + "the oldest unit's age and units of unknown age, from the latest snapshots.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:done", "2:a usage error, or under --snapshot a file that cannot be opened",
                "3:the workspace cannot be opened (in use by another StockLens, or unreadable)"})
final class AgeingCommand extends RuntimeCommand {
    @Option(names = "--json", description = "Print a JSON object (documented in docs/cli.md).")
    boolean json;

    @Override
    int run(AppRuntime runtime) {
        Instant asOf = root().options().asOf().orElse(null);
        List<AgeProfile> profiles = asOf == null ? runtime.ageingReader().current() : runtime.ageingReader().at(asOf);
        Map<String, Totals> byWarehouse = new TreeMap<>();
        for (AgeProfile p : profiles) {
            byWarehouse.computeIfAbsent(p.warehouseId(), w -> new Totals()).add(p);
        }
        if (json) {
            ObjectNode root = Json.MAPPER.createObjectNode();
            Json.putInstant(root, "asOf", asOf);
            ArrayNode rows = root.putArray("rows");
            for (AgeProfile p : profiles) {
                ObjectNode n = rows.addObject();
                n.put("sku", p.sellerSku());
                n.put("warehouse", p.warehouseId());
                putBuckets(n.putObject("buckets"), p.units());
                Json.putInt(n, "oldestDays", p.oldestDays());
                n.put("unaged", p.unaged());
                n.put("total", p.total());
                putShares(n, p.olderThan(180), p.aged(), p.total());
            }
            ArrayNode warehouses = root.putArray("warehouses");
            byWarehouse.forEach((id, t) -> {
                ObjectNode n = warehouses.addObject();
                n.put("warehouse", id);
                putBuckets(n.putObject("buckets"), t.units);
                Json.putInt(n, "oldestDays", t.oldest);
                n.put("unaged", t.unaged);
                n.put("total", t.total);
                n.put("over180Units", t.over180);
                putShares(n, t.over180, t.total - t.unaged, t.total);
            });
            // The year of the ageing screen's chart: per day with lots, the share of aged units over 180 days.
            LocalDate today = (asOf == null ? runtime.clock().instant() : asOf).atZone(BeijingTime.ZONE).toLocalDate();
            ArrayNode trend = root.putArray("trend");
            for (AgeTrendPoint p : runtime.ageingReader().over180Trend(
                    today.minusDays(AgeingReader.TREND_DAYS - 1L), today)) {
                ObjectNode n = trend.addObject();
                n.put("day", p.day().toString());
                n.put("over180Share", Math.round(p.over180Share() * 100) / 100.0);
                n.put("agedUnits", p.units());
            }
            printer.result(Json.write(root));
            return 0;
        }
        Map<String, String> names = runtime.warehouseNames();
        StringBuilder header = new StringBuilder(Columns.format("%-20s %-14s", "sku", "warehouse"));
        for (AgeBucket b : AgeBucket.values()) {
            header.append(Columns.format(" %8s", b.label()));
        }
        printer.result(header.append(Columns.format(" %8s %8s", "unaged", "oldest")).toString());
        for (AgeProfile p : profiles) {
            StringBuilder line = new StringBuilder(Columns.format("%-20s %-14s", p.sellerSku(),
                    names.getOrDefault(p.warehouseId(), p.warehouseId())));
            for (AgeBucket b : AgeBucket.values()) {
                line.append(String.format(" %8d", p.units().getOrDefault(b, 0)));
            }
            printer.result(line.append(Columns.format(" %8d %8s", p.unaged(),
                    p.oldestDays() == null ? "—" : p.oldestDays().toString())).toString());
        }
        byWarehouse.forEach((id, t) -> printer.message(String.format("%s: %d units, %d older than 180 days, %d unaged",
                names.getOrDefault(id, id), t.total, t.over180, t.unaged)));
        printer.message(profiles.size() + " rows");
        return 0;
    }

    /**
     * {@code over180Share}: over-180 units ÷ units of known age in percent, null when no unit has a known age
     * (unknown, never 0 %); {@code ageKnownPercent}: units of known age ÷ all units, null when there is none.
     */
    private static void putShares(ObjectNode n, long over180, long aged, long total) {
        Json.putDouble(n, "over180Share", aged == 0 ? null : 100.0 * over180 / aged);
        Json.putDouble(n, "ageKnownPercent", total == 0 ? null : 100.0 * aged / total);
    }

    /** Every bucket by its label ("0–30" … "365+"), 0 when empty, in age order. */
    private static void putBuckets(ObjectNode n, Map<AgeBucket, ? extends Number> units) {
        for (AgeBucket b : AgeBucket.values()) {
            Number v = units.get(b);
            n.put(b.label(), v == null ? 0 : v.longValue());
        }
    }

    /** One warehouse's sums over its profiles. */
    private static final class Totals {
        final Map<AgeBucket, Long> units = new EnumMap<>(AgeBucket.class);
        Integer oldest;
        long unaged;
        long total;
        long over180;

        void add(AgeProfile p) {
            p.units().forEach((b, n) -> units.merge(b, (long) n, Long::sum));
            if (p.oldestDays() != null) {
                oldest = oldest == null ? p.oldestDays() : Math.max(oldest, p.oldestDays());
            }
            unaged += p.unaged();
            total += p.total();
            over180 += p.olderThan(180);
        }
    }
}

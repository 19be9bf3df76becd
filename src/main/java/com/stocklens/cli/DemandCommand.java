package com.stocklens.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stocklens.app.AppRuntime;
import com.stocklens.app.reports.WarehouseDemandService;
import com.stocklens.domain.BeijingTime;
import com.stocklens.rules.DemandDay;
import com.stocklens.service.DailyDemand;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code demand [--json] [--days N]}: units sold per SKU per Beijing day over the last N complete days,
 * and the average daily demand d̄ over the days the SKU was not out of stock.
 */
@Command(name = "demand", description = "Show units sold per SKU per day (Beijing time) from TikTok orders, "
        + "and the average daily demand over the days the SKU was in stock.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:done", "2:a usage error (--days outside 1–366), or under --snapshot a file that cannot be opened",
                "3:the workspace cannot be opened (in use by another StockLens, or unreadable)"})
final class DemandCommand extends RuntimeCommand {
    @Option(names = "--json", description = "Print a JSON array (documented in docs/cli.md).")
    boolean json;

    @Option(names = "--days", paramLabel = "N", defaultValue = "28",
            description = "Number of complete days before today (default ${DEFAULT-VALUE}).")
    int days;

    @Override
    int run(AppRuntime runtime) {
        if (days < 1 || days > 366) {
            printer.message("--days must be between 1 and 366");
            return 2;
        }
        // Complete days only: today's partial figure would drag the average down.
        LocalDate today = LocalDate.ofInstant(runtime.clock().instant(), BeijingTime.ZONE);
        LocalDate from = today.minusDays(days);
        LocalDate to = today.minusDays(1);
        Map<String, List<DailyDemand>> demand = runtime.demandReader().dailyDemand(from, to);
        // The one model: how far back sales history reaches (earlier days are no data) and each warehouse's share.
        WarehouseDemandService.Demand perWarehouse = runtime.warehouseDemand().read(from, to);
        if (json) {
            ArrayNode array = Json.MAPPER.createArrayNode();
            demand.forEach((sku, series) -> {
                ObjectNode n = array.addObject();
                n.put("sku", sku);
                n.put("from", from.toString());
                n.put("to", to.toString());
                n.put("units", series.stream().mapToInt(DailyDemand::units).sum());
                Double avg = average(series, perWarehouse);
                if (avg == null) {
                    n.putNull("dailyAverage");
                } else {
                    n.put("dailyAverage", Math.round(avg * 1000) / 1000.0);
                }
                n.put("stockOutDays", series.stream().filter(DailyDemand::stockOut).count());
                ArrayNode daily = n.putArray("daily");
                for (DailyDemand d : series) {
                    ObjectNode day = daily.addObject();
                    day.put("day", d.day().toString());
                    day.put("units", d.units());
                    day.put("stockOut", d.stockOut());
                }
                putWarehouses(n, sku, perWarehouse, from, to);
            });
            printer.result(Json.write(array));
            return 0;
        }
        printer.result(Columns.format("%-24s %7s %9s %8s", "sku", "units", "d̄/day", "stockOut"));
        demand.forEach((sku, series) -> {
            Double avg = average(series, perWarehouse);
            printer.result(Columns.format("%-24s %7d %9s %8d", sku, series.stream().mapToInt(DailyDemand::units).sum(),
                    avg == null ? "—" : String.format("%.2f", avg), series.stream().filter(DailyDemand::stockOut).count()));
        });
        printer.message(demand.size() + " SKUs, days " + from + " … " + to + " (Beijing time)");
        return 0;
    }

    /**
     * The SKU's units per warehouse from the one demand model (the sale lines' warehouse; sales of unknown
     * warehouse split evenly over the warehouses carrying the SKU), each with its d̄ over the days that warehouse
     * was not out of stock; {@code unattributed}: units of a SKU no warehouse carries.
     */
    private static void putWarehouses(ObjectNode n, String sku, WarehouseDemandService.Demand d, LocalDate from,
                                      LocalDate to) {
        Set<String> warehouses = new TreeSet<>(d.model().warehousesOf(sku));
        warehouses.addAll(d.carriers(sku));
        ArrayNode list = n.putArray("warehouses");
        for (String w : warehouses) {
            List<DemandDay> days = d.series(sku, w, from, to);
            ObjectNode o = list.addObject();
            o.put("warehouse", w);
            Json.putDouble(o, "units", d.model().units(sku, w, from, to));
            List<DemandDay> counted = days.stream().filter(x -> !x.stockOut()).toList();
            Json.putDouble(o, "dailyAverage", counted.isEmpty() ? null
                    : counted.stream().mapToDouble(DemandDay::units).average().orElse(0));
            o.put("stockOutDays", days.stream().filter(DemandDay::stockOut).count());
        }
        Json.putDouble(n, "unattributed", d.model().unattributed(sku, from, to));
    }

    /**
     * d̄ (docs/DOMAIN.md "Demand and stock cover"): the mean over the days sales history covers on which the SKU
     * was not out of stock; null when there is none (unknown, not 0).
     */
    static Double average(List<DailyDemand> series, WarehouseDemandService.Demand model) {
        List<DemandDay> counted = series.stream().filter(d -> model.covers(d.day()))
                .map(d -> new DemandDay(d.day(), d.units(), d.stockOut())).toList();
        return DemandDay.perDayOf(counted);
    }
}

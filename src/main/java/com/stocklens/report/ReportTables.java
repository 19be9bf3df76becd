package com.stocklens.report;

import com.stocklens.domain.CodeCheckResult;
import com.stocklens.domain.CodeFinding;
import com.stocklens.domain.HealthFigure;
import com.stocklens.domain.HealthReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Turns reports into the tables every format writes, so XLSX, PDF and CSV show the same views. */
public final class ReportTables {
    private ReportTables() {
    }

    /** Overall, per warehouse and per SKU, in that order. */
    public static List<Table> health(HealthReport r, Labels l) {
        List<Table> tables = new ArrayList<>(3);
        List<List<Object>> overall = new ArrayList<>();
        for (HealthFigure f : r.overall()) {
            overall.add(figureRow(null, f, l));
        }
        tables.add(new Table(l.get("sheet.overall"), figureHeaders(false, l), overall));
        List<List<Object>> perWarehouse = new ArrayList<>();
        byWarehouseName(r).forEach((name, figures) -> figures.forEach(f -> perWarehouse.add(figureRow(name, f, l))));
        tables.add(new Table(l.get("sheet.perWarehouse"), figureHeaders(true, l), perWarehouse));
        List<List<Object>> perSku = new ArrayList<>();
        for (HealthReport.SkuHealth s : r.perSku()) {
            perSku.add(Table.row(s.sellerSku(), s.name(), s.unitsSold(), round(s.averageOnHand()),
                    round(s.turnoverDays()), s.over180Units(), s.excessUnits(), s.strandedUnits(), s.oldestDays(),
                    round(s.over180Share()), l.verdict(s.ageVerdict()), round(s.ageKnownPercent())));
        }
        tables.add(new Table(l.get("sheet.perSku"), List.of(l.get("col.sku"), l.get("col.name"),
                l.get("col.unitsSold"), l.get("col.avgOnHand"), l.get("col.turnoverDays"), l.get("col.over180Units"),
                l.get("col.excessUnits"), l.get("col.strandedUnits"), l.get("col.oldestDays"),
                l.get("col.over180Share"), l.get("col.ageVerdict"), l.get("col.ageKnown")), perSku));
        return tables;
    }

    /** Overall and per-warehouse figures in one table (scope first): the CSV view of the health report. */
    public static Table healthIndicators(HealthReport r, Labels l) {
        List<List<Object>> rows = new ArrayList<>();
        for (HealthFigure f : r.overall()) {
            rows.add(figureRow(l.get("scope.overall"), f, l));
        }
        byWarehouseName(r).forEach((w, fs) -> fs.forEach(f -> rows.add(figureRow(w, f, l))));
        List<String> headers = new ArrayList<>(figureHeaders(true, l));
        headers.set(0, l.get("col.scope"));
        return new Table(l.get("title.health"), headers, rows);
    }

    /**
     * The per-warehouse figures under each warehouse's display name (a seller reads names; ids are for JSON),
     * in name order; a name two warehouses share gets the id in brackets.
     */
    static Map<String, List<HealthFigure>> byWarehouseName(HealthReport r) {
        Map<String, Long> uses = r.perWarehouse().keySet().stream()
                .collect(Collectors.groupingBy(r::warehouseName, Collectors.counting()));
        Map<String, List<HealthFigure>> named = new TreeMap<>();
        r.perWarehouse().forEach((id, figures) -> {
            String name = r.warehouseName(id);
            named.put(uses.get(name) > 1 ? name + " (" + id + ")" : name, figures);
        });
        return named;
    }

    /** Summary and findings of the three-code check. */
    public static List<Table> codeCheck(CodeCheckResult c, Labels l) {
        Table summary = new Table(l.get("sheet.summary"),
                List.of(l.get("col.skus"), l.get("col.flaggedSkus"), l.get("col.mismatchRate")),
                List.of(Table.row(c.skus(), c.flaggedSkus(), round(c.mismatchRate()))));
        return List.of(summary, findings(c, l));
    }

    /** The findings alone: the CSV view of the code check. */
    public static Table findings(CodeCheckResult c, Labels l) {
        List<List<Object>> rows = new ArrayList<>();
        for (CodeFinding f : c.findings()) {
            rows.add(Table.row(l.get("kind." + f.kind().name()), f.sellerSku(),
                    f.lines().stream().map(String::valueOf).collect(Collectors.joining(", ")), l.words(f.detail())));
        }
        return new Table(l.get("sheet.findings"),
                List.of(l.get("col.kind"), l.get("col.sku"), l.get("col.lines"), l.get("col.detail")), rows);
    }

    private static List<String> figureHeaders(boolean warehouse, Labels l) {
        List<String> h = new ArrayList<>();
        if (warehouse) {
            h.add(l.get("col.warehouse"));
        }
        h.addAll(List.of(l.get("col.indicator"), l.get("col.value"), l.get("col.band"), l.get("col.verdict"),
                l.get("col.working"), l.get("col.coverage")));
        return h;
    }

    private static List<Object> figureRow(String scope, HealthFigure f, Labels l) {
        List<Object> row = new ArrayList<>();
        if (scope != null) {
            row.add(scope);
        }
        row.add(l.indicator(f.indicator()));
        row.add(round(f.value()));
        row.add(l.band(f.indicator(), f.band()));
        row.add(l.verdict(f.verdict()));
        row.add(l.words(f.working()));
        row.add(l.coverage(f.coverage()));
        return row;
    }

    /** Two decimals are what a seller reads; the cell stays a number. */
    static Double round(Double v) {
        return v == null ? null : Math.round(v * 100) / 100.0;
    }
}

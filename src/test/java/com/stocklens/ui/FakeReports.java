package com.stocklens.ui;

import com.stocklens.domain.AgeBucket;
import com.stocklens.domain.AgeProfile;
import com.stocklens.domain.CodeCheckResult;
import com.stocklens.domain.CodeFinding;
import com.stocklens.domain.CodeFindingKind;
import com.stocklens.domain.Coverage;
import com.stocklens.domain.DemandMean;
import com.stocklens.domain.HealthBands;
import com.stocklens.domain.HealthFigure;
import com.stocklens.domain.HealthIndicator;
import com.stocklens.domain.HealthReport;
import com.stocklens.domain.Verdict;
import com.stocklens.domain.Wording;
import com.stocklens.service.AgeTrendPoint;
import com.stocklens.service.AgeingReader;
import com.stocklens.service.CodeChecks;
import com.stocklens.service.HealthReports;
import com.stocklens.service.ReportExports;
import com.stocklens.service.SkuDemandReader;
import com.stocklens.service.ReportFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The report services for UI tests and previews, answering from a fixed world that matches
 * {@link FakeBoards}: ages per SKU × warehouse, a year of > 180-day shares, a health report with healthy,
 * unhealthy, info and unknown figures, a three-code check with several kinds of finding. Exports are
 * recorded, and fail with {@link #failExportsWith} set.
 */
public final class FakeReports implements AgeingReader, HealthReports, CodeChecks, ReportExports, SkuDemandReader {
    /** One recorded export call. */
    public record ExportCall(String what, ReportFormat format, Locale locale, Path out) {
    }

    public final List<ExportCall> exports = new CopyOnWriteArrayList<>();
    public final List<LocalDate[]> reportRequests = new CopyOnWriteArrayList<>();
    public volatile String failExportsWith;
    public volatile RuntimeException failReads;

    static final String[] SKUS = {"MUG-001", "LAMP-RGB", "CASE-IP15", "YOGA-MAT", "BOTTLE-1L", "SOCK-5PK",
            "CHRG-65W", "TOWEL-BTH"};
    static final String[] WAREHOUSES = {FakeBoards.SHIPBOB_CA.id(), FakeBoards.WINIT_UK.id(), FakeBoards.GOODCANG_NJ.id()};

    // ---- ageing ----------------------------------------------------------------------------------

    @Override
    public List<AgeProfile> current() {
        check();
        List<AgeProfile> out = new ArrayList<>();
        int n = 0;
        for (String sku : SKUS) {
            for (String w : WAREHOUSES) {
                n++;
                Map<AgeBucket, Integer> units = new EnumMap<>(AgeBucket.class);
                int oldest = 0;
                for (AgeBucket b : AgeBucket.values()) {
                    int u = switch (b) {
                        case D0_30 -> 60 + (n * 23) % 90;
                        case D31_60 -> 30 + (n * 17) % 60;
                        case D61_90 -> (n * 11) % 40;
                        case D91_180 -> (n * 7) % 35;
                        case D181_270 -> n % 4 == 0 ? 12 + n % 9 : 0;
                        case D271_365 -> n % 6 == 0 ? 8 : 0;
                        case D365_PLUS -> n % 11 == 0 ? 5 : 0;
                    };
                    units.put(b, u);
                    if (u > 0) {
                        oldest = Math.min(b.toDay(), b.fromDay() + 20 + n % 30);
                    }
                }
                out.add(new AgeProfile(sku, w, units, oldest == 0 ? null : oldest, 0));
            }
        }
        return out;
    }

    @Override
    public List<AgeTrendPoint> over180Trend(LocalDate from, LocalDate to) {
        check();
        List<AgeTrendPoint> out = new ArrayList<>();
        int i = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1), i++) {
            double share = 3.0 + 2.5 * Math.sin(i / 40.0) + (i % 90 == 45 ? 3 : 0) + i / 200.0;
            out.add(new AgeTrendPoint(d, Math.max(0, share), 4000 + i));
        }
        return out;
    }

    // ---- demand ----------------------------------------------------------------------------------

    /** The seller SKUs each demand read asked for. */
    public final List<Set<String>> demandAsked = new CopyOnWriteArrayList<>();

    @Override
    public Map<String, DemandMean> dailyDemand(LocalDate from, LocalDate to, Collection<String> skus) {
        check();
        demandAsked.add(Set.copyOf(skus));
        Map<String, DemandMean> out = new LinkedHashMap<>();
        int s = 0;
        for (String sku : SKUS) {
            s++;
            if (!skus.contains(sku)) {
                continue;
            }
            int days = 0;
            long units = 0;
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1), days++) {
                // TOWEL-BTH has not sold at all: its days of supply is unknown ("—").
                units += sku.equals("TOWEL-BTH") ? 0 : s + days % 3;
            }
            out.put(sku, new DemandMean(units / (double) days, days));
        }
        return out;
    }

    // ---- health ----------------------------------------------------------------------------------

    /** The moments {@link #reportAt} was asked for. */
    public final List<Instant> reportMoments = new CopyOnWriteArrayList<>();

    /** The warehouse choices a report was asked for (empty: all). */
    public final List<Set<String>> reportWarehouses = new CopyOnWriteArrayList<>();

    /** The report of every warehouse, its per-warehouse lines cut to the chosen ones. */
    @Override
    public HealthReport report(LocalDate from, LocalDate to, Instant at, Set<String> warehouseIds) {
        reportWarehouses.add(warehouseIds);
        HealthReport all = at == null ? report(from, to) : reportAt(from, to, at);
        Map<String, List<HealthFigure>> some = new LinkedHashMap<>(all.perWarehouse());
        some.keySet().removeIf(id -> !warehouseIds.isEmpty() && !warehouseIds.contains(id));
        return new HealthReport(all.from(), all.to(), all.bands(), all.overall(), some, all.perSku());
    }

    @Override
    public HealthReport reportAt(LocalDate from, LocalDate to, Instant at) {
        reportMoments.add(at);
        return report(from, to);
    }

    @Override
    public HealthReport report(LocalDate from, LocalDate to) {
        check();
        reportRequests.add(new LocalDate[] {from, to});
        List<HealthFigure> overall = List.of(
                new HealthFigure(HealthIndicator.TURNOVER_DAYS, 52.3, 45.0, Verdict.UNHEALTHY,
                        Wording.text("average on hand 3,139 ÷ average sold 60.0/day = 52.3 days"), Coverage.ofDays(60, 66)),
                new HealthFigure(HealthIndicator.MOVING_SKU_RATE, 88.9, 85.0, Verdict.HEALTHY,
                        Wording.text("8 of 9 SKUs in stock sold at least one unit")),
                new HealthFigure(HealthIndicator.OVER_180_SHARE, 6.8, 5.0, Verdict.UNHEALTHY,
                        Wording.text("213 of 3,139 units older than 180 days"), Coverage.ofUnits(3139, 4000)),
                new HealthFigure(HealthIndicator.SELL_THROUGH_AMAZON, 1.42, null, Verdict.INFO,
                        Wording.text("units sold in 90 days 4,410 ÷ average available 3,106")),
                new HealthFigure(HealthIndicator.EXCESS_UNITS, 1240.0, null, Verdict.INFO,
                        Wording.text("units beyond lead time + 30 days of cover")),
                new HealthFigure(HealthIndicator.STRANDED_UNITS, 36.0, null, Verdict.INFO,
                        Wording.text("2 SKUs unmapped on TikTok")));
        Map<String, List<HealthFigure>> perWarehouse = new LinkedHashMap<>();
        perWarehouse.put(FakeBoards.SHIPBOB_CA.id(), figures(38.1, Verdict.HEALTHY, 92.0, Verdict.HEALTHY, 2.1, Verdict.HEALTHY));
        perWarehouse.put(FakeBoards.WINIT_UK.id(), figures(61.4, Verdict.UNHEALTHY, 80.0, Verdict.UNHEALTHY, 9.7, Verdict.UNHEALTHY));
        perWarehouse.put(FakeBoards.GOODCANG_NJ.id(), figures(null, Verdict.UNKNOWN, 87.5, Verdict.HEALTHY, 4.2, Verdict.HEALTHY));
        List<HealthReport.SkuHealth> skus = new ArrayList<>();
        int i = 0;
        for (String sku : SKUS) {
            i++;
            boolean sold = !sku.equals("TOWEL-BTH");
            skus.add(new HealthReport.SkuHealth(sku, "Product " + i + " 商品", sold ? 120 * i : 0, 300.0 + 17 * i,
                    sold ? (300.0 + 17 * i) / (120.0 * i / 91) : null, i % 3 == 0 ? 25 : 0, i % 4 == 0 ? 140 : 0,
                    i == 5 ? 36 : 0, 40 + 25 * i));
        }
        return new HealthReport(from, to, HealthBands.DEFAULTS, overall, perWarehouse, skus);
    }

    private static List<HealthFigure> figures(Double turnover, Verdict tv, double moving, Verdict mv, double over180,
                                              Verdict ov) {
        return List.of(
                new HealthFigure(HealthIndicator.TURNOVER_DAYS, turnover, 45.0, tv, Wording.text("turnover working")),
                new HealthFigure(HealthIndicator.MOVING_SKU_RATE, moving, 85.0, mv, Wording.text("moving working")),
                new HealthFigure(HealthIndicator.OVER_180_SHARE, over180, 5.0, ov, Wording.text("over-180 working")),
                new HealthFigure(HealthIndicator.SELL_THROUGH_AMAZON, 1.3, null, Verdict.INFO, Wording.text("sell-through working")),
                new HealthFigure(HealthIndicator.EXCESS_UNITS, 400.0, null, Verdict.INFO, Wording.text("excess working")),
                new HealthFigure(HealthIndicator.STRANDED_UNITS, 12.0, null, Verdict.INFO, Wording.text("stranded working")));
    }

    // ---- three-code check ------------------------------------------------------------------------

    @Override
    public CodeCheckResult checkCurrent() {
        check();
        List<CodeFinding> findings = List.of(
                new CodeFinding(CodeFindingKind.BAD_CHECK_DIGIT, "MUG-001", List.of(4),
                        Wording.text("barcode 6901234567891: check digit should be 2")),
                new CodeFinding(CodeFindingKind.MISSING_BARCODE, "YOGA-MAT", List.of(9), Wording.text("no barcode linked")),
                new CodeFinding(CodeFindingKind.ONE_TO_MANY, "CASE-IP15", List.of(12, 13),
                        Wording.text("barcode 0012345678905 linked to CASE-IP15 and CASE-IP15-PRO")),
                new CodeFinding(CodeFindingKind.MISSING_WMS_SKU, "SOCK-5PK", List.of(), Wording.text("no WINIT id")),
                new CodeFinding(CodeFindingKind.CASE_OR_SPACE_VARIANT, "lamp-rgb", List.of(21, 22),
                        Wording.text("LAMP-RGB and 'lamp-rgb ' differ only in case and spaces")),
                new CodeFinding(CodeFindingKind.BAD_CHECK_DIGIT, "CHRG-65W", List.of(30), Wording.text("barcode 12345: not a GTIN length")));
        return new CodeCheckResult(findings, 47, 6);
    }

    // ---- exports ---------------------------------------------------------------------------------

    @Override
    public void exportHealth(HealthReport report, ReportFormat format, Locale locale, Path out) throws IOException {
        exports.add(new ExportCall("health", format, locale, out));
        failIfAsked();
    }

    @Override
    public void exportCodeCheck(CodeCheckResult result, ReportFormat format, Locale locale, Path out)
            throws IOException {
        exports.add(new ExportCall("codes", format, locale, out));
        failIfAsked();
    }

    private void failIfAsked() throws IOException {
        if (failExportsWith != null) {
            throw new IOException(failExportsWith);
        }
    }

    private void check() {
        if (failReads != null) {
            throw failReads;
        }
    }
}

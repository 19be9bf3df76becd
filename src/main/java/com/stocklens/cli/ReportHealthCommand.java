package com.stocklens.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stocklens.app.AppRuntime;
import com.stocklens.domain.Coverage;
import com.stocklens.domain.HealthFigure;
import com.stocklens.domain.HealthReport;
import com.stocklens.report.FileReportExports;
import com.stocklens.service.ReportFormat;
import com.stocklens.app.reports.HealthReportService;
import com.stocklens.support.FileReasons;
import com.stocklens.support.PlainWords;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code report health (--quarter 2026Q3 | --from DATE --to DATE) [--out FILE.xlsx|.pdf|.csv] [--json]
 * [--lang zh|en]}: the inventory health report for a period, written to a file (format from the
 * extension) and/or printed as JSON. Exit 0 written, 1 the export failed, 2 bad arguments.
 */
@Command(name = "health", description = "The inventory health report (turnover days, 动销率, age structure, "
        + "sell-through, excess, stranded) for a quarter or a date range (Beijing days).",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:written", "1:the export failed (e.g. the folder cannot be written)",
                "2:bad arguments, or under --snapshot a file that cannot be opened", "3:the workspace cannot be opened (in use by another StockLens, or unreadable)"})
final class ReportHealthCommand extends RuntimeCommand {
    static final int EXIT_BAD_ARGUMENTS = 2;
    static final int EXIT_EXPORT_FAILED = 1;

    @Option(names = "--quarter", paramLabel = "YYYYQn", description = "A calendar quarter, e.g. 2026Q3.")
    String quarter;

    @Option(names = "--from", paramLabel = "DATE", description = "First day (YYYY-MM-DD), with --to.")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last day (YYYY-MM-DD), with --from. "
            + "Only complete Beijing days count: a period reaching today is cut at yesterday.")
    String to;

    @Option(names = "--out", paramLabel = "FILE", description = "Write FILE.xlsx, FILE.pdf or FILE.csv.")
    Path out;

    @Option(names = "--json", description = "Print the report as JSON (documented in docs/cli.md).")
    boolean json;

    private Locale language;

    @Option(names = "--lang", paramLabel = "zh|en", description = "Language of the file (default: --lang of "
            + "stocklens, else the OS language).")
    void setLanguage(String value) {
        language = StockLensOptions.language(spec, "--lang", value);
    }

    @Override
    int run(AppRuntime runtime) {
        HealthReportService.Period period;
        try {
            period = period();
        } catch (IllegalArgumentException e) {
            printer.message(PlainWords.sentence(e.getMessage()));
            return EXIT_BAD_ARGUMENTS;
        }
        ReportFormat format = null;
        if (out != null) {
            format = FileReportExports.formatOf(out);
            if (format == null) {
                printer.message("--out must end in .xlsx, .pdf or .csv: " + out + ".");
                return EXIT_BAD_ARGUMENTS;
            }
        } else if (!json) {
            printer.message("Say where the report goes: --out FILE.xlsx|FILE.pdf|FILE.csv, or --json.");
            return EXIT_BAD_ARGUMENTS;
        }
        HealthReport report;
        try {
            report = runtime.healthReports().report(period.from(), period.to());
        } catch (IllegalArgumentException e) {
            printer.message(PlainWords.sentence(e.getMessage()));
            return EXIT_BAD_ARGUMENTS;
        }
        if (json) {
            printer.result(Json.write(json(report)));
        }
        if (out != null) {
            try {
                runtime.reportExports().exportHealth(report, format, locale(), out);
            } catch (IOException e) {
                printer.message("Could not write " + out + ": " + FileReasons.of(e) + ".");
                return EXIT_EXPORT_FAILED;
            }
            printer.message("wrote " + out.toAbsolutePath() + " (" + format + ", " + report.from() + " … "
                    + report.to() + ")");
        }
        return 0;
    }

    private HealthReportService.Period period() {
        if (quarter != null && (from != null || to != null)) {
            throw new IllegalArgumentException("give either --quarter or --from/--to, not both");
        }
        if (quarter != null) {
            return HealthReportService.quarter(quarter);
        }
        if (from == null || to == null) {
            throw new IllegalArgumentException("give --quarter 2026Q3, or both --from and --to (YYYY-MM-DD)");
        }
        try {
            return new HealthReportService.Period(LocalDate.parse(from), LocalDate.parse(to));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("dates are YYYY-MM-DD: " + e.getParsedString());
        }
    }

    private Locale locale() {
        if (language != null) {
            return language;
        }
        return root().options().language().orElse("zh".equals(Locale.getDefault().getLanguage())
                ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH);
    }

    static ObjectNode json(HealthReport r) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("from", r.from().toString());
        root.put("to", r.to().toString());
        ObjectNode bands = root.putObject("bands");
        bands.put("turnoverDaysMax", r.bands().turnoverDaysMax());
        bands.put("movingSkuRateMin", r.bands().movingSkuRateMin());
        bands.put("over180ShareMax", r.bands().over180ShareMax());
        bands.put("minHistoryPercent", r.bands().minHistoryPercent());
        figures(root.putArray("overall"), r.overall());
        ObjectNode perWarehouse = root.putObject("perWarehouse");
        for (Map.Entry<String, List<HealthFigure>> e : new TreeMap<>(r.perWarehouse()).entrySet()) {
            figures(perWarehouse.putArray(e.getKey()), e.getValue());
        }
        ArrayNode perSku = root.putArray("perSku");
        for (HealthReport.SkuHealth s : r.perSku()) {
            ObjectNode n = perSku.addObject();
            n.put("sku", s.sellerSku());
            n.put("name", s.name());
            n.put("unitsSold", s.unitsSold());
            Json.putDouble(n, "averageOnHand", s.averageOnHand());
            Json.putDouble(n, "turnoverDays", s.turnoverDays());
            Json.putInt(n, "over180Units", s.over180Units());
            n.put("excessUnits", s.excessUnits());
            n.put("strandedUnits", s.strandedUnits());
            Json.putInt(n, "oldestDays", s.oldestDays());
            Json.putDouble(n, "over180Share", s.over180Share());
            n.put("ageVerdict", s.ageVerdict().name());
            Json.putDouble(n, "ageKnownPercent", s.ageKnownPercent());
        }
        return root;
    }

    private static void figures(ArrayNode array, List<HealthFigure> figures) {
        for (HealthFigure f : figures) {
            ObjectNode n = array.addObject();
            n.put("indicator", f.indicator().name());
            Json.putDouble(n, "value", f.value());
            Json.putDouble(n, "band", f.band());
            n.put("verdict", f.verdict().name());
            n.put("working", f.working() == null ? null : f.working().english());
            putCoverage(n, f.coverage());
        }
    }

    /**
     * {@code coverage}: what the figure rests on — {@code days} of {@code ofDays} complete days of history, and
     * for the age structure {@code knownUnits} of {@code ofUnits} units of known age ({@code knownPercent});
     * a part that does not apply is null, and the whole is null for a reading of the stock at the close.
     */
    private static void putCoverage(ObjectNode n, Coverage c) {
        if (c == null) {
            n.putNull("coverage");
            return;
        }
        ObjectNode o = n.putObject("coverage");
        Json.putInt(o, "days", c.days());
        Json.putInt(o, "ofDays", c.ofDays());
        if (c.knownUnits() == null) {
            o.putNull("knownUnits");
            o.putNull("ofUnits");
        } else {
            o.put("knownUnits", c.knownUnits());
            o.put("ofUnits", c.ofUnits());
        }
        Json.putDouble(o, "knownPercent", c.unitPercent());
    }
}

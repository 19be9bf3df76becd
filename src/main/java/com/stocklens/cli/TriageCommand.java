package com.stocklens.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stocklens.app.AppRuntime;
import com.stocklens.service.FlagBoard;
import com.stocklens.service.TriageDigest;
import com.stocklens.service.TriageItem;
import com.stocklens.service.TriageList;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code triage [--json]}: the red flags ranked by what to do first, the window's "Act now" list: open
 * calibrations by deadline, then oversell and missing pre-allocation by units at risk × daily sales, then
 * stale sources with what they block, then the digest. Reads what the last evaluation stored, as
 * {@code flags} does; with the global {@code --as-of T}, the flags of then.
 */
@Command(name = "triage", description = "List what to do first: the red flags ranked (calibrations by deadline, "
        + "orders at risk by units × daily sales, stale sources, then the digest).",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:done", "2:a usage error, or under --snapshot a file that cannot be opened",
                "3:the workspace cannot be opened (in use by another StockLens, or unreadable)"})
final class TriageCommand extends RuntimeCommand {
    @Option(names = "--json", description = "Print a JSON array, rank 1 first (documented in docs/cli.md).")
    boolean json;

    @Override
    int run(AppRuntime runtime) {
        Instant asOf = root().options().asOf().map(t -> t.truncatedTo(ChronoUnit.MICROS)).orElse(null);
        FlagBoard flags = asOf == null ? runtime.flagReader().read() : runtime.flagReader().readAt(asOf);
        TriageList list = runtime.triage().rank(flags);
        if (json) {
            printer.result(Json.write(toJson(list.all())));
            return 0;
        }
        CliTexts texts = CliTexts.of(root());
        printer.result(Columns.format("%4s  %-22s %-22s %-24s %7s  %-9s %s", texts.get("triage.col.rank"),
                texts.get("triage.col.kind"), texts.get("triage.col.sku"), texts.get("triage.col.warehouse"),
                texts.get("triage.col.units"), texts.get("triage.col.timeLeft"), texts.get("triage.col.reason")));
        for (TriageItem i : list.actNow()) {
            printer.result(Columns.format("%4d  %-22s %-22s %-24s %7s  %-9s %s", i.rank(), kind(i, texts),
                    i.sellerSku() == null ? "—" : i.sellerSku(), where(i), texts.quantity(i.unitsAtRisk()),
                    timeLeft(i, list.at(), texts), texts.words(i.reason())));
        }
        if (list.actNow().isEmpty()) {
            printer.result(texts.get("triage.nothing"));
        }
        for (TriageDigest d : list.digest()) {
            printer.result("      " + texts.format("triage.digest", texts.name("kind.", d.kind()), d.count()));
        }
        String evaluated = flags.evaluatedAt() == null ? (flags.isPast() ? "" : texts.get("flags.notEvaluated"))
                : texts.format("flags.evaluatedAt", texts.beijing(flags.evaluatedAt()));
        printer.message(texts.format("triage.summary", list.actNow().size(), list.digestCount()) + evaluated);
        return 0;
    }

    private static String kind(TriageItem i, CliTexts texts) {
        return i.alertKind() != null ? texts.name("kind.", i.alertKind()) : texts.get("kind.CALIBRATION");
    }

    static ArrayNode toJson(List<TriageItem> items) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (TriageItem i : items) {
            ObjectNode n = out.addObject();
            n.put("rank", i.rank());
            n.put("kind", i.kind());
            n.put("sku", i.sellerSku());
            n.put("warehouse", i.warehouseId());
            n.put("warehouseName", i.warehouseName());
            n.put("reason", i.reason().english());
            Json.putInt(n, "unitsAtRisk", i.unitsAtRisk());
            Json.putDouble(n, "dailySales", i.dailySales());
            Json.putInt(n, "salesDays", i.salesDays());
            Json.putDouble(n, "impact", i.impact());
            Json.putInstant(n, "deadline", i.deadline());
        }
        return out;
    }

    /** The warehouse or the source by name; the id only when no name is known. */
    private static String where(TriageItem i) {
        if (i.warehouseName() != null) {
            return i.warehouseName();
        }
        if (i.sourceName() != null) {
            return i.sourceName();
        }
        return i.warehouseId() != null ? i.warehouseId() : i.sourceId() != null ? i.sourceId() : "—";
    }

    private static String timeLeft(TriageItem i, Instant at, CliTexts texts) {
        if (i.deadline() == null) {
            return "";
        }
        long s = Duration.between(at, i.deadline()).getSeconds();
        return s <= 0 ? texts.get("triage.overdue") : String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}

package com.stocklens.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stocklens.app.AppRuntime;
import com.stocklens.domain.Alert;
import com.stocklens.domain.CalibrationState;
import com.stocklens.domain.CalibrationTask;
import com.stocklens.domain.Declaration;
import com.stocklens.domain.RootCauseHint;
import com.stocklens.rules.Urgency;
import com.stocklens.service.AlertRow;
import com.stocklens.service.FlagBoard;
import com.stocklens.service.TaskRow;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code flags [--json]}: the red-flag panel from the store — open and declared calibration tasks,
 * soonest deadline first, then the alerts not cleared. Reads what the last evaluation stored (run
 * {@code sync --once} first for fresh figures); the countdowns are computed at the moment of printing.
 * With the global {@code --as-of T}: the flags as they stood at T, countdowns as they stood then.
 */
@Command(name = "flags", description = "List the red flags: calibration tasks with their countdown, then alerts.",
        subcommands = FlagsDeclareCommand.class,
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:done", "2:a usage error, or under --snapshot a file that cannot be opened",
                "3:the workspace cannot be opened (in use by another StockLens, or unreadable)"})
final class FlagsCommand extends RuntimeCommand {
    @Option(names = "--json", description = "Print a JSON object (documented in docs/cli.md).")
    boolean json;

    @Override
    int run(AppRuntime runtime) {
        Instant asOf = root().options().asOf().map(t -> t.truncatedTo(ChronoUnit.MICROS)).orElse(null);
        Instant now = asOf != null ? asOf : runtime.clock().instant().truncatedTo(ChronoUnit.MICROS);
        FlagBoard board = asOf == null ? runtime.flagReader().read() : runtime.flagReader().readAt(asOf);
        if (json) {
            printer.result(Json.write(toJson(board, now)));
            return 0;
        }
        CliTexts texts = CliTexts.of(root());
        printer.result(Columns.format("%-7s %-20s %-22s %9s %9s %6s %-9s %-9s %s", texts.get("flags.col.task"),
                texts.get("flags.col.sku"), texts.get("flags.col.warehouse"), texts.get("flags.col.warehouseQty"),
                texts.get("flags.col.tiktokQty"), texts.get("flags.col.gap"), texts.get("flags.col.state"),
                texts.get("flags.col.urgency"), texts.get("flags.col.timeLeft")));
        for (TaskRow r : board.tasks()) {
            CalibrationTask t = r.task();
            Urgency u = urgency(t, now);
            printer.result(Columns.format("%-7d %-20s %-22s %9s %9s %6s %-9s %-9s %s", t.id(), t.sellerSku(),
                    r.warehouse() == null ? t.warehouseId() : r.warehouse().name(),
                    texts.quantity(t.warehouseQuantity()), texts.quantity(t.tiktokQuantity()),
                    (t.gap() > 0 ? "+" : "") + texts.quantity(t.gap()), texts.name("state.", t.state()),
                    u == null ? "—" : texts.name("urgency.", u), timeLeft(t, now, texts)));
        }
        printer.result("");
        printer.result(Columns.format("%-22s %-40s %-12s %8s %8s  %s", texts.get("flags.col.alert"),
                texts.get("flags.col.subject"), texts.get("flags.col.state"), texts.get("flags.col.actual"),
                texts.get("flags.col.limit"), texts.get("flags.col.detail")));
        for (AlertRow r : board.alerts()) {
            Alert a = r.alert();
            printer.result(Columns.format("%-22s %-40s %-12s %8s %8s  %s", texts.name("kind.", a.kind()), subject(r),
                    texts.name("state.", a.state()), texts.quantity(a.actual()), texts.quantity(a.limit()),
                    texts.words(a.detail())));
        }
        if (board.isPast()) {
            printer.message(texts.format("flags.past", texts.beijing(board.asOf()),
                    board.notRecorded().stream().map(k -> texts.name("kind.", k)).sorted().toList()));
        }
        String evaluated = board.evaluatedAt() == null ? (board.isPast() ? "" : texts.get("flags.notEvaluated"))
                : texts.format("flags.evaluatedAt", texts.beijing(board.evaluatedAt()));
        printer.message(texts.format("flags.summary", board.tasks().size(), board.alerts().size()) + evaluated);
        return 0;
    }

    /** Who an alert is about, by name: the source, or the SKU at its warehouse. */
    private static String subject(AlertRow r) {
        Alert a = r.alert();
        if (a.sellerSku() == null) {
            return r.sourceName() != null ? r.sourceName() : a.sourceId();
        }
        return a.sellerSku() + " @ " + (r.warehouse() != null ? r.warehouse().name() : a.warehouseId());
    }

    static ObjectNode toJson(FlagBoard board, Instant now) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        Json.putInstant(root, "generatedAt", now);
        Json.putInstant(root, "evaluatedAt", board.evaluatedAt());
        Json.putInstant(root, "asOf", board.asOf());
        ArrayNode notRecorded = root.putArray("notRecorded");
        board.notRecorded().stream().map(Enum::name).sorted().forEach(notRecorded::add);
        Set<String> blocked = board.blockedPairs(now);
        ArrayNode tasks = root.putArray("tasks");
        for (TaskRow r : board.tasks()) {
            CalibrationTask t = r.task();
            ObjectNode n = tasks.addObject();
            n.put("id", t.id());
            n.put("kind", "CALIBRATION");
            n.put("sku", t.sellerSku());
            n.put("name", r.skuName());
            n.put("warehouse", t.warehouseId());
            n.put("warehouseName", r.warehouse() == null ? null : r.warehouse().name());
            n.put("warehouseQuantity", t.warehouseQuantity());
            n.put("tiktokQuantity", t.tiktokQuantity());
            n.put("gap", t.gap());
            Json.putInstant(n, "detectedAt", t.detectedAt());
            Json.putInstant(n, "deadline", t.deadline());
            n.put("secondsLeft", t.timeLeft(now).getSeconds());
            n.put("state", t.state().name());
            Urgency u = urgency(t, now);
            n.put("urgency", u == null ? null : u.name());
            n.put("overdue", t.isOverdue(now));
            n.put("blocked", r.blocked(now));
            Declaration d = t.declaration();
            if (d == null) {
                n.putNull("declaration");
            } else {
                ObjectNode dn = n.putObject("declaration");
                dn.put("cause", d.cause().name());
                dn.put("note", d.note());
                dn.put("by", d.declaredBy());
                Json.putInstant(dn, "at", d.declaredAt());
            }
            ArrayNode hints = n.putArray("hints");
            for (RootCauseHint h : t.hints()) {
                ObjectNode hn = hints.addObject();
                hn.put("kind", h.kind().name());
                Json.putInt(hn, "units", h.units());
                hn.put("suggestedCause", h.suggestedCause().name());
            }
        }
        ArrayNode alerts = root.putArray("alerts");
        for (AlertRow r : board.alerts()) {
            Alert a = r.alert();
            ObjectNode n = alerts.addObject();
            n.put("key", a.key());
            n.put("kind", a.kind().name());
            n.put("sku", a.sellerSku());
            n.put("warehouse", a.warehouseId());
            n.put("source", a.sourceId());
            Json.putInt(n, "actual", a.actual());
            Json.putInt(n, "limit", a.limit());
            n.put("detail", a.detail() == null ? null : a.detail().english());
            Json.putInstant(n, "raisedAt", a.raisedAt());
            n.put("state", a.state().name());
            Json.putInstant(n, "snoozedUntil", a.snoozedUntil());
            if (a.weight() == null) {
                n.putNull("weight");
            } else {
                n.put("weight", a.weight());
            }
            n.put("blocked", a.sellerSku() != null && blocked.contains(a.sellerSku() + "@" + a.warehouseId()));
        }
        return root;
    }

    /** The countdown's level while the task waits for a declaration; none once declared (the clock stops). */
    private static Urgency urgency(CalibrationTask t, Instant now) {
        return t.state() == CalibrationState.OPEN ? Urgency.of(t.detectedAt(), t.deadline(), now) : null;
    }

    private static String timeLeft(CalibrationTask t, Instant now, CliTexts texts) {
        if (t.state() != CalibrationState.OPEN) {
            return texts.format("flags.declared", texts.name("cause.", t.declaration().cause()));
        }
        long s = t.timeLeft(now).getSeconds();
        return s <= 0 ? texts.get("flags.overdue") : String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}

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
        Instant asOf = root().asOf().map(t -> t.truncatedTo(ChronoUnit.MICROS)).orElse(null);
        Instant now = asOf != null ? asOf : runtime.clock().instant().truncatedTo(ChronoUnit.MICROS);
        FlagBoard board = asOf == null ? runtime.flagReader().read() : runtime.flagReader().readAt(asOf);
        if (json) {
            printer.result(Json.write(toJson(board, now)));
            return 0;
        }
        printer.result(Columns.format("%-7s %-20s %-14s %9s %9s %6s %-9s %-9s %s", "task", "sku", "warehouse",
                "warehouse", "tiktok", "gap", "state", "urgency", "time left"));
        for (TaskRow r : board.tasks()) {
            CalibrationTask t = r.task();
            printer.result(Columns.format("%-7d %-20s %-14s %9d %9d %+6d %-9s %-9s %s", t.id(), t.sellerSku(),
                    t.warehouseId(), t.warehouseQuantity(), t.tiktokQuantity(), t.gap(), t.state(),
                    urgency(t, now) == null ? "—" : urgency(t, now), timeLeft(t, now)));
        }
        printer.result("");
        printer.result(Columns.format("%-22s %-32s %-12s %8s %8s  %s", "alert", "subject", "state", "actual", "limit",
                "detail"));
        for (AlertRow r : board.alerts()) {
            Alert a = r.alert();
            String subject = a.sourceId() != null ? a.sourceId() : a.sellerSku() + "@" + a.warehouseId();
            printer.result(Columns.format("%-22s %-32s %-12s %8s %8s  %s", a.kind(), subject, a.state(),
                    dash(a.actual()), dash(a.limit()), a.detail() == null ? "" : a.detail()));
        }
        if (board.isPast()) {
            printer.message("As of " + board.asOf() + " (a past moment); figures of "
                    + board.notRecorded().stream().map(Enum::name).sorted().toList()
                    + " alerts are not recorded for past moments.");
        }
        printer.message(board.tasks().size() + " calibration task(s), " + board.alerts().size() + " alert(s)"
                + (board.evaluatedAt() == null ? (board.isPast() ? "" : "; the rules have not run yet (sync first)")
                : "; evaluated at " + board.evaluatedAt()));
        return 0;
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
            n.put("detail", a.detail());
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

    private static String timeLeft(CalibrationTask t, Instant now) {
        if (t.state() != CalibrationState.OPEN) {
            return "declared " + t.declaration().cause();
        }
        long s = t.timeLeft(now).getSeconds();
        return s <= 0 ? "OVERDUE (blocked)" : String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    private static String dash(Integer v) {
        return v == null ? "—" : v.toString();
    }
}

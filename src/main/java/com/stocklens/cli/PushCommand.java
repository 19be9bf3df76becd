package com.stocklens.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stocklens.service.PushLine;
import com.stocklens.service.PushPlan;
import com.stocklens.service.PushRecord;
import com.stocklens.service.PushedLine;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code push}: the warehouse's figures to TikTok, safely (docs/guide/push.md) — {@code push plan} shows what would
 * be set and what is refused, {@code push apply} sends a recent plan, {@code push history} is the audit,
 * {@code push undo} re-pushes a push's previous figures, {@code push settings} the buffer, daily cap and
 * automatic pushes.
 */
@Command(name = "push", description = "Push the warehouses' figures to TikTok: plan, apply, history, undo, settings.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"2:no subcommand given (the usage is printed)"},
        subcommands = {PushPlanCommand.class, PushApplyCommand.class, PushHistoryCommand.class, PushUndoCommand.class,
                PushSettingsCommand.class})
final class PushCommand implements Callable<Integer> {
    /** Some line refused, or nothing to do. */
    static final int EXIT_REFUSED = 1;
    /** A stale or unknown plan (and usage errors). */
    static final int EXIT_PLAN_UNAVAILABLE = 2;

    @Spec
    CommandSpec spec;

    CliPrinter printer = CliPrinter.system();

    @Override
    public Integer call() {
        printer.message(spec.commandLine().getUsageMessage());
        return EXIT_PLAN_UNAVAILABLE;
    }

    /** The plan as docs/cli.md documents it. */
    static ObjectNode json(PushPlan plan, Duration lifetime) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("id", plan.id());
        Json.putInstant(root, "createdAt", plan.createdAt());
        Json.putInstant(root, "applyBefore", plan.createdAt().plus(lifetime));
        root.put("scope", plan.scope().kind().name());
        if (plan.scope().ref() == null) {
            root.putNull("scopeRef");
        } else {
            root.put("scopeRef", plan.scope().ref());
        }
        root.put("buffer", plan.buffer());
        root.put("unchanged", plan.unchanged());
        ArrayNode items = root.putArray("items");
        for (PushLine l : plan.items()) {
            ObjectNode n = items.addObject();
            line(n, l);
            Json.putInt(n, "before", l.before());
            Json.putInt(n, "after", l.after());
            n.put("reason", l.reason());
            Json.putInstant(n, "warehouseSnapshotAt", l.warehouseAt());
            Json.putInstant(n, "tiktokSnapshotAt", l.tiktokAt());
        }
        ArrayNode refused = root.putArray("refused");
        for (PushLine l : plan.refused()) {
            ObjectNode n = refused.addObject();
            n.put("sku", l.sellerSku());
            n.put("warehouse", l.warehouseId());
            n.put("refusal", l.refusal().name());
            n.put("reason", l.reason());
        }
        return root;
    }

    /** One push with TikTok's answer per line. */
    static ObjectNode json(PushRecord p) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("id", p.id());
        n.put("planId", p.planId());
        n.put("scope", p.scope().kind().name());
        if (p.scope().ref() == null) {
            n.putNull("scopeRef");
        } else {
            n.put("scopeRef", p.scope().ref());
        }
        putLong(n, "taskId", p.taskId());
        putLong(n, "undoOf", p.undoOf());
        n.put("by", p.by());
        n.put("desk", p.desk());
        n.put("automatic", p.automatic());
        Json.putInstant(n, "startedAt", p.startedAt());
        Json.putInstant(n, "finishedAt", p.finishedAt());
        n.put("status", p.status().name());
        n.put("accepted", p.accepted());
        n.put("refused", p.refusedCount());
        n.put("unitsChanged", p.unitsChanged());
        ArrayNode lines = n.putArray("lines");
        for (PushedLine l : p.lines()) {
            ObjectNode x = lines.addObject();
            line(x, l.line());
            Json.putInt(x, "before", l.line().before());
            Json.putInt(x, "after", l.line().after());
            x.put("outcome", l.outcome().name());
            x.put("reason", l.line().reason());
            if (l.refusal() == null) {
                x.putNull("refusal");
                x.putNull("problem");
            } else {
                x.put("refusal", l.refusal().name());
                x.put("problem", l.problem());
            }
            putText(x, "tiktokCode", l.tiktokCode());
            putText(x, "tiktokMessage", l.tiktokMessage());
        }
        return n;
    }

    private static void line(ObjectNode n, PushLine l) {
        n.put("sku", l.sellerSku());
        n.put("warehouse", l.warehouseId());
        putText(n, "tiktokWarehouseId", l.tiktokWarehouseId());
    }

    private static void putLong(ObjectNode n, String field, Long value) {
        if (value == null) {
            n.putNull(field);
        } else {
            n.put(field, value);
        }
    }

    private static void putText(ObjectNode n, String field, String value) {
        if (value == null) {
            n.putNull(field);
        } else {
            n.put(field, value);
        }
    }

    /** A push in one line per SKU and warehouse, for the terminal. */
    static void print(CliPrinter printer, PushRecord p) {
        printer.result(String.format("push #%d  %s  %s  by %s  %s  (%d accepted, %d refused, %d units)", p.id(),
                p.startedAt(), p.scope(), p.by(), p.status(), p.accepted(), p.refusedCount(), p.unitsChanged())
                + (p.undoOf() == null ? "" : "  undo of #" + p.undoOf())
                + (p.taskId() == null ? "" : "  task " + p.taskId()));
        for (PushedLine l : p.lines()) {
            printer.result(Columns.format("  %-20s %-16s %6s → %-6s %-8s %s", l.line().sellerSku(), where(l.line()),
                    dash(l.line().before()), dash(l.line().after()), l.outcome(),
                    l.refusal() == null ? "" : l.problem()));
        }
    }

    /** A line's warehouse as the seller knows it: its name, the id only when no name is known. */
    static String where(PushLine l) {
        return l.warehouseName() != null ? l.warehouseName() : l.warehouseId();
    }

    static String dash(Integer v) {
        return v == null ? "—" : v.toString();
    }

    /** {@code 42 s}, {@code 7 min}, {@code 5 h}. */
    static String age(Instant at, Instant now) {
        if (at == null) {
            return "—";
        }
        long s = Math.max(0, Duration.between(at, now).toSeconds());
        return s < 120 ? s + " s" : s < 7200 ? s / 60 + " min" : s / 3600 + " h";
    }
}

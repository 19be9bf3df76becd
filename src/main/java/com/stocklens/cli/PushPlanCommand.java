package com.stocklens.cli;

import com.stocklens.app.AppRuntime;
import com.stocklens.service.PushLine;
import com.stocklens.service.PushPlan;
import com.stocklens.service.PushScope;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code push plan (--task ID | --warehouse ID | --csv | --returns) [--json]}: what StockLens would set on TikTok
 * for the scope, and what it refuses and why; keeps the plan for {@code push apply}. Sends nothing.
 */
@Command(name = "plan", description = "Plan a push to TikTok: per SKU and TikTok warehouse, TikTok's figure, the "
        + "figure to set and why, or why not. Sends nothing.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:a plan was made (it may set nothing, see \"refused\")",
                "1:no such calibration task or warehouse",
                "2:a usage error, or a snapshot file is open (read-only)",
                "3:the workspace cannot be opened (in use by another StockLens, or unreadable)"})
final class PushPlanCommand extends RuntimeCommand {
    @Override
    boolean writes() {
        return true;
    }

    /** Exactly one scope. */
    static final class Scope {
        @Option(names = "--task", paramLabel = "ID", description = "One calibration task (its SKU in its warehouse).")
        Long task;

        @Option(names = "--warehouse", paramLabel = "ID", description = "Every SKU of one warehouse, e.g. shipbob:228 or csv:PH-MNL.")
        String warehouse;

        @Option(names = "--csv", description = "Every SKU of the CSV-fed warehouses (stock files).")
        boolean csv;

        @Option(names = "--returns", description = "The SKUs whose returns passed QC since the last returns push.")
        boolean returns;

        PushScope scope() {
            if (task != null) {
                return PushScope.task(task);
            }
            if (warehouse != null) {
                return PushScope.warehouse(warehouse);
            }
            return csv ? PushScope.csv() : PushScope.returns();
        }
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Scope scope;

    @Option(names = "--json", description = "Print the plan as JSON (documented in docs/cli.md).")
    boolean json;

    @Override
    int run(AppRuntime runtime) {
        PushPlan plan;
        try {
            plan = runtime.stockPushes().plan(scope.scope());
        } catch (IllegalArgumentException e) {
            printer.message(e.getMessage());
            return PushCommand.EXIT_REFUSED;
        }
        Duration lifetime = Duration.ofMinutes(runtime.stockPushes().planMinutes());
        if (json) {
            printer.result(Json.write(PushCommand.json(plan, lifetime)));
            return 0;
        }
        Instant now = runtime.clock().instant();
        printer.result(Columns.format("%-20s %-16s %6s → %-6s %-10s %s", "sku", "warehouse", "tiktok", "set", "age",
                "why"));
        for (PushLine l : plan.items()) {
            printer.result(Columns.format("%-20s %-16s %6s → %-6s %-10s %s", l.sellerSku(), PushCommand.where(l),
                    PushCommand.dash(l.before()), PushCommand.dash(l.after()), PushCommand.age(l.warehouseAt(), now),
                    l.reason()));
        }
        for (PushLine l : plan.refused()) {
            printer.result(Columns.format("%-20s %-16s %6s   %-6s %-10s REFUSED: %s", l.sellerSku(), PushCommand.where(l),
                    PushCommand.dash(l.before()), "", PushCommand.age(l.warehouseAt(), now), l.reason()));
        }
        printer.message("Plan " + plan.id() + " (" + plan.scope() + "): " + plan.items().size() + " figure(s) to set ("
                + plan.unitsChanged() + " units), " + plan.refused().size() + " refused, " + plan.unchanged()
                + " already right on TikTok."
                + (plan.items().isEmpty() ? "" : " Send it with `stocklens push apply " + plan.id() + "` within "
                + lifetime.toMinutes() + " min."));
        return 0;
    }
}

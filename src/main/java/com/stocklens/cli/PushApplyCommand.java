package com.stocklens.cli;

import com.stocklens.app.AppRuntime;
import com.stocklens.service.PushRecord;
import com.stocklens.service.PushedLine;
import com.stocklens.service.StockPushes.PlanUnavailableException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code push apply PLAN_ID [--by NAME] [--json]}: sends a plan made in the last few minutes, after checking every
 * line again, and records the push. Exit 0 every line accepted, 1 some refused (each listed), 2 stale or unknown plan.
 */
@Command(name = "apply", description = "Send a push plan made in the last few minutes (each line checked again first).",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:TikTok accepted every line", "1:some lines were refused (each is listed with the reason)",
                "2:the plan is unknown or too old (plan again), a usage error, or a snapshot file is open",
                "3:the workspace cannot be opened (in use by another StockLens, or unreadable)"})
final class PushApplyCommand extends RuntimeCommand {
    @Override
    boolean writes() {
        return true;
    }

    @Parameters(paramLabel = "PLAN_ID", description = "The plan's id, as `push plan` printed it.")
    String planId;

    @Option(names = "--by", paramLabel = "NAME", description = "Who pushes, for the audit (default: the OS user).")
    String by;

    @Option(names = "--json", description = "Print the push as JSON (documented in docs/cli.md).")
    boolean json;

    @Override
    int run(AppRuntime runtime) {
        PushRecord push;
        try {
            push = runtime.stockPushes().apply(planId, MappingSetCommand.who(by), (done, all) -> {
                if (!json) {
                    printer.message("… " + done + " of " + all + " answered");
                }
            });
        } catch (PlanUnavailableException e) {
            printer.message(e.getMessage());
            return PushCommand.EXIT_PLAN_UNAVAILABLE;
        }
        return report(printer, push, json);
    }

    /** Prints a push and says how it ended: 0 when every line was accepted, else 1. */
    static int report(CliPrinter printer, PushRecord push, boolean json) {
        if (json) {
            printer.result(Json.write(PushCommand.json(push)));
        } else {
            PushCommand.print(printer, push);
        }
        for (PushedLine l : push.lines()) {
            if (l.outcome() != PushedLine.Outcome.ACCEPTED) {
                printer.message("refused: " + l.line().sellerSku() + " in " + PushCommand.where(l.line()) + ": "
                        + l.problem());
            }
        }
        printer.message("Push #" + push.id() + ": " + push.accepted() + " accepted, " + push.refusedCount()
                + " refused. TikTok's figures show on the board after the next sync.");
        return push.refusedCount() == 0 ? 0 : PushCommand.EXIT_REFUSED;
    }
}

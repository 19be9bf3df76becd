package com.stocklens.cli;

import com.stocklens.app.AppRuntime;
import com.stocklens.domain.CalibrationTask;
import com.stocklens.domain.DeclaredCause;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code flags declare TASK_ID --cause CAUSE [--note TEXT] [--by NAME]}: declares the cause of a calibration
 * task, the same action as the window's declare dialog (recorded with who and when; the countdown stops).
 * Exit 0 declared, 1 refused, 2 usage.
 */
@Command(name = "declare", description = "Declare the cause of a calibration task (the countdown stops; recorded "
        + "with who and when).",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:declared", "1:refused (no such task, already declared or resolved, or OTHER without a note)",
                "2:a usage error (an unknown cause), or a snapshot file is open (read-only)",
                "3:the workspace cannot be opened (in use by another StockLens, or unreadable)"})
final class FlagsDeclareCommand extends RuntimeCommand {
    static final int EXIT_REFUSED = 1;
    static final int EXIT_USAGE = 2;

    @Override
    boolean writes() {
        return true;
    }

    @Parameters(index = "0", paramLabel = "TASK_ID", description = "The task's id (the first column of `flags`).")
    long taskId;

    @Option(names = "--cause", required = true, paramLabel = "CAUSE",
            description = "DAMAGE, WRONG_SHIPMENT, SYNC_MISS, IN_TRANSIT_TIMING, RETURN_AWAITING_QC or OTHER "
                    + "(any case).")
    String cause;

    @Option(names = "--note", paramLabel = "TEXT", description = "What happened; required with OTHER.")
    String note;

    @Option(names = "--by", paramLabel = "NAME", description = "Who declares, for the audit trail (default: the OS user).")
    String by;

    @Override
    int run(AppRuntime runtime) {
        DeclaredCause c = parse(cause);
        if (c == null) {
            printer.message("Unknown cause '" + cause + "': one of " + Arrays.stream(DeclaredCause.values())
                    .map(Enum::name).collect(Collectors.joining(", ")));
            return EXIT_USAGE;
        }
        try {
            CalibrationTask t = runtime.flagEngine().declare(taskId, c, note, MappingSetCommand.who(by));
            printer.result("Declared task " + t.id() + " (" + t.sellerSku() + " @ "
                    + runtime.warehouseNames().getOrDefault(t.warehouseId(), t.warehouseId()) + "): "
                    + c.name() + (t.declaration().note() == null ? "" : " — " + t.declaration().note()) + ", by "
                    + t.declaration().declaredBy() + " at " + t.declaration().declaredAt() + ".");
            return 0;
        } catch (IllegalArgumentException | IllegalStateException e) {
            printer.message(e.getMessage());
            return EXIT_REFUSED;
        }
    }

    static DeclaredCause parse(String text) {
        try {
            return DeclaredCause.valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

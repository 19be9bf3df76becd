package com.stocklens.cli;

import com.stocklens.app.AppRuntime;
import com.stocklens.service.PushRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code push undo PUSH_ID [--by NAME] [--json]}: re-pushes the previous figures of one push where TikTok still
 * shows what it set; the other lines are refused with the reason.
 */
@Command(name = "undo", description = "Re-push the previous figures of one push, where TikTok still shows what it set.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every figure was set back", "1:some were refused (each is listed), or nothing to undo",
                "2:a usage error, or a snapshot file is open (read-only)",
                "3:the workspace cannot be opened (in use by another StockLens, or unreadable)"})
final class PushUndoCommand extends RuntimeCommand {
    @Override
    boolean writes() {
        return true;
    }

    @Parameters(paramLabel = "PUSH_ID", description = "The push's number, as `push history` lists it.")
    long pushId;

    @Option(names = "--by", paramLabel = "NAME", description = "Who undoes it, for the audit (default: the OS user).")
    String by;

    @Option(names = "--json", description = "Print the undo push as JSON (documented in docs/cli.md).")
    boolean json;

    @Override
    int run(AppRuntime runtime) {
        PushRecord push;
        try {
            push = runtime.stockPushes().undo(pushId, MappingSetCommand.who(by));
        } catch (IllegalArgumentException e) {
            printer.message(e.getMessage());
            return PushCommand.EXIT_REFUSED;
        }
        return PushApplyCommand.report(printer, push, json);
    }
}

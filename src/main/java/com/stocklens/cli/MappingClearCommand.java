package com.stocklens.cli;

import com.stocklens.app.AppRuntime;
import com.stocklens.domain.SkuMapping;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mapping clear --source ID --code CODE}: drops a manual mapping; the automatic rules decide again. */
@Command(name = "clear", description = "Remove a manual mapping; the automatic rules decide again "
        + "(from the source's next sync).",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:cleared", "1:the code has no manual mapping",
                "2:a usage error, or a snapshot file is open (read-only)", "3:the workspace cannot be opened (in use by another StockLens, or unreadable)"})
final class MappingClearCommand extends RuntimeCommand {
    @Override
    boolean writes() {
        return true;
    }

    @Option(names = "--source", required = true, paramLabel = "ID", description = "Warehouse source id.")
    String source;

    @Option(names = "--code", required = true, paramLabel = "CODE", description = "The warehouse's own code.")
    String code;

    @Option(names = "--by", paramLabel = "NAME", description = "Who decides (default: the OS user).")
    String by;

    @Override
    int run(AppRuntime runtime) {
        try {
            SkuMapping m = runtime.skuIdentities().clear(source, code, MappingSetCommand.who(by));
            printer.result("Cleared: now " + MappingCommand.describe(m) + ".");
            return 0;
        } catch (IllegalArgumentException e) {
            printer.message(e.getMessage());
            return MappingCommand.EXIT_REFUSED;
        }
    }
}

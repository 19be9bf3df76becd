package com.stocklens.cli;

import com.stocklens.app.AppRuntime;
import com.stocklens.domain.CodeCheckResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code codes current [--json]}: the three-code check over what the workspace has synced (the TikTok
 * SKU ids, barcodes and each warehouse's ids of the latest snapshots). Exit codes as {@code codes check}.
 */
@Command(name = "current", description = "Check the codes the workspace has synced (run sync first): "
        + "each SKU's TikTok SKU id, barcode and its id in every warehouse of the latest snapshots.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:clean", "1:something was flagged", "2:a usage error, or under --snapshot a file that cannot be opened",
                "3:the workspace cannot be opened (in use by another StockLens, or unreadable)"})
final class CodesCurrentCommand extends RuntimeCommand {
    @Option(names = "--json", description = "Print JSON (documented in docs/cli.md).")
    boolean json;

    @Override
    int run(AppRuntime runtime) {
        CodeCheckResult result = runtime.codeChecks().checkCurrent();
        if (json) {
            printer.result(Json.write(CodesCommand.json(null, result)));
        } else {
            CliTexts texts = CliTexts.of(root());
            CodesCommand.print(printer, texts, texts.get("codes.workspace"), result);
        }
        return result.isClean() ? 0 : CodesCommand.EXIT_FLAGGED;
    }
}

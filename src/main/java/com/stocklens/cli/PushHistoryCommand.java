package com.stocklens.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.stocklens.app.AppRuntime;
import com.stocklens.service.PushRecord;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code push history [--sku SKU | --task ID] [--limit N] [--json]}: the push audit, newest first. */
@Command(name = "history", description = "The push audit, newest first: who pushed what when, and TikTok's answer per line.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:done", "2:a usage error, or under --snapshot a file that cannot be opened",
                "3:the workspace cannot be opened (in use by another StockLens, or unreadable)"})
final class PushHistoryCommand extends RuntimeCommand {
    @Option(names = "--sku", paramLabel = "SELLER_SKU", description = "Only the pushes that touched this SKU.")
    String sku;

    @Option(names = "--task", paramLabel = "ID", description = "Only the pushes made for this calibration task.")
    Long task;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N pushes (default 50).")
    int limit;

    @Option(names = "--json", description = "Print a JSON array (documented in docs/cli.md).")
    boolean json;

    @Override
    int run(AppRuntime runtime) {
        List<PushRecord> pushes = task != null ? runtime.stockPushes().forTask(task)
                : sku != null ? runtime.stockPushes().forSku(sku, limit) : runtime.stockPushes().history(limit);
        if (json) {
            ArrayNode array = Json.MAPPER.createArrayNode();
            pushes.stream().limit(Math.max(1, limit)).forEach(p -> array.add(PushCommand.json(p)));
            printer.result(Json.write(array));
            return 0;
        }
        pushes.stream().limit(Math.max(1, limit)).forEach(p -> PushCommand.print(printer, p));
        printer.message(pushes.size() + " push(es)");
        return 0;
    }
}

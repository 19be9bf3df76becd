package com.stocklens.cli;

import com.stocklens.app.AppRuntime;
import com.stocklens.domain.SkuMapping;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mapping set --source ID --code CODE --sku SELLER_SKU}: maps one warehouse code to a seller SKU by
 * hand (wins over the automatic rules from that source's next sync). Exit 0 saved, 1 refused, 2 usage.
 */
@Command(name = "set", description = "Map a warehouse's code to a seller SKU by hand (applies from the source's next sync).",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:saved", "1:refused (unknown source, or a seller SKU that is neither an identity nor the code itself)",
                "2:a usage error, or a snapshot file is open (read-only)", "3:the workspace cannot be opened (in use by another StockLens, or unreadable)"})
final class MappingSetCommand extends RuntimeCommand {
    @Override
    boolean writes() {
        return true;
    }

    @Option(names = "--source", required = true, paramLabel = "ID", description = "Warehouse source id, e.g. shipmonk:main.")
    String source;

    @Option(names = "--code", required = true, paramLabel = "CODE", description = "The warehouse's own code for the item.")
    String code;

    @Option(names = "--sku", required = true, paramLabel = "SELLER_SKU",
            description = "The seller SKU (identity) it is; the code itself keeps the item under its own code.")
    String sku;

    @Option(names = "--by", paramLabel = "NAME", description = "Who decides, for the audit columns (default: the OS user).")
    String by;

    @Override
    int run(AppRuntime runtime) {
        try {
            SkuMapping m = runtime.skuIdentities().assign(source, code, sku, who(by));
            printer.result("Saved: " + MappingCommand.describe(m) + ". Applies from the next sync of " + m.sourceId() + ".");
            return 0;
        } catch (IllegalArgumentException e) {
            printer.message(e.getMessage());
            return MappingCommand.EXIT_REFUSED;
        }
    }

    static String who(String by) {
        if (by != null && !by.isBlank()) {
            return by.strip();
        }
        String user = System.getProperty("user.name");
        return user == null || user.isBlank() ? "cli" : user;
    }
}

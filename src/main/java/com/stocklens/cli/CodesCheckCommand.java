package com.stocklens.cli;

import com.stocklens.domain.CodeCheckResult;
import com.stocklens.domain.CodeRecord;
import com.stocklens.rules.ThreeCodeCheck;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code codes check FILE [--json]}: the three-code check on a CSV export. Needs no workspace on
 * purpose: a seller checks a supplier's or a warehouse's sheet before anything is synced, and a second
 * process must not be refused because the window has the workspace open.
 */
@Command(name = "check", description = "Check a CSV with the columns tiktok_sku,seller_sku,barcode,warehouse,wms_sku "
        + "(any order, any case; other columns ignored); needs no workspace.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:clean", "1:something was flagged",
                "2:the file cannot be read, a required column is missing, or it is larger than 32 MB or holds "
                        + "more than 200,000 links"})
final class CodesCheckCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "CSV file (UTF-8 or GBK; header row required).")
    Path file;

    @Option(names = "--json", description = "Print JSON (documented in docs/cli.md).")
    boolean json;

    @Spec
    CommandSpec spec;

    CliPrinter printer = CliPrinter.system();

    @Override
    public Integer call() {
        List<CodeRecord> records;
        try {
            records = CodeCsv.read(file);
        } catch (CodeCsv.InvalidFileException e) {
            printer.message(e.getMessage());
            return CodesCommand.EXIT_INVALID;
        }
        CodeCheckResult result = ThreeCodeCheck.check(records);
        if (json) {
            printer.result(Json.write(CodesCommand.json(file.toString(), result)));
        } else {
            CodesCommand.print(printer, texts(), file.toString(), result);
        }
        return result.isClean() ? 0 : CodesCommand.EXIT_FLAGGED;
    }

    /** The words of the global {@code --lang}. */
    private CliTexts texts() {
        for (CommandSpec s = spec; s != null; s = s.parent()) {
            if (s.userObject() instanceof StockLensCommand root) {
                return CliTexts.of(root);
            }
        }
        return CliTexts.of(Locale.ENGLISH);
    }
}

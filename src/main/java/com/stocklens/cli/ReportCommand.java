package com.stocklens.cli;

import picocli.CommandLine.Command;

/** {@code report …}: the reports a seller exports or reads headless (today: {@code report health}). */
@Command(name = "report", description = "Build reports: the inventory health report (XLSX, PDF, CSV or JSON).",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:prints how to call report health"},
        subcommands = {ReportHealthCommand.class})
final class ReportCommand implements Runnable {
    CliPrinter printer = CliPrinter.system();

    @Override
    public void run() {
        printer.message("Usage: stocklens report health (--quarter 2026Q3 | --from DATE --to DATE) "
                + "(--out FILE.xlsx|FILE.pdf|FILE.csv | --json) [--lang zh|en]");
    }
}

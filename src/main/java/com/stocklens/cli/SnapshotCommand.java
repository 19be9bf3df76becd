package com.stocklens.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stocklens.app.AppRuntime;
import com.stocklens.app.workspace.SnapshotFiles;
import com.stocklens.service.SnapshotFileException;
import com.stocklens.service.SnapshotManifest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code snapshot}: snapshot files ({@code .stocklens}, docs/SNAPSHOT-FORMAT.md). {@code snapshot export}
 * writes one; {@code snapshot info FILE} checks one and prints its manifest. To read a file with the other
 * commands, use the global {@code --snapshot FILE}.
 */
@Command(name = "snapshot", description = "Snapshot files (.stocklens): export the workspace at a moment, or check a file.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"2:no subcommand given (the usage is printed)"},
        subcommands = {SnapshotCommand.Export.class, SnapshotCommand.Info.class})
final class SnapshotCommand implements Callable<Integer> {
    static final int EXIT_INVALID = 2;

    @Spec
    CommandSpec spec;

    CliPrinter printer = CliPrinter.system();

    @Override
    public Integer call() {
        printer.message(spec.commandLine().getUsageMessage());
        return EXIT_INVALID;
    }

    static ObjectNode json(Path file, SnapshotManifest m) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("file", file.toString());
        root.put("formatVersion", m.formatVersion());
        root.put("appVersion", m.appVersion());
        Json.putInstant(root, "exportedAt", m.exportedAt());
        Json.putInstant(root, "from", m.from());
        Json.putInstant(root, "at", m.at());
        root.put("workspace", m.workspaceName());
        root.put("mode", m.mode());
        ArrayNode sources = root.putArray("sources");
        for (SnapshotManifest.SourceMoment s : m.sources()) {
            ObjectNode n = sources.addObject();
            n.put("id", s.id());
            n.put("name", s.name());
            Json.putInstant(n, "snapshotAt", s.snapshotAt());
        }
        ObjectNode rows = root.putObject("rows");
        m.rows().forEach(rows::put);
        return root;
    }

    /** {@code snapshot export [--at I | --from I --to I] --out FILE [--json]}. */
    @Command(name = "export", description = "Write the workspace as it was at a moment (default: now), or over a range, to a .stocklens file. No secret is ever written.",
            exitCodeListHeading = "Exit codes:%n",
            exitCodeList = {"0:written", "2:a bad moment or range, or the file could not be written",
                    "3:the workspace cannot be opened (in use by another StockLens, or unreadable)"})
    static final class Export extends RuntimeCommand {
        @Option(names = "--at", paramLabel = "INSTANT",
                description = "The moment (ISO-8601, e.g. 2026-11-27T04:00:00Z; without a zone: Beijing time, "
                        + "2026-11-27 12:00 or 2026-11-27). Default: now.")
        Instant at;

        @Option(names = "--from", paramLabel = "INSTANT", description = "Start of a time range (with --to).")
        Instant from;

        @Option(names = "--to", paramLabel = "INSTANT", description = "End of a time range (with --from).")
        Instant to;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write (.stocklens).")
        Path out;

        @Option(names = "--json", description = "Print the manifest as JSON.")
        boolean json;

        @Override
        int run(AppRuntime runtime) {
            Instant moment;
            Instant start = null;
            if (from != null || to != null) {
                if (from == null || to == null || at != null) {
                    printer.message("A range needs both --from and --to (and no --at).");
                    return EXIT_INVALID;
                }
                start = from;
                moment = to;
                if (start.isAfter(moment)) {
                    printer.message("--from must not be after --to.");
                    return EXIT_INVALID;
                }
            } else {
                moment = at;
            }
            Path file = out.getFileName().toString().toLowerCase(Locale.ROOT)
                    .endsWith(StockLensCommand.FILE_EXTENSION) ? out
                    : out.resolveSibling(out.getFileName() + StockLensCommand.FILE_EXTENSION);
            try {
                SnapshotManifest m = runtime.exportSnapshot(moment, start, file);
                if (json) {
                    printer.result(Json.write(SnapshotCommand.json(file, m)));
                } else {
                    printer.result("Snapshot of " + m.workspaceName() + " at " + m.at() + " written to " + file);
                }
                return 0;
            } catch (SnapshotFileException e) {
                printer.message(e.getMessage());
                return EXIT_INVALID;
            }
        }
    }

    /** {@code snapshot info FILE [--json]}: verifies every checksum and prints the manifest. */
    @Command(name = "info", description = "Check a .stocklens file (format, checksums) and print what it holds.",
            exitCodeListHeading = "Exit codes:%n",
            exitCodeList = {"0:the file is whole", "2:made by a newer StockLens, an unsupported older format, or damaged"})
    static final class Info implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "The .stocklens file to check.")
        Path file;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        CliPrinter printer = CliPrinter.system();

        @Override
        public Integer call() {
            try {
                SnapshotManifest m = SnapshotFiles.verify(file);
                if (json) {
                    printer.result(Json.write(SnapshotCommand.json(file, m)));
                } else {
                    printer.result("Snapshot of " + m.workspaceName() + " (" + m.mode() + ") at " + m.at()
                            + (m.from() == null ? "" : ", history from " + m.from())
                            + "; format " + m.formatVersion() + ", made by StockLens " + m.appVersion());
                    for (SnapshotManifest.SourceMoment s : m.sources()) {
                        printer.result(Columns.format("  %-26s %s", s.name(),
                                s.snapshotAt() == null ? "no snapshot" : s.snapshotAt().toString()));
                    }
                }
                return 0;
            } catch (SnapshotFileException e) {
                printer.message(e.getMessage());
                return EXIT_INVALID;
            }
        }
    }
}

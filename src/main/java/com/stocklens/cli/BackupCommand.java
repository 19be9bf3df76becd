package com.stocklens.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stocklens.app.settings.LaunchOptions;
import com.stocklens.app.workspace.BackupFiles;
import com.stocklens.app.workspace.StartupException;
import com.stocklens.service.WorkspaceBackups.Backup;
import com.stocklens.support.FileReasons;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code backup list | create | restore NAME}: the workspace's database backups (seven kept; one a day and
 * one before every migration are taken by themselves). A restore while the window has the workspace open
 * is applied when StockLens next opens it.
 */
@Command(name = "backup", description = "Database backups: list, create, restore NAME.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:done (a restore while StockLens has the workspace open is applied when it next opens it)",
                "2:an unknown action, or an unknown backup name", "3:the workspace cannot be opened or written"})
final class BackupCommand implements Callable<Integer> {
    static final int EXIT_USAGE = 2;
    static final int EXIT_WORKSPACE = 3;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", description = "list, create or restore")
    String action;

    @Parameters(index = "1", arity = "0..1", description = "for restore: the backup's name, as `backup list` shows it")
    String name;

    @Option(names = "--json", description = "backup list: print JSON.")
    boolean json;

    CliPrinter printer = CliPrinter.system();

    @Override
    public Integer call() {
        StockLensCommand root = (StockLensCommand) spec.parent().userObject();
        LaunchOptions options = root.options().launchOptions(System.getenv());
        BackupFiles backups = new BackupFiles(options.workspace());
        switch (action) {
            case "list" -> {
                list(backups);
                return 0;
            }
            case "create" -> {
                try {
                    Path b = backups.create(Instant.now(), printer::message);
                    printer.result(b.toString());
                    return 0;
                } catch (RuntimeException e) {
                    // StartupException: the workspace is in use or cannot be opened; else the backup failed
                    printer.message(e.getMessage());
                    return EXIT_WORKSPACE;
                }
            }
            case "restore" -> {
                return restore(backups);
            }
            default -> {
                printer.message("Unknown action " + action + ": use list, create or restore NAME.");
                return EXIT_USAGE;
            }
        }
    }

    private void list(BackupFiles backups) {
        List<Backup> all = backups.list();
        if (json) {
            ArrayNode array = Json.MAPPER.createArrayNode();
            for (Backup b : all) {
                ObjectNode n = array.addObject();
                n.put("name", b.name());
                Json.putInstant(n, "takenAt", b.takenAt());
                n.put("bytes", b.size());
                if (b.label() == null) {
                    n.putNull("label");
                } else {
                    n.put("label", b.label());
                }
            }
            printer.result(array.toPrettyString());
            return;
        }
        if (all.isEmpty()) {
            printer.message("No backups yet in " + backups.directory());
        }
        for (Backup b : all) {
            printer.result(b.name() + "  " + BackupFiles.describe(b));
        }
    }

    private int restore(BackupFiles backups) {
        if (name == null) {
            printer.message("backup restore needs the backup's name; `backup list` shows them.");
            return EXIT_USAGE;
        }
        BackupFiles.Restore r;
        try {
            r = backups.restore(name, printer::message);
        } catch (IllegalArgumentException e) {
            printer.message(e.getMessage());
            return EXIT_USAGE;
        } catch (IOException e) {
            printer.message("Cannot ask for the restore: " + FileReasons.of(e) + ".");
            return EXIT_WORKSPACE;
        } catch (StartupException e) {
            printer.message(e.getMessage());
            return EXIT_WORKSPACE;
        }
        if (!r.applied()) {
            printer.message("StockLens has this workspace open: the backup of " + BackupFiles.describe(r.backup())
                    + " will be restored when it next opens the workspace.");
        }
        return 0;
    }
}

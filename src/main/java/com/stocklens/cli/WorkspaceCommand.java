package com.stocklens.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stocklens.app.settings.DataDirectory;
import com.stocklens.app.settings.UserSettings;
import com.stocklens.app.team.TeamDatabaseConfig;
import com.stocklens.app.team.WorkspaceTransfer;
import com.stocklens.app.workspace.WorkspaceOpener;
import com.stocklens.service.TeamDatabase.MoveProgress;
import com.stocklens.service.TeamDatabase.TableCount;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code workspace move --to JDBC_URL}: copies this workspace's database (its H2 file) into an empty team
 * PostgreSQL; {@code workspace move --from JDBC_URL --to-dir DIR}: copies a team database into a new
 * local workspace folder. Progress on stderr, the per-table verification on stdout; all or nothing.
 */
@Command(name = "workspace", description = "Move the workspace's data: move --to JDBC_URL (this workspace → an empty "
        + "team PostgreSQL) or move --from JDBC_URL --to-dir DIR (a team database → a new local workspace).",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:moved and verified", "1:the move failed; the target is left empty",
                "2:a usage error"})
final class WorkspaceCommand implements Callable<Integer> {
    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "move", description = "move")
    String action;

    @Option(names = "--to", paramLabel = "JDBC_URL", description = "The team PostgreSQL to move this workspace into.")
    String to;

    @Option(names = "--from", paramLabel = "JDBC_URL", description = "The team PostgreSQL to copy from.")
    String from;

    @Option(names = "--to-dir", paramLabel = "DIR", description = "With --from: the new local workspace folder.")
    Path toDir;

    @Option(names = "--user", paramLabel = "ROLE",
            description = "The team database's role (default: db.user in settings.properties). The password comes "
                    + "from STOCKLENS_DB_PASSWORD or the secret store.")
    String user;

    @Option(names = "--force", description = "Replace whatever the target already holds.")
    boolean force;

    @Option(names = "--json", description = "Print the summary as JSON (documented in docs/cli.md).")
    boolean json;

    CliPrinter printer = CliPrinter.system();

    @Override
    public Integer call() {
        if (!"move".equals(action)) {
            printer.message("Unknown action " + action + ": use workspace move --to JDBC_URL, "
                    + "or workspace move --from JDBC_URL --to-dir DIR.");
            return EXIT_USAGE;
        }
        boolean up = to != null;
        if (up == (from != null) || up && toDir != null || !up && toDir == null) {
            printer.message("Give either --to JDBC_URL (this workspace → team database) "
                    + "or --from JDBC_URL --to-dir DIR (team database → a new local workspace).");
            return EXIT_USAGE;
        }
        String url = up ? to.strip() : from.strip();
        try {
            TeamDatabaseConfig.checkUrl(url);
        } catch (IllegalArgumentException e) {
            printer.message(e.getMessage());
            return EXIT_USAGE;
        }
        StockLensCommand root = root();
        Map<String, String> env = root.environment();
        Path workspace = root.options().settingsWorkspace();
        String role = user != null ? user : new UserSettings(workspace).dbUser().orElse(null);
        String password = TeamDatabaseConfig.password(workspace, env);
        // The new folder is opened as --data-dir DIR (plus --demo for the demo's data, which lives in DIR/demo).
        Path local = up ? workspace : DataDirectory.workspace(toDir.toAbsolutePath().normalize(), root.options().demo());
        if (!up && WorkspaceOpener.hasDatabase(local) && !force) {
            printer.message(local + " already holds a StockLens workspace: choose a new folder, or --force to replace "
                    + "its data.");
            return EXIT_FAILED;
        }
        try (WorkspaceTransfer transfer = WorkspaceTransfer.open(url, role, password, local, up)) {
            printer.message("Moving " + transfer.sourceUrl() + " → " + transfer.targetUrl());
            WorkspaceTransfer.Result result = transfer.move(force, this::progress);
            report(transfer.sourceUrl(), transfer.targetUrl(), result);
            if (up) {
                String safeUrl = TeamDatabaseConfig.safeUrl(url);
                printer.message("Done. Every desk now opens the team database with --db " + safeUrl
                        + " or `stocklens settings db --url " + safeUrl + "`; this folder's own file "
                        + "is left as it was.");
            } else {
                printer.message("Done. Open it with `stocklens " + (root.options().demo() ? "--demo " : "") + "--data-dir "
                        + toDir.toAbsolutePath().normalize() + "`; `--db URL snapshot export` writes a single "
                        + ".stocklens file instead.");
            }
            return 0;
        } catch (WorkspaceTransfer.TransferException e) {
            printer.message(e.getMessage());
            return EXIT_FAILED;
        }
    }

    private String lastTable;
    private int lastPercent = -1;

    private void progress(MoveProgress p) {
        int percent = (int) Math.floor(p.fraction() * 100);
        boolean newTable = !p.table().equals(lastTable);
        if (newTable || percent >= lastPercent + 10 || p.rowsDone() == p.rowsTotal() && p.rowsTotal() > 0) {
            printer.message(String.format(Locale.ROOT, "[%3d%%] %d/%d %s: %,d of %,d rows", percent, p.tableNo(),
                    p.tables(), p.table(), p.rowsDone(), p.rowsTotal()));
            lastTable = p.table();
            lastPercent = percent;
        }
    }

    private void report(String sourceUrl, String targetUrl, WorkspaceTransfer.Result result) {
        if (json) {
            ObjectNode n = Json.MAPPER.createObjectNode();
            n.put("from", sourceUrl);
            n.put("to", targetUrl);
            n.put("rows", result.rows());
            n.put("millis", result.millis());
            n.put("verified", result.verified());
            ArrayNode tables = n.putArray("tables");
            for (TableCount c : result.tables()) {
                ObjectNode t = tables.addObject();
                t.put("table", c.table());
                t.put("source", c.source());
                t.put("target", c.target());
            }
            printer.result(Json.write(n));
            return;
        }
        printer.result(Columns.format("%-26s %12s %12s", "table", "source rows", "target rows"));
        for (TableCount c : result.tables()) {
            printer.result(Columns.format("%-26s %12d %12d  %s", c.table(), c.source(), c.target(),
                    c.matches() ? "ok" : "DIFFERENT"));
        }
        printer.result(String.format(Locale.ROOT, "%,d rows in %d tables moved and verified in %.1f s.",
                result.rows(), result.tables().size(), result.millis() / 1000.0));
    }

    private StockLensCommand root() {
        for (CommandSpec s = spec; s != null; s = s.parent()) {
            if (s.userObject() instanceof StockLensCommand r) {
                return r;
            }
        }
        throw new IllegalStateException("workspace is not under the stocklens command");
    }
}

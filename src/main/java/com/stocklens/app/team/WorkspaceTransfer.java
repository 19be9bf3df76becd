package com.stocklens.app.team;

import com.stocklens.service.TeamDatabase.MoveProgress;
import com.stocklens.service.TeamDatabase.TableCount;
import com.stocklens.store.Database;
import com.stocklens.store.WorkspaceInUseException;
import com.stocklens.store.WorkspaceMover;
import com.stocklens.store.WorkspaceOpenException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A workspace's data moved between its own database file and a team PostgreSQL, either way, all or
 * nothing and verified table by table ({@code workspace move}). Open it, move, close it.
 */
public final class WorkspaceTransfer implements AutoCloseable {
    /** A move that could not be done; the message is one sentence for the person. */
    public static final class TransferException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TransferException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** What a move did: every table's counts, the rows copied and how long it took. */
    public record Result(List<TableCount> tables, long rows, long millis) {
        public Result {
            tables = List.copyOf(tables);
        }

        /** True when every table holds in the target what it held in the source. */
        public boolean verified() {
            return tables.stream().allMatch(TableCount::matches);
        }
    }

    private final Database team;
    private final Database file;
    private final boolean toTeam;

    private WorkspaceTransfer(Database team, Database file, boolean toTeam) {
        this.team = team;
        this.file = file;
        this.toTeam = toTeam;
    }

    /**
     * Opens both ends: the team database at {@code jdbcUrl} (as {@code role} with {@code password}) and the
     * workspace's own database file in {@code workspace}.
     *
     * @param toTeam true to move the workspace's file into the team database, false the other way
     * @throws TransferException when either cannot be opened
     */
    public static WorkspaceTransfer open(String jdbcUrl, String role, String password, Path workspace,
                                         boolean toTeam) {
        Database team;
        try {
            team = Database.openShared(jdbcUrl, role, password);
        } catch (WorkspaceOpenException e) {
            throw new TransferException(TeamDatabaseConfig.notOpened(jdbcUrl, e, password), e);
        }
        try {
            return new WorkspaceTransfer(team, Database.open(workspace), toTeam);
        } catch (WorkspaceInUseException | WorkspaceOpenException e) {
            team.close();
            throw new TransferException(e.getMessage(), e);
        }
    }

    /** Where the data comes from (the URL without its query, or the file). */
    public String sourceUrl() {
        return (toTeam ? file : team).url();
    }

    /** Where the data goes. */
    public String targetUrl() {
        return (toTeam ? team : file).url();
    }

    /**
     * Copies every table and verifies the counts.
     *
     * @param force replace whatever the target holds (else a target with data is refused)
     * @throws TransferException when the move failed (the target is left empty)
     */
    public Result move(boolean force, Consumer<MoveProgress> progress) {
        try {
            return copy(toTeam ? file : team, toTeam ? team : file, force, progress, () -> false);
        } catch (WorkspaceInUseException | WorkspaceOpenException | WorkspaceMover.MoveException e) {
            throw new TransferException(e.getMessage(), e);
        }
    }

    /**
     * Copies {@code from} into {@code to}, reporting progress in the service's terms.
     *
     * @throws WorkspaceMover.MoveException when it did not happen (cancelled or failed)
     */
    static Result copy(Database from, Database to, boolean force, Consumer<MoveProgress> progress,
                       BooleanSupplier cancelled) {
        WorkspaceMover.Result r = new WorkspaceMover(from, to).move(force,
                p -> progress.accept(new MoveProgress(p.table(), p.tableNo(), p.tables(), p.rowsDone(),
                        p.rowsTotal(), p.fraction())), cancelled);
        return new Result(r.tables().stream().map(c -> new TableCount(c.table(), c.source(), c.target())).toList(),
                r.rows(), r.millis());
    }

    @Override
    public void close() {
        try {
            file.close();
        } finally {
            team.close();
        }
    }
}

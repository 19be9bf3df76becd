package com.stocklens.app.workspace;

import com.stocklens.service.WorkspaceBackups.Backup;
import com.stocklens.store.Backups;
import com.stocklens.store.Database;
import com.stocklens.store.DatabaseBackups;
import com.stocklens.store.WorkspaceInUseException;
import com.stocklens.store.WorkspaceOpenException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The database backups of a workspace this process has not opened ({@code backup list | create | restore}):
 * seven kept; one a day and one before every migration are taken by themselves. A restore while the window
 * has the workspace open is applied when StockLens next opens it.
 */
public final class BackupFiles {
    private final Path workspace;

    public BackupFiles(Path workspace) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
    }

    /** The backups, newest first; works while the workspace is open elsewhere. */
    public List<Backup> list() {
        return DatabaseBackups.list(workspace);
    }

    /** The backups folder. */
    public Path directory() {
        return Backups.directory(workspace);
    }

    /** "2026-11-27 04:35 UTC, daily, 1.2 MB": how the window and the CLI show a backup. */
    public static String describe(Backup b) {
        return Backups.describe(b.takenAt(), b.label(), b.size());
    }

    /**
     * Opens the workspace's database and takes a backup now (label "manual").
     *
     * @param notice told what opening had to repair or restore, if anything, before the backup is taken
     * @return the backup file
     * @throws StartupException when the workspace cannot be opened (in use, damaged)
     */
    public Path create(Instant at, Consumer<String> notice) {
        try (Database db = open()) {
            db.notice().ifPresent(notice);
            return db.backup(at, "manual");
        }
    }

    /** A restore asked for: the backup, and whether opening the workspace has applied it already. */
    public record Restore(Backup backup, boolean applied) {
    }

    /**
     * Asks for the backup {@code name} to be restored and applies it at once by opening the workspace,
     * unless StockLens has the workspace open: then it is applied when StockLens next opens it.
     *
     * @param notice told what opening the workspace restored
     * @throws IllegalArgumentException when there is no such backup
     * @throws IOException              when the request cannot be written
     * @throws StartupException         when the workspace cannot be opened for another reason
     */
    public Restore restore(String name, Consumer<String> notice) throws IOException {
        Backups.Backup b = Backups.requestRestore(workspace, name);
        Backup requested = DatabaseBackups.of(b);
        try (Database db = Database.open(workspace)) {
            db.notice().ifPresent(notice);
            return new Restore(requested, true);
        } catch (WorkspaceInUseException e) {
            return new Restore(requested, false);
        } catch (WorkspaceOpenException e) {
            throw new StartupException(e.getMessage(), e);
        }
    }

    private Database open() {
        try {
            return Database.open(workspace);
        } catch (WorkspaceInUseException | WorkspaceOpenException e) {
            throw new StartupException(e.getMessage(), e);
        }
    }
}

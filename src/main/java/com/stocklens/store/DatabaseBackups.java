package com.stocklens.store;

import com.stocklens.service.WorkspaceBackups;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link WorkspaceBackups} over {@link Backups} and the open {@link Database} of a workspace. */
public final class DatabaseBackups implements WorkspaceBackups {
    private final Database database;
    private final Path workspace;
    private final Clock clock;

    public DatabaseBackups(Database database, Path workspace, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<Backup> list() {
        return list(workspace);
    }

    /** The backups of {@code workspace}, newest first; works while the workspace is open elsewhere. */
    public static List<Backup> list(Path workspace) {
        return Backups.list(workspace).stream().map(DatabaseBackups::of).toList();
    }

    @Override
    public Backup backUpNow() throws IOException {
        Path file;
        try {
            file = database.backup(clock.instant(), "manual");
        } catch (StoreWriteException e) {
            throw new IOException(e.getMessage(), e);
        }
        String name = file.getFileName().toString();
        return Backups.list(workspace).stream().filter(b -> b.name().equals(name)).findFirst().map(DatabaseBackups::of)
                .orElseThrow(() -> new IOException("the backup " + name + " was not kept"));
    }

    @Override
    public void requestRestore(String name) throws IOException {
        try {
            Backups.requestRestore(workspace, name);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public Optional<String> requestedRestore() {
        return Backups.requestedRestore(workspace);
    }

    /** A backup file as the service describes it. */
    public static Backup of(Backups.Backup b) {
        return new Backup(b.name(), b.takenAt(), b.size(), b.label());
    }
}

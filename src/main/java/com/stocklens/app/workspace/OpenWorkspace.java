package com.stocklens.app.workspace;

import com.stocklens.domain.Provider;
import com.stocklens.domain.SourceInfo;
import com.stocklens.domain.SourceKind;
import com.stocklens.service.SnapshotManifest;
import com.stocklens.store.Database;
import com.stocklens.store.SnapshotArchive;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An open workspace: its database and how it was opened. Closing it closes the database and, for a
 * snapshot file, removes the temporary copy the file was restored into.
 *
 * @param database  the open database
 * @param mode      the workspace's own H2 file, the team's PostgreSQL, or a snapshot file's copy
 * @param directory where the database's files (and settings.properties) live: the workspace, or the
 *                  temporary copy of an open snapshot
 * @param snapshot  the open snapshot file's manifest in {@link Mode#SNAPSHOT}, else null
 * @param clock     the clock to judge by: the given one, or in snapshot mode frozen at the snapshot's moment
 */
public record OpenWorkspace(Database database, Mode mode, Path directory, SnapshotManifest snapshot,
                            Clock clock) implements AutoCloseable {
    /** How the workspace's data is kept. */
    public enum Mode {
        /** The workspace's own H2 file. */
        LOCAL,
        /** A shared PostgreSQL (team mode). */
        TEAM,
        /** A snapshot file restored into a temporary folder: read-only, no network. */
        SNAPSHOT
    }

    public OpenWorkspace {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(clock, "clock");
        if ((mode == Mode.SNAPSHOT) != (snapshot != null)) {
            throw new IllegalArgumentException("a snapshot manifest goes with snapshot mode, and only with it");
        }
    }

    /** True when a snapshot file is open (read-only, no network, clock frozen at its moment). */
    public boolean readOnly() {
        return mode == Mode.SNAPSHOT;
    }

    /** The snapshot file's manifest, or empty for the live or demo workspace. */
    public Optional<SnapshotManifest> snapshotManifest() {
        return Optional.ofNullable(snapshot);
    }

    /** The sources a snapshot file holds, as its manifest names them; empty for a live or demo workspace. */
    public List<SourceInfo> snapshotSources() {
        if (snapshot == null) {
            return List.of();
        }
        return snapshot.sources().stream().map(src -> new SourceInfo(src.id(), SourceKind.valueOf(src.kind()),
                src.provider() == null ? null : Provider.valueOf(src.provider()), src.name())).toList();
    }

    /** Closes the database; a snapshot's copy is removed, the workspace's own files made private again. */
    @Override
    public void close() {
        database.close();
        if (snapshot != null) {
            SnapshotArchive.discard(directory);
        } else if (mode == Mode.LOCAL) {
            // Files made during the session (a log rolled over, H2's trace file) are 0600 too.
            WorkspaceFiles.makePrivate(directory);
        }
    }
}

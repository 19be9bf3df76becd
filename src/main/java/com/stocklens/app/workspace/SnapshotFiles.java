package com.stocklens.app.workspace;

import com.stocklens.app.settings.PolicySettings;
import com.stocklens.service.SnapshotFileException;
import com.stocklens.service.SnapshotManifest;
import com.stocklens.store.Database;
import com.stocklens.store.SnapshotArchive;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** Snapshot files ({@code .stocklens}, docs/SNAPSHOT-FORMAT.md): written from a workspace, checked. */
public final class SnapshotFiles {
    private SnapshotFiles() {
    }

    /**
     * Checks {@code file} completely (format, version, every entry's row count and checksum) without
     * restoring anything.
     *
     * @throws SnapshotFileException with a plain message when the file cannot be opened
     */
    public static SnapshotManifest verify(Path file) {
        return SnapshotArchive.verify(file);
    }

    /**
     * Writes a snapshot file of {@code database} as it was at {@code at}, or over [{@code from}, {@code at}],
     * with the policy figures set in settings.properties. Blocking.
     *
     * @param workspaceName whose data: the shop or workspace name shown in the banner
     * @param mode          "demo", "live", or the mode of the snapshot file it was opened from
     */
    public static SnapshotManifest export(Database database, Instant at, Instant from, String workspaceName,
                                                  String mode, PolicySettings policy, Path out) {
        Map<String, String> settings = new TreeMap<>();
        for (PolicySettings.Entry e : policy.entries()) {
            if ("settings.properties".equals(e.source()) && e.problem() == null) {
                settings.put(e.key(), e.value());
            }
        }
        String version = SnapshotFiles.class.getPackage().getImplementationVersion();
        return SnapshotArchive.export(database.jdbi(), new SnapshotArchive.Request(at, from, workspaceName, mode,
                version == null ? "dev" : version, settings), Instant.now(), out);
    }
}

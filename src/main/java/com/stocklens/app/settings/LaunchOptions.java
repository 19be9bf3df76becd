package com.stocklens.app.settings;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What the command line decided: demo or live, which workspace, and the sync cadence.
 *
 * @param demo       run against the embedded sandbox
 * @param baseDir    the data directory before the demo/live split
 * @param live       live settings when not in demo mode, else null
 * @param cadence    how often each source is polled
 * @param staleAfter the staleness window
 * @param snapshot   a {@code .stocklens} snapshot file to open read-only (no sources, no network), else null
 * @param sharedDb   team mode: the JDBC URL of the shared PostgreSQL the data lives in instead of the
 *                   workspace's H2 file, else null
 */
public record LaunchOptions(boolean demo, Path baseDir, LiveConfig live, Duration cadence, Duration staleAfter,
                            Path snapshot, String sharedDb) {
    public LaunchOptions(boolean demo, Path baseDir, LiveConfig live, Duration cadence, Duration staleAfter) {
        this(demo, baseDir, live, cadence, staleAfter, null, null);
    }

    public LaunchOptions(boolean demo, Path baseDir, LiveConfig live, Duration cadence, Duration staleAfter,
                         Path snapshot) {
        this(demo, baseDir, live, cadence, staleAfter, snapshot, null);
    }

    /** The same options opening {@code file} read-only instead of polling. */
    public LaunchOptions withSnapshot(Path file) {
        return new LaunchOptions(false, baseDir, null, cadence, staleAfter, file, null);
    }

    /** The same options keeping the data in the shared database at {@code jdbcUrl} (team mode). */
    public LaunchOptions withSharedDb(String jdbcUrl) {
        return new LaunchOptions(demo, baseDir, live, cadence, staleAfter, snapshot, jdbcUrl);
    }

    /** True in team mode: the data lives in a shared PostgreSQL, not the workspace's H2 file. */
    public boolean teamMode() {
        return sharedDb != null;
    }

    /** True when a snapshot file is open: read-only, no network, the clock frozen at the snapshot's moment. */
    public boolean snapshotMode() {
        return snapshot != null;
    }

    public static final Duration DEMO_CADENCE = Duration.ofSeconds(10);
    public static final Duration LIVE_CADENCE = Duration.ofSeconds(60);

    public Path workspace() {
        return DataDirectory.workspace(baseDir, demo);
    }
}

package com.stocklens.app.workspace;

import com.stocklens.app.settings.DataDirectory;
import com.stocklens.app.settings.LaunchOptions;
import com.stocklens.app.settings.UserSettings;
import com.stocklens.app.team.TeamDatabaseConfig;
import com.stocklens.secrets.PassphrasePrompt;
import com.stocklens.secrets.SecretStores;
import com.stocklens.service.SnapshotManifest;
import com.stocklens.store.ConnectionRepository;
import com.stocklens.store.Database;
import com.stocklens.store.SnapshotArchive;
import com.stocklens.service.SnapshotFileException;
import com.stocklens.store.WorkspaceInUseException;
import com.stocklens.store.WorkspaceOpenException;
import com.stocklens.support.TempFolders;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the database a session works on, one of three ways: the workspace's own H2 file, the team's
 * shared PostgreSQL, or a snapshot file restored into a temporary copy. Every failure becomes a
 * {@link StartupException} whose message tells the person what to do.
 */
public final class WorkspaceOpener {
    private static final Logger LOG = LoggerFactory.getLogger(WorkspaceOpener.class);

    /** The temporary copies of opened snapshot files: {@code <tmpdir>/stocklens-snapshot-*}. */
    static final String SNAPSHOT_PREFIX = "stocklens-snapshot-";

    private WorkspaceOpener() {
    }

    /**
     * Opens what {@code options} ask for: a snapshot file, the team database ({@code --db} or db.url), else
     * the workspace's own file. In team mode the password, when it is needed from the secrets file, is
     * unlocked by {@code STOCKLENS_PASSPHRASE}, else by {@code prompt}.
     */
    public static OpenWorkspace open(LaunchOptions options, Clock clock, Map<String, String> env,
                                     PassphrasePrompt prompt) {
        return open(options, clock, env, prompt, true);
    }

    /**
     * As {@link #open(LaunchOptions, Clock, Map, PassphrasePrompt)}; {@code backupOnOpen} false leaves the
     * workspace file's daily backup to the first sync (the window's start).
     */
    public static OpenWorkspace open(LaunchOptions options, Clock clock, Map<String, String> env,
                                     PassphrasePrompt prompt, boolean backupOnOpen) {
        sweepAbandonedTempFolders();
        if (options.snapshotMode()) {
            return snapshot(options.snapshot(), SnapshotCache.in(options.baseDir()));
        }
        if (!options.baseDir().equals(options.workspace())) {
            WorkspaceFiles.makeBasePrivate(options.baseDir());
        }
        return options.teamMode() ? team(options.sharedDb(), options.workspace(), env, prompt, clock)
                : local(options.workspace(), clock, backupOnOpen);
    }

    /** The workspace's own H2 file (created when missing; a damaged one is repaired or restored). */
    public static OpenWorkspace local(Path workspace, Clock clock) {
        return local(workspace, clock, true);
    }

    /** As {@link #local(Path, Clock)}; {@code backupOnOpen} false leaves the daily backup to the first sync. */
    public static OpenWorkspace local(Path workspace, Clock clock, boolean backupOnOpen) {
        WorkspaceFiles.makePrivate(workspace);
        try {
            return new OpenWorkspace(Database.open(workspace, Clock.systemUTC(), backupOnOpen), OpenWorkspace.Mode.LOCAL,
                    workspace, null, clock);
        } catch (WorkspaceInUseException | WorkspaceOpenException e) {
            throw new StartupException(e.getMessage(), e);
        }
    }

    /**
     * The team's PostgreSQL at {@code jdbcUrl}, logging in as db.user of the workspace's settings with the
     * password from {@code STOCKLENS_DB_PASSWORD} or the secret store.
     */
    public static OpenWorkspace team(String jdbcUrl, Path workspace, Map<String, String> env, PassphrasePrompt prompt,
                                     Clock clock) {
        WorkspaceFiles.makePrivate(workspace);
        try {
            TeamDatabaseConfig.checkUrl(jdbcUrl);
        } catch (IllegalArgumentException e) {
            throw new StartupException(e.getMessage(), e);
        }
        String user = new UserSettings(workspace).dbUser().orElse(null);
        String password = TeamDatabaseConfig.password(env, () -> SecretStores.choose(workspace, env, prompt));
        Database database;
        try {
            database = Database.openShared(jdbcUrl, user, password);
        } catch (WorkspaceOpenException e) {
            throw new StartupException(TeamDatabaseConfig.notOpened(jdbcUrl, e, password), e);
        } catch (WorkspaceInUseException e) {
            throw new StartupException(e.getMessage(), e);
        }
        return new OpenWorkspace(database, OpenWorkspace.Mode.TEAM, workspace, null, clock);
    }

    /**
     * A snapshot file: verified and restored into a fresh temporary workspace (never the live or demo one),
     * its policy settings applied there, and the clock frozen at the snapshot's moment so ages, staleness
     * and countdowns read as they did then. Closing the workspace removes the copy. A file opened before (the
     * same bytes) starts from the database {@code cache} kept of its restore; the file is still verified.
     */
    public static OpenWorkspace snapshot(Path file, SnapshotCache cache) {
        Path temp;
        try {
            temp = TempFolders.create(SNAPSHOT_PREFIX);
        } catch (IOException e) {
            throw new StartupException("No temporary folder for the snapshot: " + e.getMessage(), e);
        }
        Database database = null;
        boolean opened = false;
        try {
            Optional<String> key = cache.key(file);
            SnapshotManifest manifest = null;
            if (key.isPresent() && cache.copyInto(key.get(), Database.fileIn(temp))) {
                manifest = SnapshotArchive.verify(file);
                database = openKept(temp);
                if (database == null) {
                    cache.forget(key.get());
                }
            }
            boolean kept = database != null;
            if (!kept) {
                manifest = SnapshotArchive.restore(file, temp);
                key.ifPresent(k -> cache.keep(k, Database.fileIn(temp)));
                // No daily backup of a temporary copy: it goes when the snapshot closes.
                database = Database.open(temp, Clock.systemUTC(), false);
            }
            writeSnapshotSettings(temp, manifest.settings());
            LOG.info("snapshot mode: {} (at {}), {} {}", file, manifest.at(),
                    kept ? "its database kept from an earlier open, copied into" : "restored into", temp);
            OpenWorkspace open = new OpenWorkspace(database, OpenWorkspace.Mode.SNAPSHOT, temp, manifest,
                    Clock.fixed(manifest.at(), ZoneOffset.UTC));
            opened = true;
            return open;
        } catch (SnapshotFileException e) {
            throw new StartupException(e.getMessage(), e);
        } catch (RuntimeException e) {
            throw snapshotNotOpened(e);
        } finally {
            if (!opened) {
                // Whatever went wrong (an Error included), the copy goes: nothing of the file is left behind.
                if (database != null) {
                    database.close();
                }
                SnapshotArchive.discard(temp);
            }
        }
    }

    /**
     * The database kept from an earlier open of the same file, copied into {@code temp}; null (and the copy gone)
     * when it does not open as it was kept: a file the open had to repair would show an empty or older shop.
     */
    private static Database openKept(Path temp) {
        Database db = null;
        try {
            db = Database.open(temp, Clock.systemUTC(), false);
            if (db.notice().isEmpty()) {
                return db;
            }
            LOG.warn("The database kept for this snapshot needed a repair ({}); restoring the file instead",
                    db.notice().get());
        } catch (RuntimeException e) {
            LOG.warn("The database kept for this snapshot did not open ({}); restoring the file instead", e.toString());
        }
        if (db != null) {
            db.close();
        }
        // The copy and what the open made of it; the restore starts from an empty database folder.
        TempFolders.delete(Database.fileIn(temp).getParent());
        return null;
    }

    /** The refusal for a snapshot that failed to open for a reason other than the file itself. */
    public static StartupException snapshotNotOpened(RuntimeException e) {
        return new StartupException("The snapshot could not be opened: " + e.getMessage(), e);
    }

    /** Whether {@code workspace} holds a StockLens database file (a workspace used before). */
    public static boolean hasDatabase(Path workspace) {
        return Files.exists(Database.fileIn(workspace));
    }

    /**
     * Whether the live workspace under {@code baseDir} has stored connections: with none (and nothing in
     * the environment) the app starts its demo. A workspace that is in use or broken counts as configured,
     * so the person sees why it cannot open instead of a silent demo.
     */
    public static boolean hasStoredConnections(Path baseDir) {
        Path workspace = DataDirectory.workspace(baseDir, false);
        if (!hasDatabase(workspace)) {
            return false;
        }
        try (Database db = Database.open(workspace)) {
            return !new ConnectionRepository(db.jdbi()).list().isEmpty();
        } catch (WorkspaceInUseException | WorkspaceOpenException e) {
            return true;
        }
    }

    /**
     * Temporary folders left by a StockLens that was killed (kill -9, a power cut) before it could remove
     * them: this user's, no longer locked by a live process ({@link TempFolders#sweep}).
     */
    private static void sweepAbandonedTempFolders() {
        Instant now = Instant.now();
        int removed = TempFolders.sweep(SNAPSHOT_PREFIX, now) + TempFolders.sweep(SnapshotArchive.EXPORT_PREFIX, now);
        if (removed > 0) {
            LOG.info("Removed {} temporary folder(s) left by a StockLens that was stopped abruptly", removed);
        }
    }

    private static void writeSnapshotSettings(Path workspace, Map<String, String> settings) {
        if (settings.isEmpty()) {
            return;
        }
        Properties p = new Properties();
        p.putAll(settings);
        try (OutputStream out = Files.newOutputStream(workspace.resolve("settings.properties"))) {
            p.store(out, "policy figures of the snapshot");
        } catch (IOException e) {
            LOG.warn("The snapshot's settings could not be applied: {}", e.getMessage());
        }
    }
}

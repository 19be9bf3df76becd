package com.stocklens.service;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The workspace's database backups as the window sees them (File → Restore backup…). Blocking: call
 * only on a background thread. A restore is <em>requested</em> and applied the next time the workspace
 * opens, before the database is touched (the database in use is moved aside, never deleted).
 */
public interface WorkspaceBackups {
    /**
     * One backup.
     *
     * @param name    the file name, what a restore asks for
     * @param takenAt when it was taken (UTC instant; the window shows it in Beijing time)
     * @param size    bytes
     * @param label   why it was taken: daily, manual, before-v10 … (null when unknown)
     */
    record Backup(String name, Instant takenAt, long size, String label) {
    }

    /** The backups, newest first. */
    List<Backup> list();

    /** Takes a backup now (label "manual"); the oldest beyond the kept number are deleted. */
    Backup backUpNow() throws IOException;

    /** Asks for {@code name} to be restored when the workspace next opens. */
    void requestRestore(String name) throws IOException;

    /** The backup asked for and not yet restored, if any. */
    Optional<String> requestedRestore();
}

package com.stocklens.app.workspace;

import com.stocklens.secrets.EncryptedFileSecretStore;
import com.stocklens.support.PrivateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Keeps a workspace private to its user (docs/RELIABILITY.md, "Permissions"): its database, logs, backups,
 * settings and secrets file 0600 in 0700 folders, whatever the umask, tightened each time the workspace opens
 * and closes (so an existing 0644/0755 workspace is private after its next start). The workspace folder itself
 * is made 0700 only when it holds nothing but StockLens's own entries: a {@code --data-dir} pointed at a shared
 * folder keeps that folder's mode, while StockLens's folders in it are private all the same.
 */
final class WorkspaceFiles {
    /** The folders StockLens keeps in a workspace, made private with everything in them. */
    private static final Set<String> FOLDERS = Set.of("db", "logs", "backups", "imports", "cache");
    /** The files StockLens keeps in a workspace. */
    private static final Set<String> FILES = Set.of("settings.properties", EncryptedFileSecretStore.FILE_NAME);
    /** What else may sit in a StockLens data folder: the demo workspace, exports made there. */
    private static final Set<String> OTHERS = Set.of("demo", "exports");

    private WorkspaceFiles() {
    }

    /** Makes {@code workspace}'s own files and folders private (never throws). */
    static void makePrivate(Path workspace) {
        if (ownEntriesOnly(workspace)) {
            PrivateFiles.restrict(workspace);
        }
        FOLDERS.forEach(f -> PrivateFiles.restrictTree(workspace.resolve(f)));
        FILES.forEach(f -> PrivateFiles.restrict(workspace.resolve(f)));
    }

    /** The data folder above a demo workspace: made 0700 when it holds nothing but StockLens's entries. */
    static void makeBasePrivate(Path base) {
        if (ownEntriesOnly(base)) {
            PrivateFiles.restrict(base);
        }
    }

    private static boolean ownEntriesOnly(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).allMatch(n -> FOLDERS.contains(n) || FILES.contains(n)
                    || OTHERS.contains(n) || n.startsWith("settings.properties") || n.startsWith(
                    EncryptedFileSecretStore.FILE_NAME));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}

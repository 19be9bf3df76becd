package com.stocklens.support;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Temporary folders in {@code java.io.tmpdir} ({@code stocklens-snapshot-*}, {@code stocklens-export-*}) that
 * never outlive their process for long. Each holds a lock file locked for as long as the folder is in use;
 * a folder is removed when it is released, by a shutdown hook when the process ends (SIGTERM, Ctrl+C, a
 * normal exit), and otherwise — kill -9, a power cut — by {@link #sweep} at the next start: a folder of
 * this user whose lock no live process holds and that is older than {@link #MIN_AGE}.
 */
public final class TempFolders {
    /** The lock file inside every folder. */
    public static final String LOCK = ".in-use";
    /** A folder younger than this is never swept: its process may not have locked it yet. */
    public static final Duration MIN_AGE = Duration.ofMinutes(1);
    /** A folder without a lock file (made before locks existed) is swept only after this long. */
    static final Duration UNLOCKED_AGE = Duration.ofDays(2);

    private static final Map<Path, FileChannel> HELD = new ConcurrentHashMap<>();
    private static volatile boolean hookInstalled;

    private TempFolders() {
    }

    /**
     * A new folder {@code <tmpdir>/<prefix><random>}, readable by this user only, locked until
     * {@link #delete} (or the process's end) removes it.
     */
    public static Path create(String prefix) throws IOException {
        installHook();
        Path dir = Files.createTempDirectory(prefix).toAbsolutePath().normalize();
        try {
            FileChannel lock = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            lock.lock();
            HELD.put(dir, lock);
            return dir;
        } catch (IOException | RuntimeException e) {
            deleteTree(dir);
            throw e;
        }
    }

    /** Releases and removes a folder made by {@link #create} (any other folder is just removed). */
    public static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        FileChannel lock = HELD.remove(dir.toAbsolutePath().normalize());
        if (lock != null) {
            try {
                lock.close(); // releases the lock
            } catch (IOException ignored) {
                // the folder goes anyway
            }
        }
        deleteTree(dir);
    }

    /**
     * Removes the stale folders {@code <tmpdir>/<prefix>*}: this user's, not locked by a live process (this
     * one included), older than {@link #MIN_AGE} (a folder without a lock file: older than two days).
     * Never throws; other users' folders are left alone.
     *
     * @return how many were removed
     */
    public static int sweep(String prefix, Instant now) {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        int removed = 0;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp, prefix + "*")) {
            UserPrincipal me = tmp.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name"));
            for (Path d : dirs) {
                if (stale(d, me, now)) {
                    deleteTree(d);
                    removed++;
                }
            }
        } catch (IOException | RuntimeException e) {
            // a temp folder we cannot list or read: nothing to sweep
        }
        return removed;
    }

    private static boolean stale(Path dir, UserPrincipal me, Instant now) {
        try {
            // Never open the lock file of a folder this process holds: closing any channel on it would drop the lock.
            if (HELD.containsKey(dir) || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)
                    || !me.equals(Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS))) {
                return false;
            }
            Instant modified = Files.getLastModifiedTime(dir, LinkOption.NOFOLLOW_LINKS).toInstant();
            Path lockFile = dir.resolve(LOCK);
            if (!Files.exists(lockFile, LinkOption.NOFOLLOW_LINKS)) {
                return modified.isBefore(now.minus(UNLOCKED_AGE));
            }
            if (!modified.isBefore(now.minus(MIN_AGE))) {
                return false;
            }
            try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
                FileLock lock = ch.tryLock();
                if (lock == null) {
                    return false; // another live process holds it
                }
                lock.release();
                return true;
            } catch (OverlappingFileLockException heldHere) {
                return false;
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static void installHook() {
        if (hookInstalled) {
            return;
        }
        synchronized (TempFolders.class) {
            if (!hookInstalled) {
                Runtime.getRuntime().addShutdownHook(NamedThreads.daemonThread(
                        () -> HELD.keySet().forEach(TempFolders::delete), "stocklens-temp-cleanup"));
                hookInstalled = true;
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // what cannot be deleted now is swept at a later start
                }
            });
        } catch (IOException | RuntimeException ignored) {
            // nothing to delete
        }
    }
}

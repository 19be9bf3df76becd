package com.stocklens.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.h2.tools.Restore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workspace's backups: H2 {@code BACKUP TO} zips in {@code <workspace>/backups/}, named
 * {@code stocklens-<UTC time>-<label>.zip}; the {@value #KEEP} newest are kept. A restore asked for
 * while the workspace is open is a marker file ({@value #RESTORE_REQUEST}) applied at the next open,
 * before the database is touched.
 */
public final class Backups {
    private static final Logger LOG = LoggerFactory.getLogger(Backups.class);

    /** Backups kept; older ones are deleted after each new backup. */
    public static final int KEEP = 7;
    /** The daily backup is due when the newest backup is older than this. */
    public static final Duration DAILY = Duration.ofHours(24);
    static final String DIR = "backups";
    static final String RESTORE_REQUEST = "restore-request.txt";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern NAME = Pattern.compile(
            Pattern.quote(Database.FILE_BASE) + "-(\\d{8}T\\d{6}Z)(?:-([a-z0-9.-]+))?\\.zip");

    /**
     * One backup file.
     *
     * @param name    the file name, what {@code backup restore NAME} takes
     * @param label   why it was taken: daily, manual, before-v10 …
     */
    public record Backup(String name, Path path, Instant takenAt, long size, String label) {
    }

    private Backups() {
    }

    /** The backups folder of a workspace. */
    public static Path directory(Path workspace) {
        return workspace.toAbsolutePath().normalize().resolve(DIR);
    }

    /** The workspace's backups, newest first; works while the workspace is open elsewhere. */
    public static List<Backup> list(Path workspace) {
        Path dir = directory(workspace);
        List<Backup> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, Database.FILE_BASE + "-*.zip")) {
            for (Path f : files) {
                Matcher m = NAME.matcher(f.getFileName().toString());
                if (m.matches()) {
                    Instant at = STAMP.parse(m.group(1), Instant::from);
                    out.add(new Backup(f.getFileName().toString(), f, at, Files.size(f), m.group(2)));
                }
            }
        } catch (IOException e) {
            LOG.warn("Cannot list backups in {}: {}", dir, e.toString());
        }
        out.sort(Comparator.comparing(Backup::takenAt).thenComparing(Backup::name).reversed());
        return out;
    }

    /** "2026-11-27 04:35 UTC, daily, 1.2 MB": how the window and the CLI show a backup. */
    public static String describe(Backup b) {
        return describe(b.takenAt(), b.label(), b.size());
    }

    /** {@link #describe(Backup)} from the backup's time, label (may be null) and size in bytes. */
    public static String describe(Instant takenAt, String label, long bytes) {
        String size = bytes >= 1 << 20 ? String.format("%.1f MB", bytes / 1048576.0)
                : Math.max(1, bytes / 1024) + " KB";
        return SHOWN.format(takenAt) + (label == null ? "" : ", " + label) + ", " + size;
    }

    /**
     * Asks for {@code name} to be restored at the next open of the workspace (the database in use
     * is moved aside then, never deleted).
     *
     * @throws IllegalArgumentException when there is no such backup
     */
    public static Backup requestRestore(Path workspace, String name) throws IOException {
        Backup b = list(workspace).stream().filter(x -> x.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No backup named " + name + " in " + directory(workspace)));
        Files.writeString(directory(workspace).resolve(RESTORE_REQUEST), b.name() + "\n", StandardCharsets.UTF_8);
        return b;
    }

    /** The restore asked for and not yet applied, if any. */
    public static Optional<String> requestedRestore(Path workspace) {
        Path marker = directory(workspace).resolve(RESTORE_REQUEST);
        try {
            return Files.exists(marker) ? Optional.of(Files.readString(marker, StandardCharsets.UTF_8).strip())
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Applies a requested restore before the database opens; the notice for the person, if one was applied. */
    static Optional<String> applyRequestedRestore(Path workspace, Path file, Clock clock) throws IOException {
        Optional<String> name = requestedRestore(workspace);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Path marker = directory(workspace).resolve(RESTORE_REQUEST);
        Optional<Backup> b = list(workspace).stream().filter(x -> x.name().equals(name.get())).findFirst();
        if (b.isEmpty()) {
            Files.delete(marker);
            return Optional.of("The backup " + name.get() + " chosen for restore no longer exists; the database was "
                    + "left as it was.");
        }
        Path aside = Files.exists(file) ? moveAside(file, "replaced", clock) : null;
        restoreInto(b.get().path(), file.getParent());
        Files.delete(marker);
        return Optional.of("The backup of " + describe(b.get()) + " was restored as you asked"
                + (aside == null ? "." : "; the database it replaced was kept as " + aside + ".")
                + " The next sync brings stock up to date.");
    }

    /** Unpacks a backup zip's database file into {@code dbDir}. */
    static void restoreInto(Path zip, Path dbDir) throws IOException {
        try {
            Restore.execute(zip.toString(), dbDir.toString(), Database.FILE_BASE);
        } catch (RuntimeException e) {
            throw new IOException("cannot unpack " + zip.getFileName() + ": " + e.getMessage(), e);
        }
        if (!Files.exists(dbDir.resolve(Database.FILE_BASE + ".mv.db"))) {
            throw new IOException(zip.getFileName() + " holds no StockLens database");
        }
    }

    /** Renames {@code file} to {@code <file>.<tag>-<UTC time>}: kept for inspection, never deleted. */
    static Path moveAside(Path file, String tag, Clock clock) throws IOException {
        Path target = file.resolveSibling(file.getFileName() + "." + tag + "-" + STAMP.format(clock.instant()));
        for (int i = 2; Files.exists(target); i++) {
            target = file.resolveSibling(file.getFileName() + "." + tag + "-" + STAMP.format(clock.instant()) + "-" + i);
        }
        Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    /** A fresh, unused backup file name. */
    static Path newFile(Path workspace, Instant at, String label) {
        String suffix = label == null || label.isBlank() ? "" : "-" + label.toLowerCase().replaceAll("[^a-z0-9.-]", "-");
        Path dir = directory(workspace);
        Instant t = at;
        Path f = dir.resolve(Database.FILE_BASE + "-" + STAMP.format(t) + suffix + ".zip");
        while (Files.exists(f)) {
            t = t.plusSeconds(1); // two backups in one second: the later one gets the next second
            f = dir.resolve(Database.FILE_BASE + "-" + STAMP.format(t) + suffix + ".zip");
        }
        return f;
    }

    /** Deletes all but the {@value #KEEP} newest backups. */
    static void prune(Path workspace) {
        List<Backup> all = list(workspace);
        for (Backup old : all.subList(Math.min(KEEP, all.size()), all.size())) {
            try {
                Files.deleteIfExists(old.path());
            } catch (IOException e) {
                LOG.warn("Cannot delete old backup {}: {}", old.path(), e.toString());
            }
        }
    }
}

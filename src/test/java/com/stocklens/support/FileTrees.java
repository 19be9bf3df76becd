package com.stocklens.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Copying and removing whole folders in tests and the bench (workspaces, class-path folders). */
public final class FileTrees {
    private FileTrees() {
    }

    /**
     * Copies the folder {@code from} to {@code to} (created; its files must not exist yet). H2's {@code .lock.db}
     * files are left out: a copy is never open.
     */
    public static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().endsWith(".lock.db")) {
                    Files.copy(p, target);
                }
            }
        }
    }

    /** Removes {@code root} and everything below it, as far as it can; never throws (a temporary folder). */
    public static void deleteQuietly(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // left to the system's temporary folder cleaning
        }
    }
}

package com.stocklens.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real tmpfs mounted for one test (a full or read-only file system that is not an injected failure).
 * Needs {@code mount -t tmpfs}, i.e. root or CAP_SYS_ADMIN: {@link #mountOrSkip} skips the test otherwise.
 */
public final class Tmpfs implements AutoCloseable {
    private final Path dir;

    private Tmpfs(Path dir) {
        this.dir = dir;
    }

    /** Mounts a tmpfs of {@code size} ("24m") on a new folder {@code dir}, or skips the test when it cannot. */
    public static Tmpfs mountOrSkip(Path dir, String size) throws IOException {
        Files.createDirectories(dir);
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString()),
                "no tmpfs can be mounted here (needs root)");
        return new Tmpfs(dir);
    }

    public Path dir() {
        return dir;
    }

    /** {@code mount -o remount,OPTIONS}: "ro", "rw", "size=64m". */
    public void remount(String options) {
        if (!run("mount", "-o", "remount," + options, dir.toString())) {
            throw new IllegalStateException("remount," + options + " of " + dir + " failed");
        }
    }

    /** Fills the file system to the last byte with {@code name}; returns the bytes written. */
    public long fill(String name) throws IOException {
        long written = 0;
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(dir.resolve(name))) {
            while (true) {
                out.write(block);
                written += block.length;
            }
        } catch (IOException full) {
            // No space left: that is the point.
        }
        // A last few bytes in smaller writes, so not even a small page fits.
        try (OutputStream out = Files.newOutputStream(dir.resolve(name + ".tail"))) {
            for (int i = 0; i < 1 << 16; i++) {
                out.write(block, 0, 512);
                written += 512;
            }
        } catch (IOException full) {
            // full to the byte
        }
        return written;
    }

    /** Removes what {@link #fill} wrote. */
    public void unfill(String name) throws IOException {
        Files.deleteIfExists(dir.resolve(name));
        Files.deleteIfExists(dir.resolve(name + ".tail"));
    }

    @Override
    public void close() {
        run("umount", "-l", dir.toString());
    }

    private static boolean run(String... cmd) {
        try {
            Process p = new ProcessBuilder(List.of(cmd)).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

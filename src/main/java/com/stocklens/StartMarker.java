package com.stocklens;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import com.stocklens.support.StartupTrace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Benchmark hook for {@code bench/run} (BENCHMARKS.md), inert unless
 * {@code -Dstocklens.benchmark.startMarker=FILE} is set. It appends {@code key=value} lines to FILE:
 * {@code firstFrame=<epoch ms>} after the first layout pulse of the main window, then, once the stock
 * table holds at least {@code stocklens.benchmark.minRows} rows after a pulse,
 * {@code rowsOnScreen=<epoch ms>}, {@code rows}, {@code heapBytes} (used heap after a full GC),
 * {@code rssAtGcKb} (the RSS as that GC returns) and {@code rssKb} (the RSS once the JVM has given the
 * freed memory back, at most 3 s later, read off the FX thread while the window goes on). With
 * {@code stocklens.benchmark.exitWhenShown=true} the app then exits normally, so a
 * JDK 25 AOT training run ({@code -XX:AOTCacheOutput}) can write its cache. The bench measures from
 * its own clock before launching the process, so the marker holds wall-clock instants, not durations.
 * With the start-up trace on ({@code -Dstocklens.startupTrace=true}) the same two moments go to the trace,
 * with or without a marker file.
 */
final class StartMarker {
    /** Looked up when needed, not held: the marker is installed before logging is set up (issue 20). */
    private static Logger log() {
        return LoggerFactory.getLogger(StartMarker.class);
    }
    static final long SETTLE_QUIET_MS = 500;
    static final long SETTLE_MAX_MS = 3000;

    private final Path file;
    private final int minRows;
    private final boolean exitWhenShown;
    private boolean framed;
    private boolean rowsShown;

    /** @param file the marker file, or null (the start-up trace only) */
    private StartMarker(Path file) {
        this.file = file;
        this.minRows = Integer.getInteger("stocklens.benchmark.minRows", 1);
        this.exitWhenShown = Boolean.getBoolean("stocklens.benchmark.exitWhenShown");
    }

    /**
     * Installs the marker on the main window's scene when the property is set or the start-up trace is on;
     * otherwise does nothing.
     */
    static void installIfRequested(Scene scene) {
        String target = System.getProperty("stocklens.benchmark.startMarker");
        boolean toFile = target != null && !target.isBlank();
        if (!toFile && !StartupTrace.enabled() || scene == null) {
            return;
        }
        StartMarker marker = new StartMarker(toFile ? Path.of(target) : null);
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                if (marker.onPulse(scene)) {
                    scene.removePostLayoutPulseListener(this);
                }
            }
        });
    }

    /** @return true when done */
    private boolean onPulse(Scene scene) {
        long now = System.currentTimeMillis();
        if (!framed) {
            framed = true;
            StartupTrace.mark("first frame (layout pulse)");
            write("firstFrame=" + now);
        }
        if (!rowsShown) {
            Node node = scene.lookup("#stockTable");
            int rows = node instanceof TableView<?> table ? table.getItems().size() : 0;
            if (rows >= minRows) {
                rowsShown = true;
                StartupTrace.mark("stock table filled (" + rows + " rows)");
                if (file == null) {
                    return true;
                }
                // Memory is read off the FX thread: the window keeps painting (and the app keeps working)
                // while the JVM gives back what the load's peak took, as it does on a seller's screen.
                Thread t = new Thread(() -> memory(now, rows), "stocklens-start-marker");
                t.setDaemon(true);
                t.start();
            }
        }
        return framed && rowsShown;
    }

    /**
     * Used heap right after a full GC, the RSS at that moment and once settled: G1 hands the regions a full
     * GC freed back to the OS concurrently, so the RSS falls for a while after {@code System.gc()} returns.
     * Settled: no fall of over 1 MB for {@value #SETTLE_QUIET_MS} ms, and at most {@value #SETTLE_MAX_MS} ms
     * after the GC.
     */
    private void memory(long shownAt, int rows) {
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long atGc = rssKb();
        long last = atGc;
        long gcDone = System.currentTimeMillis();
        long fellAt = gcDone;
        try {
            while (System.currentTimeMillis() - fellAt < SETTLE_QUIET_MS
                    && System.currentTimeMillis() - gcDone < SETTLE_MAX_MS) {
                Thread.sleep(50);
                long rss = rssKb();
                if (rss >= 0 && rss < last - 1024) {
                    fellAt = System.currentTimeMillis();
                }
                last = rss >= 0 ? rss : last;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // The last reading, not the lowest: memory the app takes again while it goes on counts.
        write("rowsOnScreen=" + shownAt + "\nrows=" + rows + "\nheapBytes=" + heap + "\nrssAtGcKb=" + atGc
                + "\nrssKb=" + last + "\nrssSettledMs=" + (fellAt - gcDone));
        if (exitWhenShown) {
            Platform.exit();
        }
    }

    private static long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            log().debug("no RSS: {}", e.toString());
        }
        return -1;
    }

    private void write(String lines) {
        if (file == null) {
            return;
        }
        try {
            Files.writeString(file, lines + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            log().warn("benchmark marker {} not written", file, e);
        }
    }
}

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
 * {@code rowsOnScreen=<epoch ms>}, {@code rows}, {@code heapBytes} (used heap after a full GC) and
 * {@code rssKb}. With {@code stocklens.benchmark.exitWhenShown=true} the app then exits normally, so a
 * JDK 25 AOT training run ({@code -XX:AOTCacheOutput}) can write its cache. The bench measures from
 * its own clock before launching the process, so the marker holds wall-clock instants, not durations.
 * With the start-up trace on ({@code -Dstocklens.startupTrace=true}) the same two moments go to the trace,
 * with or without a marker file.
 */
final class StartMarker {
    private static final Logger LOG = LoggerFactory.getLogger(StartMarker.class);

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
                System.gc();
                long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                write("rowsOnScreen=" + now + "\nrows=" + rows + "\nheapBytes=" + heap + "\nrssKb=" + rssKb());
                if (exitWhenShown) {
                    Platform.exit();
                }
            }
        }
        return framed && rowsShown;
    }

    private static long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("no RSS: {}", e.toString());
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
            LOG.warn("benchmark marker {} not written", file, e);
        }
    }
}

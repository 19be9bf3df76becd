package com.stocklens.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stocklens.app.workspace.SnapshotFiles;
import com.stocklens.service.SnapshotFileException;
import com.stocklens.store.HostileSnapshotFiles;
import com.stocklens.support.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 item 11: snapshot files built to exhaust the reader — one line of 3 GiB with the right checksum, a
 * manifest of 60 million {@code {}}, one 64 MiB entry listed 400 times — are refused in one sentence by
 * {@code snapshot info} and by {@code --snapshot FILE stock}, run in a child JVM with a 512 MB heap whose peak
 * resident memory ({@code VmHWM}) is measured; no OutOfMemoryError and no {@code stocklens-snapshot-*} folder
 * is left. The files are generated as streams (the test never holds what they unpack to).
 */
class HostileSnapshotFileTest {
    /** The child's heap: the reader must not need more than a small part of it. */
    private static final String HEAP = "-Xmx512m";
    /**
     * Peak resident memory allowed for a refusal. Measured: a plain refusal peaks at 90–140 MB here (the JVM,
     * the command line and H2's classes); before the bounds the long line reached the 512 MB heap and died.
     */
    private static final long MAX_PEAK_KB = 320 * 1024;

    @TempDir
    static Path files;

    static Path longLine;
    static Path hugeManifest;
    static Path repeatedEntry;

    @BeforeAll
    static void generate() throws IOException {
        long t0 = System.nanoTime();
        longLine = files.resolve("long-line.stocklens");
        HostileSnapshotFiles.longLine(longLine, 3L << 30);
        hugeManifest = files.resolve("huge-manifest.stocklens");
        HostileSnapshotFiles.hugeManifest(hugeManifest, 60_000_000L);
        repeatedEntry = files.resolve("repeated-entry.stocklens");
        HostileSnapshotFiles.repeatedEntry(repeatedEntry, 64L << 20, 400);
        System.out.printf("hostile snapshot files generated in %d ms: long line %d KB, huge manifest %d KB, "
                        + "repeated entry %d KB%n", (System.nanoTime() - t0) / 1_000_000, Files.size(longLine) >> 10,
                Files.size(hugeManifest) >> 10, Files.size(repeatedEntry) >> 10);
    }

    @Test
    void aThreeGibLineIsRefusedBeforeItIsHeld() throws Exception {
        refusedEverywhere(longLine, "line 1 of data/stock_row.jsonl is longer than 1 MB");
    }

    @Test
    void aManifestOfSixtyMillionObjectsIsRefusedBeforeItIsParsed() throws Exception {
        refusedEverywhere(hugeManifest, "its manifest is larger than 1 MB");
    }

    @Test
    void anEntryListedFourHundredTimesIsRefusedBeforeItIsRead() throws Exception {
        refusedEverywhere(repeatedEntry, "entries, a snapshot at most 255");
        // Fewer listings than the cap: the second listing of the same entry is refused, before any reading.
        Path twice = files.resolve("listed-twice.stocklens");
        HostileSnapshotFiles.repeatedEntry(twice, 64L << 20, 200);
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> SnapshotFiles.verify(twice)).isInstanceOf(SnapshotFileException.class)
                .hasMessage("listed-twice.stocklens is not a readable StockLens snapshot (its manifest lists "
                        + "data/stock_row.jsonl twice).");
        System.out.printf("hostile snapshot listed-twice.stocklens (200 listings): refused in %d ms%n",
                (System.nanoTime() - t0) / 1_000_000);
    }

    private void refusedEverywhere(Path file, String reason) throws Exception {
        List<String> results = new ArrayList<>();
        for (List<String> args : List.of(List.of("snapshot", "info", file.toString()),
                List.of("--snapshot", file.toString(), "stock", "--json"))) {
            Path tmp = Files.createDirectories(files.resolve("tmp-" + file.getFileName() + "-" + args.get(0)));
            long t0 = System.nanoTime();
            ChildJvm child = ChildJvm.start(CliChildMain.class, List.of(HEAP, "-Djava.io.tmpdir=" + tmp),
                    args.toArray(String[]::new));
            int exit = child.await(300);
            long millis = (System.nanoTime() - t0) / 1_000_000;
            String messages = child.messages();
            List<String> said = messages.lines().filter(l -> !l.startsWith("exit=")).toList();
            String command = String.join(" ", args.subList(0, args.size() - (args.get(0).equals("snapshot") ? 1 : 0)))
                    .replace(file.toString(), "FILE");
            results.add(String.format("%s: exit %d, %d ms, peak RSS %d MB, \"%s\"", command, exit, millis,
                    child.peakKb() >> 10, String.join(" | ", said)));
            assertThat(messages).as(command).doesNotContain("OutOfMemoryError", "child-error", "Exception", "\tat ");
            assertThat(exit).as("%s: %s", command, messages).isEqualTo(2);
            assertThat(said).as(command).hasSize(1);
            assertThat(said.get(0)).contains(reason).endsWith(".");
            assertThat(child.stdout()).as(command).isEmpty();
            assertThat(child.peakKb()).as("%s: peak resident memory (kB)", command).isPositive()
                    .isLessThan(MAX_PEAK_KB);
            try (Stream<Path> left = Files.list(tmp)) {
                assertThat(left.map(p -> p.getFileName().toString()))
                        .as("temporary folders left").noneMatch(n -> n.startsWith("stocklens-"));
            }
        }
        System.out.printf("hostile snapshot %s (%d KB): %s%n", file.getFileName(), Files.size(file) >> 10,
                String.join("; ", results));
    }
}

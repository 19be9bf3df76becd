package com.stocklens.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.app.settings.LaunchOptions;
import com.stocklens.secrets.PassphrasePrompt;
import com.stocklens.store.Database;
import com.stocklens.store.SnapshotArchive;
import com.stocklens.store.SnapshotRepository;
import com.stocklens.store.StoreFixtures;
import com.stocklens.support.ChildJvm;
import com.stocklens.support.TempFolders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 item 13: temporary folders ({@code stocklens-snapshot-*}, {@code stocklens-export-*}) do not pile up.
 * Child JVMs hold them: a live holder's folder is never swept (its lock is held), a SIGTERM removes it (shutdown
 * hook), and after kill -9 the next start's sweep removes it once it is older than a minute.
 */
class TempFolderSweepTest {
    @TempDir
    Path dir;

    @Test
    void foldersOfKilledProcessesAreSweptAtTheNextStartAndLiveOnesAreKept() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path file = snapshotFile();
        List<String> jvm = List.of("-Xmx256m", "-Djava.io.tmpdir=" + tmp);

        ChildJvm snapshot = ChildJvm.start(TempFolderChildMain.class, jvm, "snapshot", file.toString(),
                dir.resolve("base").toString());
        ChildJvm export = ChildJvm.start(TempFolderChildMain.class, jvm, "export");
        Path snapshotDir = Path.of(snapshot.awaitLine("OPEN ", 60).substring(5));
        Path exportDir = Path.of(export.awaitLine("OPEN ", 60).substring(5));
        assertThat(snapshotDir.getFileName().toString()).startsWith("stocklens-snapshot-");
        assertThat(exportDir.getFileName().toString()).startsWith("stocklens-export-");

        // Alive and locked: kept, however old it looks.
        age(snapshotDir, exportDir);
        assertThat(startSweeps(tmp)).isZero();
        assertThat(snapshotDir).isDirectory();
        assertThat(exportDir).isDirectory();

        // kill -9: nothing runs, the folders stay ...
        snapshot.process().destroyForcibly().waitFor();
        export.process().destroyForcibly().waitFor();
        assertThat(snapshotDir).isDirectory();
        assertThat(exportDir).isDirectory();
        // ... a start within the first minute of a folder's life leaves it (its process may not have locked it yet) ...
        Files.setLastModifiedTime(snapshotDir, FileTime.from(Instant.now()));
        Files.setLastModifiedTime(exportDir, FileTime.from(Instant.now()));
        int young = startSweeps(tmp);
        assertThat(snapshotDir).isDirectory();
        // ... and the next start after that removes both.
        age(snapshotDir, exportDir);
        int swept = startSweeps(tmp);
        assertThat(swept).isEqualTo(2);
        assertThat(snapshotDir).doesNotExist();
        assertThat(exportDir).doesNotExist();

        // SIGTERM: the shutdown hook removes the folder.
        ChildJvm terminated = ChildJvm.start(TempFolderChildMain.class, jvm, "snapshot", file.toString(),
                dir.resolve("base").toString());
        Path termDir = Path.of(terminated.awaitLine("OPEN ", 60).substring(5));
        terminated.process().destroy();
        terminated.await(60);
        assertThat(termDir).doesNotExist();
        try (var left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("stocklens-"));
        }
        System.out.printf("temp folders: 2 held by live processes kept; kill -9 left 2, %d swept while younger "
                + "than %d s, %d swept at the next start; SIGTERM left 0%n", young, TempFolders.MIN_AGE.toSeconds(), swept);
    }

    /** Opens a workspace as every start does, with {@code tmp} as the temporary folder; the folders swept. */
    private int startSweeps(Path tmp) throws Exception {
        String before = System.getProperty("java.io.tmpdir");
        System.setProperty("java.io.tmpdir", tmp.toString());
        try {
            long count = countIn(tmp);
            LaunchOptions options = new LaunchOptions(false, dir.resolve("sweeper"), null, Duration.ofSeconds(60),
                    Duration.ofMinutes(15));
            try (OpenWorkspace open = WorkspaceOpener.open(options, Clock.systemUTC(), Map.of(), PassphrasePrompt.NONE)) {
                assertThat(open.readOnly()).isFalse();
            }
            return (int) (count - countIn(tmp));
        } finally {
            System.setProperty("java.io.tmpdir", before);
        }
    }

    private static long countIn(Path tmp) throws Exception {
        try (var all = Files.list(tmp)) {
            return all.filter(p -> p.getFileName().toString().startsWith("stocklens-")).count();
        }
    }

    private static void age(Path... folders) throws Exception {
        for (Path f : folders) {
            Files.setLastModifiedTime(f, FileTime.from(Instant.now().minus(TempFolders.MIN_AGE).minusSeconds(60)));
        }
    }

    private Path snapshotFile() {
        Path out = dir.resolve("small.stocklens");
        Instant t = Instant.parse("2026-11-27T06:00:00Z");
        try (Database db = Database.open(dir.resolve("source"))) {
            SnapshotRepository repo = new SnapshotRepository(db.jdbi());
            repo.commit(StoreFixtures.SHIPBOB, repo.beginRun(StoreFixtures.SHIPBOB.id(), t),
                    StoreFixtures.bulk(t, 200, 1), t, 5);
            SnapshotArchive.export(db.jdbi(), new SnapshotArchive.Request(t, null, "sweep test", "demo", "test",
                    Map.of()), t, out);
        }
        return out;
    }
}

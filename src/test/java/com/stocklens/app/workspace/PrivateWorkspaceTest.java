package com.stocklens.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.cli.CliChildMain;
import com.stocklens.support.ChildJvm;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 item 5: a workspace is private to its user — folders 0700, files 0600 (database, logs, backups,
 * settings, secrets) — whatever the umask, and an existing 0755/0644 workspace is tightened when it opens.
 * Reports exported by the person follow their umask; snapshot files stay 0600 by design.
 */
class PrivateWorkspaceTest {
    @TempDir
    Path dir;

    @Test
    void anExistingOpenWorkspaceIsTightenedWhenItOpens() throws Exception {
        Path ws = Files.createDirectories(dir.resolve("ws"));
        for (String d : List.of("logs", "backups", "db", "cache")) {
            Files.createDirectories(ws.resolve(d));
            Files.setPosixFilePermissions(ws.resolve(d), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.writeString(ws.resolve("settings.properties"), "rules.staleAfterMinutes=20\n");
        Files.writeString(ws.resolve("secrets.enc"), "not really encrypted");
        Files.writeString(ws.resolve("logs").resolve("stocklens.log"), "an old line\n");
        Files.writeString(ws.resolve("backups").resolve("stocklens-20261127T000000Z-daily.zip"), "zip");
        Files.writeString(ws.resolve("cache").resolve("board.bin"), "the board kept by an older StockLens");
        for (Path f : List.of(ws.resolve("settings.properties"), ws.resolve("secrets.enc"),
                ws.resolve("cache").resolve("board.bin"),
                ws.resolve("logs").resolve("stocklens.log"), ws.resolve("backups").resolve("stocklens-20261127T000000Z-daily.zip"))) {
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        }
        Files.setPosixFilePermissions(ws, PosixFilePermissions.fromString("rwxr-xr-x"));

        WorkspaceOpener.local(ws, Clock.systemUTC()).close();

        Map<String, String> modes = modes(ws);
        System.out.printf("existing workspace tightened on open: %s%n", modes);
        assertPrivate(modes, List.of());
    }

    @Test
    void underUmask000EveryWorkspaceFileIsStillPrivateAndReportsFollowTheUmask() throws Exception {
        Path base = dir.resolve("base");
        Path exports = Files.createDirectories(dir.resolve("exports"));
        List<List<String>> commands = List.of(
                List.of("--data-dir", base.toString(), "--demo", "sync", "--once"),
                List.of("--data-dir", base.toString(), "--demo", "backup", "create"),
                List.of("--data-dir", base.toString(), "settings", "db", "--url",
                        "jdbc:postgresql://db.example.com:5432/stocklens", "--user", "desk"),
                List.of("--data-dir", base.toString(), "--demo", "report", "health", "--quarter", "2026Q4",
                        "--out", exports.resolve("health.csv").toString()),
                List.of("--data-dir", base.toString(), "--demo", "snapshot", "export", "--out",
                        exports.resolve("shop.stocklens").toString()));
        for (List<String> args : commands) {
            ChildJvm child = ChildJvm.startUnderUmask("000", CliChildMain.class, List.of("-Xmx512m"),
                    args.toArray(String[]::new));
            int exit = child.await(300);
            assertThat(exit).as("%s: %s", args, child.messages()).isIn(0, 1);
        }
        Map<String, String> modes = modes(base);
        System.out.printf("umask 000: %d workspace entries, all private: %s%n", modes.size(), modes);
        assertThat(modes.keySet()).contains("demo/db/stocklens.mv.db", "demo/logs/stocklens.log", "settings.properties")
                .anyMatch(k -> k.startsWith("demo/backups/stocklens-") && k.endsWith("-manual.zip"));
        assertPrivate(modes, List.of());
        String report = mode(exports.resolve("health.csv"));
        String snapshot = mode(exports.resolve("shop.stocklens"));
        System.out.printf("umask 000: report %s (the umask's), snapshot file %s (private by design)%n", report, snapshot);
        assertThat(report).isEqualTo("rw-rw-rw-");
        assertThat(snapshot).isEqualTo("rw-------");
    }

    private static void assertPrivate(Map<String, String> modes, List<String> except) {
        modes.forEach((name, mode) -> {
            if (!except.contains(name)) {
                assertThat(mode).as(name).isIn("rwx------", "rw-------");
                assertThat(mode).as(name).endsWith("------");
            }
        });
    }

    /** Every entry under {@code root} (root itself as "."), relative name → permissions. */
    private static Map<String, String> modes(Path root) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        List<Path> all = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.forEach(all::add);
        }
        for (Path p : all) {
            String name = root.equals(p) ? "." : root.relativize(p).toString();
            out.put(name, mode(p));
        }
        return out;
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }
}

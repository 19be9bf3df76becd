package com.stocklens.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stocklens.Launcher;
import com.stocklens.support.FileTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 item 6, with two real OS users (root and {@code nobody}, through {@code runuser}; skipped where the
 * test does not run as root): the jar's entry point logs into a folder of the user's own — never the shared
 * {@code <tmpdir>/stocklens-logs} the first user used to own — and a second user's {@code status --json} prints
 * JSON and nothing else, even when that old shared folder exists and belongs to someone else.
 */
class PerUserLogsTest {
    private static final String NOBODY = "nobody";

    @TempDir
    Path dir;

    @Test
    void asecondUsersStatusJsonPrintsOnlyJsonAndEachUserLogsInAFolderOfTheirOwn() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/sbin/runuser")),
                "needs root and runuser to act as a second user");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        String classPath = readableClassPath(Files.createDirectories(dir.resolve("cp")));
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxrwxrwx"));
        run(tmp, "chmod", "+t", tmp.toString());
        // What the first user's start left behind before: the shared folder, root's, 0755.
        Path shared = Files.createDirectories(tmp.resolve("stocklens-logs"));
        Files.writeString(shared.resolve("stocklens.log"), "root's old log\n");

        Path rootHome = Files.createDirectories(dir.resolve("root-home"));
        Path rootData = dir.resolve("root-data");
        Process first = launch(tmp, classPath, List.of(), List.of("-Duser.home=" + rootHome), rootData);
        String firstOut = output(first);
        assertThat(first.exitValue()).as(firstOut).isZero();
        new ObjectMapper().readTree(firstOut);

        Path nobodyData = Files.createDirectories(dir.resolve("nobody-data"));
        run(tmp, "chown", NOBODY, nobodyData.toString());
        Process second = launch(tmp, classPath, List.of("/usr/sbin/runuser", "-u", NOBODY, "--"), List.of(), nobodyData);
        String secondOut = output(second);
        assertThat(second.exitValue()).as(secondOut).isZero();
        assertThat(secondOut.strip()).startsWith("{").endsWith("}");
        assertThat(new ObjectMapper().readTree(secondOut).path("mode").asText()).isEqualTo("demo");

        Path rootLogs = rootHome.resolve(".local/state/StockLens/logs");
        Path nobodyEarly = tmp.resolve("stocklens-nobody-logs");
        assertThat(rootLogs).isDirectory();
        assertThat(nobodyEarly).isDirectory();
        assertThat(Files.getOwner(nobodyEarly, LinkOption.NOFOLLOW_LINKS).getName()).isEqualTo(NOBODY);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(nobodyEarly))).isEqualTo("rwx------");
        assertThat(nobodyData.resolve("demo/logs/stocklens.log")).isRegularFile();
        assertThat(Files.readString(shared.resolve("stocklens.log"))).isEqualTo("root's old log\n");
        System.out.printf("per-user logs: root's early log folder %s, nobody's %s (0700, owned by nobody); the old "
                        + "shared %s untouched; nobody's status --json: %d bytes, all JSON%n", dir.relativize(rootLogs),
                dir.relativize(nobodyEarly), dir.relativize(shared), secondOut.length());
    }

    /** {@code Launcher --data-dir DATA --demo status --json}; stderr goes to a file, stdout is returned. */
    private Process launch(Path tmp, String classPath, List<String> prefix, List<String> jvm, Path data)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx256m",
                "-Djava.io.tmpdir=" + tmp, "-cp", classPath));
        cmd.addAll(jvm);
        cmd.addAll(List.of(Launcher.class.getName(), "--data-dir", data.toString(), "--demo", "status", "--json"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(dir.resolve("stderr-" + data.getFileName()).toFile());
        pb.environment().remove("XDG_STATE_HOME");
        Process p = pb.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("the child did not finish");
        }
        return p;
    }

    private static String output(Process p) throws IOException {
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    /** This test's class path, linked (or copied) where another user can read it: root's own folders are 0700. */
    private static String readableClassPath(Path into) throws IOException {
        List<String> entries = new ArrayList<>();
        int n = 0;
        for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path from = Path.of(e);
            if (!Files.exists(from)) {
                continue;
            }
            Path to = into.resolve((n++) + "-" + from.getFileName());
            if (Files.isDirectory(from)) {
                FileTrees.copy(from, to);
            } else {
                try {
                    Files.createLink(to, from);
                } catch (IOException | UnsupportedOperationException crossDevice) {
                    Files.copy(from, to);
                }
            }
            entries.add(to.toString());
        }
        try (Stream<Path> all = Files.walk(into)) {
            for (Path p : all.toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x"
                        : "rw-r--r--"));
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static void run(Path cwd, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).as(String.join(" ", cmd)).isZero();
    }
}

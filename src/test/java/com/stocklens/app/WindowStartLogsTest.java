package com.stocklens.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20: a window start sets logging up once, for its workspace. JavaFX's first warning ("Unsupported JavaFX
 * configuration", logged while its toolkit starts) used to make logback read logback.xml before the first frame,
 * into this user's own log folder, and then again for the workspace: the start wrote a log outside its workspace.
 * Now java.util.logging is held until the workspace's log is set up, and nothing logs before: the user's folder
 * gets no log at all, and JavaFX's warning is in the workspace's. A real start of the jar's entry point (headless
 * toolkit) with the production logback.xml, until the demo's rows are on screen.
 */
class WindowStartLogsTest {
    @TempDir
    Path dir;

    @Test
    void aWindowStartLogsIntoItsWorkspaceOnlyAndKeepsJavaFxsWarning() throws Exception {
        Path state = dir.resolve("state");
        Path data = dir.resolve("data");
        Path marker = dir.resolve("marker.txt");
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1",
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Dlogback.configurationFile=" + Path.of("src/main/resources/logback.xml").toAbsolutePath(),
                "-Dstocklens.benchmark.startMarker=" + marker, "-Dstocklens.benchmark.exitWhenShown=true",
                "-cp", System.getProperty("java.class.path"), "com.stocklens.Launcher",
                "--demo", "--data-dir", data.toString(), "--lang", "en");
        pb.environment().put("XDG_STATE_HOME", state.toString());
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile());
        Process p = pb.start();
        boolean exited = p.waitFor(150, TimeUnit.SECONDS);
        if (!exited) {
            p.destroyForcibly().waitFor();
        }
        String out = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
        assertThat(exited).as("the window showed its rows and exited: %s", out).isTrue();
        assertThat(Files.readString(marker)).as(out).contains("rowsOnScreen=");

        Path userLogs = state.resolve("StockLens").resolve("logs");
        assertThat(logsIn(userLogs)).as("logs in the user's own folder").isEmpty();
        List<Path> workspaceLogs = logsIn(data.resolve("demo").resolve("logs"));
        assertThat(workspaceLogs).as("the workspace's log").isNotEmpty();
        String log = Files.readString(workspaceLogs.get(0), StandardCharsets.UTF_8);
        assertThat(log).contains("Unsupported JavaFX configuration").contains("window shown (demo mode");
        assertThat(log.indexOf("Unsupported JavaFX configuration")).as("held, then written in order")
                .isLessThan(log.indexOf("window shown (demo mode"));
    }

    private static List<Path> logsIn(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith("stocklens")).toList();
        }
    }
}

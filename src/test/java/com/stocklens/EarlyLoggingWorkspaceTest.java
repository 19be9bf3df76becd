package com.stocklens;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20: a window start sets logging up while it waits for its first frame, for the workspace its command line
 * names, but only when that workspace is certain without the parser: a start with nothing configured runs the
 * demo, which is the parser's to decide, and must not leave a log folder in a live workspace that does not exist.
 */
class EarlyLoggingWorkspaceTest {
    @TempDir
    Path dir;

    @Test
    void theDemoIsCertainWithDemo() {
        assertThat(StockLensApp.Opening.knownWorkspace(List.of("--demo", "--data-dir", dir.toString())))
                .isEqualTo(dir.resolve("demo"));
        assertThat(StockLensApp.Opening.knownWorkspace(List.of("--data-dir=" + dir, "--demo", "--lang", "zh")))
                .isEqualTo(dir.resolve("demo"));
    }

    @Test
    void theLiveWorkspaceOnlyOnceItsDatabaseExists() throws Exception {
        List<String> args = List.of("--data-dir", dir.toString());
        assertThat(StockLensApp.Opening.knownWorkspace(args)).as("nothing configured: maybe the demo").isNull();

        Files.createDirectories(dir.resolve("db"));
        Files.writeString(dir.resolve("db").resolve("stocklens.mv.db"), "");
        assertThat(StockLensApp.Opening.knownWorkspace(args)).isEqualTo(dir);
    }
}

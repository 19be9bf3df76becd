package com.stocklens.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The JVM options that keep the console free of the JDK's warnings reach every way StockLens starts: the jar
 * (its manifest, and {@link Bootstrap} for a JVM it starts), {@code mvn javafx:run} and the installers (issue 19).
 */
class LauncherOptionsTest {
    private static final Path PROJECT = Path.of(System.getProperty("basedir", "."));
    private static final String UNSAFE = "--sun-misc-unsafe-memory-access=allow";

    @Test
    void aRunOnAnotherJavaTakesThePersonsSystemPropertiesButNotTheOldJvmsOptions() {
        assertThat(Bootstrap.systemProperties(List.of("-Xmx512m", "-Dstocklens.startupTrace=true",
                "-XX:+UseParallelGC", "-Duser.language=zh", "--add-opens=java.base/java.lang=ALL-UNNAMED")))
                .containsExactly("-Dstocklens.startupTrace=true", "-Duser.language=zh");
        assertThat(Bootstrap.systemProperties(List.of())).isEmpty();
    }

    @Test
    void theAppsJvmGetsTheClassPathAsAbsolutePaths() {
        String sep = java.io.File.pathSeparator;
        Path here = Path.of("").toAbsolutePath();
        assertThat(Bootstrap.absolute("target/stocklens.jar" + sep + sep + "lib/../x.jar"))
                .isEqualTo(here.resolve("target/stocklens.jar") + sep + here.resolve("x.jar"));
        assertThat(Bootstrap.homeOf(Path.of("/opt/jdk-25/bin/java"))).isEqualTo(Path.of("/opt/jdk-25"));
    }

    @Test
    void aJdk24OrNewerGetsTheLauncherOptionsAnOlderOneNone() {
        assertThat(Bootstrap.launcherOptions(25)).startsWith("--enable-native-access=ALL-UNNAMED", UNSAFE)
                .contains("-XX:+UseCompactObjectHeaders", "-Xms128m", "-Xmx2g", "-XX:MaxHeapFreeRatio=30");
        // Compact headers are experimental on 24 (and have no class-data archive there): from 25 on only.
        assertThat(Bootstrap.launcherOptions(24)).contains(UNSAFE, "-Xmx2g")
                .doesNotContain("-XX:+UseCompactObjectHeaders").noneMatch(o -> o.startsWith("@"));
        assertThat(Bootstrap.launcherOptions(21)).isEmpty(); // 21 knows no --sun-misc-unsafe-memory-access
        assertThat(Bootstrap.launcherOptions(0)).isEmpty(); // unknown version: nothing it could refuse
    }

    @Test
    void theMemoryOptionsThePersonSetsReplaceTheLaunchersOfTheSameKind() {
        List<String> all = Bootstrap.launcherOptions(25);
        assertThat(Bootstrap.launcherOptions(25, List.of())).isEqualTo(all);
        assertThat(Bootstrap.launcherOptions(25, List.of("-Xmx4g", "-Dx=1")))
                .doesNotContain("-Xmx2g", "-Xms128m").contains("-XX:MaxHeapFreeRatio=30", UNSAFE);
        assertThat(Bootstrap.launcherOptions(25, List.of("-XX:MaxRAMPercentage=50"))).doesNotContain("-Xmx2g");
        // A minimum free ratio above the launcher's maximum would stop the JVM: both of ours go.
        assertThat(Bootstrap.launcherOptions(25, List.of("-XX:MinHeapFreeRatio=40")))
                .noneMatch(o -> o.contains("HeapFreeRatio"));
        assertThat(Bootstrap.launcherOptions(25, List.of("-XX:+UseZGC")))
                .doesNotContain("-XX:G1PeriodicGCInterval=60000", "-XX:GCTimeRatio=4").contains("-Xmx2g");
        // Another collector reads GCTimeRatio its own way (Parallel's default is 99): the person's goal replaces ours.
        assertThat(Bootstrap.launcherOptions(25, List.of("-XX:GCTimeRatio=19"))).doesNotContain("-XX:GCTimeRatio=4");
        assertThat(Bootstrap.launcherOptions(25, List.of("-XX:-UseCompactObjectHeaders")))
                .doesNotContain("-XX:+UseCompactObjectHeaders");
        // The JDK's two compilers back for a person who asks for them (or turns tiering off their own way).
        assertThat(all).contains("-XX:TieredStopAtLevel=1");
        assertThat(Bootstrap.launcherOptions(25, List.of("-XX:TieredStopAtLevel=4")))
                .doesNotContain("-XX:TieredStopAtLevel=1").contains("-Xmx2g");
        assertThat(Bootstrap.launcherOptions(25, List.of("-XX:-TieredCompilation")))
                .doesNotContain("-XX:TieredStopAtLevel=1");
        assertThat(Bootstrap.kind("-Dstocklens.startupTrace=true")).isNull();
        assertThat(Bootstrap.kind("--add-opens")).isNull();
    }

    @Test
    void aCommandLineRunIsNeverStartedTwice() throws Exception {
        // This test JVM runs with the options already (surefire's argLine): nothing to restart for.
        assertThat(Bootstrap.restartQuietly(25, new String[] {"--demo"})).isFalse();
        // A JDK before 24 never warns.
        assertThat(Bootstrap.restartQuietly(21, new String[] {"--demo"})).isFalse();
    }

    @Test
    void theJarsManifestAllowsNativeAccess() throws IOException {
        String pom = Files.readString(PROJECT.resolve("pom.xml"), StandardCharsets.UTF_8);
        assertThat(pom).contains("<Enable-Native-Access>ALL-UNNAMED</Enable-Native-Access>");
    }

    @Test
    void tooOldAJavaIsToldInThePersonsLanguageFirstAndOnlyAWindowStartGetsABox() {
        assertThat(Bootstrap.tooOld(17, java.util.Locale.SIMPLIFIED_CHINESE))
                .startsWith("StockLens 需要 Java 21 或更高版本，当前为 Java 17。")
                .contains("\nStockLens needs Java 21 or newer, and this is Java 17.");
        assertThat(Bootstrap.tooOld(17, java.util.Locale.ENGLISH)).startsWith("StockLens needs Java 21 or newer")
                .contains("STOCKLENS_JAVA");
        assertThat(Bootstrap.doubleClicked(new String[0])).isTrue();
        assertThat(Bootstrap.doubleClicked(new String[] {"/home/a/Week 49.StockLens"})).isTrue();
        assertThat(Bootstrap.doubleClicked(new String[] {"stock", "--json"})).as("a command: no box").isFalse();
        assertThat(Bootstrap.doubleClicked(new String[] {"--demo"})).as("typed in a terminal").isFalse();
    }

    @Test
    void javafxRunAndTheInstallersCarryTheSameOptions() throws IOException {
        String pom = Files.readString(PROJECT.resolve("pom.xml"), StandardCharsets.UTF_8);
        List<String> javafxRun = all(Pattern.compile("<option>([^<]+)</option>"), pom);
        String appArgs = Files.readString(PROJECT.resolve("packaging/jpackage/app.args"), StandardCharsets.UTF_8);
        List<String> installers = all(Pattern.compile("--java-options\\s+(\\S+)"), appArgs);
        for (List<String> options : List.of(javafxRun, installers)) {
            // JavaFX is a module there: native access for javafx.graphics as well as the class path.
            assertThat(options).contains(UNSAFE, "--enable-native-access=ALL-UNNAMED,javafx.graphics");
        }
        for (String option : Bootstrap.launcherOptions(25)) {
            assertThat(javafxRun).anyMatch(o -> o.startsWith(option));
            assertThat(installers).anyMatch(o -> o.startsWith(option));
        }
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}

package com.stocklens.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar start's own AOT cache: when a window records, uses or leaves it, its key, its creation (issue 20). */
class AotCacheTest {
    private static final Path JDK = Path.of(System.getProperty("java.home"));
    private static final List<String> OPTIONS = List.of("-Xmx2g", "-XX:TieredStopAtLevel=1");

    @TempDir
    Path dir;

    private Path cacheDir() {
        return dir.resolve("cache");
    }

    /** A jar in {@code dir} whose manifest names {@code lib/dep.jar} (present) on its class path. */
    private Path jarWithLib() throws IOException {
        Files.createDirectories(dir.resolve("lib"));
        Files.writeString(dir.resolve("lib").resolve("dep.jar"), "not really a jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, "lib/dep.jar");
        Path jar = dir.resolve("app.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry("readme.txt"));
            out.write("x".getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }

    private AotCache plan(int version, List<String> options, String classPath, boolean window) {
        return AotCache.plan(version, JDK, options, classPath, window, cacheDir());
    }

    @Test
    void onlyAWindowOnJdk25OrNewerWithoutAnArchiveOfThePersonsOwn() throws IOException {
        String jar = jarWithLib().toString();
        assertThat(plan(25, OPTIONS, jar, false).mode()).as("a command").isEqualTo(AotCache.Mode.OFF);
        assertThat(plan(24, OPTIONS, jar, true).mode()).as("JDK 24").isEqualTo(AotCache.Mode.OFF);
        assertThat(plan(25, OPTIONS, jar, true).mode()).isEqualTo(AotCache.Mode.RECORD);
        for (String theirs : List.of("-XX:AOTCache=/x.aot", "-XX:AOTMode=off", "-XX:SharedArchiveFile=/x.jsa",
                "-XX:+AutoCreateSharedArchive", "-Xshare:off", "-XX:ArchiveClassesAtExit=/x.jsa")) {
            List<String> options = new ArrayList<>(OPTIONS);
            options.add(theirs);
            assertThat(plan(25, options, jar, true).mode()).as(theirs).isEqualTo(AotCache.Mode.OFF);
        }
        System.setProperty(AotCache.PROPERTY, "false");
        try {
            assertThat(plan(25, OPTIONS, jar, true).mode()).as("-Dstocklens.aotCache=false").isEqualTo(AotCache.Mode.OFF);
        } finally {
            System.clearProperty(AotCache.PROPERTY);
        }
        assertThat(AotCache.plan(25, JDK, OPTIONS, jar, true, null).mode()).as("no cache folder")
                .isEqualTo(AotCache.Mode.OFF);
        assertThat(AotCache.off().options()).isEmpty();
    }

    @Test
    void theFirstWindowRecordsQuietlyAndLaterOnesUseTheCacheMadeForTheirKey() throws IOException {
        String jar = jarWithLib().toString();
        AotCache first = plan(25, OPTIONS, jar, true);
        assertThat(first.config().getParent()).isEqualTo(cacheDir());
        assertThat(first.config().getFileName().toString()).endsWith("-" + ProcessHandle.current().pid() + ".aotconf");
        assertThat(first.options()).containsExactly("-Xlog:aot*=off", "-Xlog:cds*=off",
                "-XX:+UnlockDiagnosticVMOptions", "-XX:-DisplayVMOutput", "-XX:AOTMode=record",
                "-XX:AOTConfiguration=" + first.config());

        Files.writeString(first.cache(), "made");
        AotCache later = plan(25, OPTIONS, jar, true);
        assertThat(later.mode()).isEqualTo(AotCache.Mode.USE);
        assertThat(later.options()).containsExactly("-Xlog:aot*=off", "-Xlog:cds*=off", "-XX:AOTCache=" + first.cache());
        assertThat(later.config()).isNull();
        // A system property is no part of what the cache holds: the same key.
        List<String> withProperty = new ArrayList<>(OPTIONS);
        withProperty.add("-Dstocklens.startupTrace=true");
        assertThat(plan(25, withProperty, jar, true).cache()).isEqualTo(first.cache());
    }

    @Test
    void aWindowStartedWhileAnotherRecordsOrItsCacheIsBeingCreatedNeitherRecordsNorWaits() throws IOException {
        String jar = jarWithLib().toString();
        AotCache recording = plan(25, OPTIONS, jar, true);
        Path recorded = recording.config().resolveSibling(
                recording.config().getFileName().toString().replace("-" + ProcessHandle.current().pid() + ".", "-1."));
        Files.writeString(recorded, "recorded by a window that has closed");
        assertThat(plan(25, OPTIONS, jar, true).mode()).isEqualTo(AotCache.Mode.OFF);
        assertThat(plan(25, List.of("-Xmx1g"), jar, true).mode()).as("another key").isEqualTo(AotCache.Mode.RECORD);
        // A recording whose creation never came (the launcher was stopped with its window) goes after the
        // creation's time limit, and the next window records again.
        Files.setLastModifiedTime(recorded, FileTime.from(java.time.Instant.now().minus(AotCache.CREATE_LIMIT)
                .minusSeconds(60)));
        assertThat(plan(25, OPTIONS, jar, true).mode()).isEqualTo(AotCache.Mode.RECORD);
        assertThat(recorded).doesNotExist();
        // An empty one (a window recording now, for hours) stays, up to a day.
        Files.writeString(recorded, "");
        Files.setLastModifiedTime(recorded, FileTime.from(java.time.Instant.now().minusSeconds(3 * 3600)));
        assertThat(plan(25, OPTIONS, jar, true).mode()).isEqualTo(AotCache.Mode.OFF);
        Files.setLastModifiedTime(recorded, FileTime.from(java.time.Instant.now().minus(AotCache.LEFT_OVER)
                .minusSeconds(60)));
        assertThat(plan(25, OPTIONS, jar, true).mode()).isEqualTo(AotCache.Mode.RECORD);
        // An empty one whose launcher has gone (the window killed, e.g. by the session's end) goes at once.
        Path killed = recording.config().resolveSibling(recording.config().getFileName().toString()
                .replace("-" + ProcessHandle.current().pid() + ".", "-" + Long.MAX_VALUE + "."));
        Files.writeString(killed, "");
        assertThat(AotCache.launcherAlive(killed)).isFalse();
        assertThat(AotCache.launcherAlive(recorded)).as("pid 1").isTrue();
        assertThat(plan(25, OPTIONS, jar, true).mode()).isEqualTo(AotCache.Mode.RECORD);
        assertThat(killed).doesNotExist();
    }

    @Test
    void aRebuiltJarOrLibraryAnotherOptionOrJdkIsAnotherKey() throws IOException {
        Path jar = jarWithLib();
        String key = AotCache.key(JDK, OPTIONS, jar.toString());
        assertThat(AotCache.key(JDK, OPTIONS, jar.toString())).isEqualTo(key).hasSize(24);
        assertThat(AotCache.key(JDK, List.of("-Xmx1g", "-XX:TieredStopAtLevel=1"), jar.toString())).isNotEqualTo(key);
        assertThat(AotCache.key(dir, OPTIONS, jar.toString())).as("another JDK").isNotEqualTo(key);
        Path dep = dir.resolve("lib").resolve("dep.jar");
        assertThat(AotCache.classPathFiles(jar.toString())).containsExactly(jar.toAbsolutePath().normalize(),
                dep.toAbsolutePath().normalize());
        Files.setLastModifiedTime(dep, FileTime.fromMillis(Files.getLastModifiedTime(dep).toMillis() - 60_000));
        String afterLib = AotCache.key(JDK, OPTIONS, jar.toString());
        assertThat(afterLib).as("the manifest's library rebuilt").isNotEqualTo(key);
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 60_000));
        assertThat(AotCache.key(JDK, OPTIONS, jar.toString())).as("the jar rebuilt").isNotEqualTo(afterLib);
    }

    @Test
    void aWindowThatDidNotCloseNormallyLeavesNoRecordingAndStartsNoCreation() throws IOException {
        AotCache recording = plan(25, OPTIONS, jarWithLib().toString(), true);
        Files.writeString(recording.config(), "recorded");
        assertThat(recording.afterExit(1, JDK.resolve("bin").resolve("java").toString(), OPTIONS, "x.jar")).isNull();
        assertThat(recording.config()).doesNotExist();
        // No recording at all (the JVM was killed before it could write one): nothing either.
        assertThat(recording.afterExit(0, "java", OPTIONS, "x.jar")).isNull();
        assertThat(AotCache.off().afterExit(0, "java", OPTIONS, "x.jar")).isNull();
    }

    @Test
    void aCreationThatFailsIsNotTriedAgainUntilItsMarkerIsGone() throws IOException {
        String jar = jarWithLib().toString();
        AotCache recording = plan(25, OPTIONS, jar, true);
        Files.writeString(recording.config(), "not a recording");
        String java = JDK.resolve("bin").resolve("java").toString();
        assertThat(AotCache.create(recording.config(), recording.cache(), java, jar, OPTIONS)).isFalse();
        assertThat(recording.config()).doesNotExist();
        assertThat(recording.cache()).doesNotExist();
        try (var left = Files.list(cacheDir())) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .containsExactly(recording.cache().getFileName() + ".failed");
        }
        assertThat(plan(25, OPTIONS, jar, true).mode()).isEqualTo(AotCache.Mode.OFF);
        Files.delete(cacheDir().resolve(recording.cache().getFileName() + ".failed"));
        assertThat(plan(25, OPTIONS, jar, true).mode()).isEqualTo(AotCache.Mode.RECORD);
    }

    /** A real JDK 25 round: a recorded run prints only its own output, the creation puts the cache in place. */
    @Test
    void aRecordedRunPrintsOnlyItsOwnOutputAndItsCacheIsCreatedForTheNextRun() throws Exception {
        assumeTrue(Runtime.version().feature() >= AotCache.FROM, "needs JDK 25");
        Path src = dir.resolve("Hello.java");
        Files.writeString(src, "public class Hello { public static void main(String[] a) { "
                + "System.out.println(\"hello \" + java.util.List.of(1, 2).size()); } }");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                src.toString())).isZero();
        Path jar = dir.resolve("hello.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("Hello.class"));
            out.write(Files.readAllBytes(classes.resolve("Hello.class")));
        }
        String java = JDK.resolve("bin").resolve("java").toString();
        String classPath = jar.toAbsolutePath().toString();
        List<String> options = List.of("-Xmx256m");
        AotCache recording = AotCache.plan(25, JDK, options, classPath, true, cacheDir());
        assertThat(recording.mode()).isEqualTo(AotCache.Mode.RECORD);
        assertThat(run(java, options, recording.options(), classPath)).isEqualTo("hello 2\n");
        assertThat(recording.config()).isNotEmptyFile();

        Process creation = recording.afterExit(0, java, options, classPath);
        assertThat(creation).isNotNull();
        assertThat(creation.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(creation.exitValue()).isZero();
        assertThat(recording.cache()).isNotEmptyFile();
        assertThat(recording.config()).doesNotExist();

        AotCache later = AotCache.plan(25, JDK, options, classPath, true, cacheDir());
        assertThat(later.mode()).isEqualTo(AotCache.Mode.USE);
        assertThat(run(java, options, later.options(), classPath)).isEqualTo("hello 2\n");
        // A cache the JDK refuses (other options than it was made with) is left aside without a word.
        List<String> other = List.of("-Xmx256m", "-XX:-UseCompressedOops");
        assertThat(run(java, other, later.options(), classPath)).isEqualTo("hello 2\n");
    }

    /** Runs Hello; its stdout and stderr together. */
    private String run(String java, List<String> options, List<String> aot, String classPath) throws Exception {
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(options);
        command.addAll(aot);
        command.addAll(List.of("-cp", classPath, "Hello"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (OutputStream in = process.getOutputStream()) {
            in.flush();
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }
}

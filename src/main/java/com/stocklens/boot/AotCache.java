package com.stocklens.boot;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The JDK 25 AOT cache of a window started from the jar (issue 20): the classes a start loads and links,
 * read from one file instead of parsed, verified and linked anew. 100,000 kept rows were on screen in about
 * two thirds of the time with it (BENCHMARKS.md, fourteenth run). The installers ship a cache made when they
 * are built; a jar cannot, since the cache must match its JDK and the jars as they lie on this machine, so
 * {@link Bootstrap} makes one from the person's own first window:
 *
 * <ol>
 *   <li>no cache for this JDK, these jars and these JVM options: the window runs recording
 *       ({@code -XX:AOTMode=record}), and the JDK writes what it loaded when the window closes;</li>
 *   <li>that window closed normally: a process of its own ({@link #main}) creates the cache from the recording
 *       ({@code -XX:AOTMode=create}, a few seconds), under a temporary name moved into place when complete,
 *       while the console the person started from is already free;</li>
 *   <li>every later window starts with the cache ({@code -XX:AOTCache}).</li>
 * </ol>
 *
 * The key of a cache is a digest of the JDK (its home and its module image's size and time), every jar of the
 * class path (with the jar's manifest {@code Class-Path}) by path, size and time, and the JVM options: a rebuilt
 * jar, an updated JDK or another option gets a cache of its own, and the newest cache replaces the others. The
 * JDK's own messages about the cache stay off the console. Off for commands, before JDK 25, when the person
 * gives an AOT or class-data option of their own, with {@code -Dstocklens.aotCache=false}, and for a key whose
 * creation failed once ({@code .failed} beside it), and for a window started while another records or the cache
 * is being created. Files live in the user's cache folder ({@link #defaultDir}).
 */
final class AotCache {
    /** The first JDK whose AOT cache the app uses (JEP 483's cache, with JEP 515's method profiles). */
    static final int FROM = 25;
    /** {@code -Dstocklens.aotCache=false} keeps the jar's windows from recording or using a cache. */
    static final String PROPERTY = "stocklens.aotCache";
    /** Longest the creation may take before it is given up (it took 5-10 s on a 2-core machine). */
    static final Duration CREATE_LIMIT = Duration.ofMinutes(10);
    /** An empty recording (its window never closed normally) or a half-made cache older than this is deleted. */
    static final Duration LEFT_OVER = Duration.ofDays(1);
    /** The JDK's messages about AOT and class-data sharing go nowhere: the console stays the person's. */
    static final List<String> QUIET = List.of("-Xlog:aot*=off", "-Xlog:cds*=off");
    private static final String PREFIX = "stocklens-";

    /** What a window run does with the cache. */
    enum Mode { OFF, RECORD, USE }

    private final Mode mode;
    private final Path cache;
    private final Path config;

    private AotCache(Mode mode, Path cache, Path config) {
        this.mode = mode;
        this.cache = cache;
        this.config = config;
    }

    /** No cache: the run is left as it is. */
    static AotCache off() {
        return new AotCache(Mode.OFF, null, null);
    }

    /**
     * What a run of the JDK of feature version {@code version} in {@code javaHome}, with {@code jvmOptions} and
     * {@code classPath}, does with the cache in {@code dir}: use the one made for them, record for one, or
     * nothing ({@code window}: whether the run opens the window; only windows record or use a cache).
     */
    static AotCache plan(int version, Path javaHome, List<String> jvmOptions, String classPath, boolean window,
                         Path dir) {
        if (!window || version < FROM || "false".equalsIgnoreCase(System.getProperty(PROPERTY))
                || jvmOptions.stream().anyMatch(AotCache::isTheirs) || dir == null) {
            return off();
        }
        try {
            Files.createDirectories(dir);
            removeLeftOvers(dir);
            String key = key(javaHome, jvmOptions, classPath);
            Path cache = dir.resolve(PREFIX + key + ".aot");
            if (Files.isRegularFile(cache)) {
                return new AotCache(Mode.USE, cache, null);
            }
            if (Files.exists(failedMarker(cache)) || !Files.isWritable(dir) || creating(dir, key)) {
                return off();
            }
            return new AotCache(Mode.RECORD, cache,
                    dir.resolve(PREFIX + key + "-" + ProcessHandle.current().pid() + ".aotconf"));
        } catch (IOException | RuntimeException e) {
            return off(); // no cache folder: the window starts as it would without one
        }
    }

    Mode mode() {
        return mode;
    }

    /** The cache this run uses or records for (null when off). */
    Path cache() {
        return cache;
    }

    /** The recording this run writes when it ends (null unless recording). */
    Path config() {
        return config;
    }

    /** The JVM options that carry out the plan. */
    List<String> options() {
        List<String> options = new ArrayList<>();
        switch (mode) {
            case USE -> {
                options.addAll(QUIET);
                options.add("-XX:AOTCache=" + cache);
            }
            case RECORD -> {
                options.addAll(QUIET);
                // At its exit the recording JVM says "AOTConfiguration recorded: <file>" on stdout, outside the
                // logging the two options above turn off; this keeps it (and only the VM's own lines) off too.
                options.add("-XX:+UnlockDiagnosticVMOptions");
                options.add("-XX:-DisplayVMOutput");
                options.add("-XX:AOTMode=record");
                options.add("-XX:AOTConfiguration=" + config);
            }
            case OFF -> { }
        }
        return options;
    }

    /**
     * The recorded window ended with {@code exitCode}: after a normal close, starts the cache's creation in a
     * process of its own (the JDK {@code java}, the same {@code jvmOptions} and {@code classPath}) and returns
     * it; else drops the recording and returns null. Nothing to do unless recording.
     */
    Process afterExit(int exitCode, String java, List<String> jvmOptions, String classPath) {
        if (mode != Mode.RECORD) {
            return null;
        }
        try {
            if (exitCode != 0 || !Files.isRegularFile(config) || Files.size(config) == 0) {
                Files.deleteIfExists(config);
                return null;
            }
            // This class in a JVM of its own, from the class path it runs from now (the jar).
            List<String> command = new ArrayList<>(List.of(java, "-cp",
                    Bootstrap.absolute(System.getProperty("java.class.path")), AotCache.class.getName(),
                    config.toString(), cache.toString(), java, classPath));
            command.addAll(jvmOptions);
            File nowhere = new File(isWindows() ? "NUL" : "/dev/null");
            return new ProcessBuilder(command).redirectInput(nowhere).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(config);
            } catch (IOException ignored) {
                // a recording left behind is removed by a later start (LEFT_OVER)
            }
            return null;
        }
    }

    /**
     * The creation, in a process of its own: {@code config cache java classPath jvmOptions...}. Exits 0 when the
     * cache is in place, 1 when not (then a {@code .failed} marker keeps later windows from recording again).
     */
    public static void main(String[] args) {
        if (args.length < 4) {
            System.exit(2);
            return;
        }
        boolean made = create(Path.of(args[0]), Path.of(args[1]), args[2], args[3],
                List.of(args).subList(4, args.length));
        System.exit(made ? 0 : 1);
    }

    /**
     * Creates {@code cache} from the recording {@code config} with {@code java}, the recorded run's
     * {@code jvmOptions} and {@code classPath}; written under a temporary name and moved into place whole, so a
     * window starting meanwhile never maps half a file. The recording is deleted either way; so are the caches
     * of other keys once this one is in place. True when it is.
     */
    static boolean create(Path config, Path cache, String java, String classPath, List<String> jvmOptions) {
        Path temporary = cache.resolveSibling(cache.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        boolean made = false;
        try {
            List<String> command = new ArrayList<>(List.of(java));
            command.addAll(jvmOptions);
            command.addAll(QUIET);
            command.addAll(List.of("-XX:AOTMode=create", "-XX:AOTConfiguration=" + config,
                    "-XX:AOTCache=" + temporary, "-cp", classPath));
            Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            process.getOutputStream().close();
            if (!process.waitFor(CREATE_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            } else if (process.exitValue() == 0 && Files.isRegularFile(temporary) && Files.size(temporary) > 0) {
                Files.move(temporary, cache, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                made = true;
                removeOtherCaches(cache);
            }
        } catch (IOException e) {
            made = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            deleteQuietly(temporary);
            deleteQuietly(config);
            if (!made) {
                try {
                    Files.writeString(failedMarker(cache), "the AOT cache could not be created at " + Instant.now()
                            + "; delete this file to try again\n", StandardCharsets.UTF_8);
                } catch (IOException ignored) {
                    // no marker: the next window records again
                }
            }
        }
        return made;
    }

    /** Options through which the person chose an AOT cache or class-data archive of their own. */
    static boolean isTheirs(String option) {
        return option.startsWith("-XX:AOT") || option.startsWith("-XX:SharedArchiveFile")
                || option.startsWith("-XX:+AutoCreateSharedArchive") || option.startsWith("-XX:ArchiveClassesAtExit")
                || option.startsWith("-Xshare");
    }

    /**
     * The digest naming the cache of a run: the JDK, the JVM options other than system properties (which the
     * cache does not depend on) and every jar of {@code classPath} with the jars its manifest names.
     */
    static String key(Path javaHome, List<String> jvmOptions, String classPath) throws IOException {
        StringBuilder what = new StringBuilder();
        Path home = javaHome.toAbsolutePath().normalize();
        what.append("jdk ").append(home).append(' ').append(stamp(home.resolve("lib").resolve("modules"))).append('\n');
        for (String option : jvmOptions) {
            if (!option.startsWith("-D")) {
                what.append("option ").append(option).append('\n');
            }
        }
        for (Path entry : classPathFiles(classPath)) {
            what.append("class path ").append(entry).append(' ').append(stamp(entry)).append('\n');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(what.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The entries of {@code classPath} and, for each jar, those its manifest's {@code Class-Path} names. */
    static List<Path> classPathFiles(String classPath) {
        List<Path> files = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path path = Path.of(entry).toAbsolutePath().normalize();
            files.add(path);
            if (!entry.toLowerCase(Locale.ROOT).endsWith(".jar") || !Files.isRegularFile(path)) {
                continue;
            }
            try (JarFile jar = new JarFile(path.toFile())) {
                Manifest manifest = jar.getManifest();
                String listed = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
                if (listed != null) {
                    for (String named : listed.trim().split("\\s+")) {
                        if (!named.isEmpty()) {
                            files.add(path.resolveSibling(named).normalize());
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                // an unreadable manifest: the jar's own size and time still key it
            }
        }
        return files;
    }

    /**
     * The user's cache folder for StockLens's AOT caches: {@code %LOCALAPPDATA%\StockLens\cache\aot} on Windows,
     * {@code ~/Library/Caches/StockLens/aot} on macOS, {@code $XDG_CACHE_HOME/stocklens/aot} (else
     * {@code ~/.cache/stocklens/aot}) elsewhere; null when there is no home folder to put it in.
     */
    static Path defaultDir() {
        String home = System.getProperty("user.home");
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String local = System.getenv("LOCALAPPDATA");
            if (local != null && !local.isBlank()) {
                return Path.of(local, "StockLens", "cache", "aot");
            }
            return home == null ? null : Path.of(home, "AppData", "Local", "StockLens", "cache", "aot");
        }
        if (os.contains("mac")) {
            return home == null ? null : Path.of(home, "Library", "Caches", "StockLens", "aot");
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "stocklens", "aot");
        }
        return home == null || home.isBlank() ? null : Path.of(home, ".cache", "stocklens", "aot");
    }

    /**
     * Whether a recording for {@code key} is on disk: a window recording now, or one that closed moments ago whose
     * cache is being created from it (the creation deletes it either way). A window started meanwhile neither
     * waits nor records as well.
     */
    private static boolean creating(Path dir, String key) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, PREFIX + key + "-*.aotconf")) {
            return files.iterator().hasNext();
        }
    }

    private static Path failedMarker(Path cache) {
        return cache.resolveSibling(cache.getFileName() + ".failed");
    }

    private static String stamp(Path file) {
        try {
            return Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return "missing";
        }
    }

    /**
     * What runs that never finished left behind: a recording written at a window's close whose creation never
     * came (the launcher stopped with the window, e.g. by Ctrl+C) once older than {@link #CREATE_LIMIT}; a
     * recording still empty (the JDK creates it when a recording window starts and fills it at its close) once the
     * launcher named in it has gone (the window was killed or crashed) or it is older than {@link #LEFT_OVER};
     * a half-made cache once older than {@link #LEFT_OVER}.
     */
    private static void removeLeftOvers(Path dir) throws IOException {
        Instant now = Instant.now();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, PREFIX + "*.{aotconf,tmp}")) {
            for (Path file : files) {
                try {
                    Instant changed = Files.getLastModifiedTime(file).toInstant();
                    boolean recording = file.toString().endsWith(".aotconf");
                    boolean written = recording && Files.size(file) > 0;
                    boolean orphaned = recording && !written && !launcherAlive(file);
                    if (orphaned || changed.isBefore(now.minus(written ? CREATE_LIMIT : LEFT_OVER))) {
                        Files.deleteIfExists(file);
                    }
                } catch (IOException ignored) {
                    // in use or gone: a later start tries again
                }
            }
        }
    }

    /** Whether the launcher whose process id ends the recording's name ({@code -<pid>.aotconf}) still runs. */
    static boolean launcherAlive(Path recording) {
        String name = recording.getFileName().toString();
        int dash = name.lastIndexOf('-');
        int dot = name.lastIndexOf('.');
        try {
            return dash >= 0 && dot > dash && ProcessHandle.of(Long.parseLong(name.substring(dash + 1, dot)))
                    .map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The caches of other keys (an older jar or JDK): the newest one replaces them. */
    private static void removeOtherCaches(Path kept) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(kept.getParent(), PREFIX + "*.{aot,aot.failed}")) {
            for (Path file : files) {
                if (!file.getFileName().equals(kept.getFileName())) {
                    deleteQuietly(file);
                }
            }
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a file in use (Windows) goes with a later start's clean-up
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
    }
}

package com.stocklens.boot;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The jar's entry point, compiled for Java 17 so that {@code java -jar stocklens.jar} works where the
 * default {@code java} is older than the app's Java 21: it hands over to {@code Launcher} when the
 * running JVM is new enough, else re-runs the same class path on the newest installed JDK ≥ 21.
 *
 * <p>A JVM it starts gets the options of {@code launcher.options} (beside this class) when it is a JDK 24 or
 * newer. A window started on a JDK 24+ without them (plain {@code java -jar}) is started again with them, once:
 * JavaFX 21's renderer would otherwise print the JDK's {@code sun.misc.Unsafe} warning on the console, and no
 * manifest entry can allow that (native access is allowed by the manifest's {@code Enable-Native-Access}). A
 * command-line run needs neither and is never started twice. A window on a JDK 25 or newer also records,
 * or starts from, the jar's own AOT cache ({@link AotCache}); once the window has closed, a recording becomes
 * the cache in a process of its own.
 */
public final class Bootstrap {
    static final int REQUIRED = 21;
    /** From this JDK on, the JDK warns about native access and Unsafe, and launcher.options are understood. */
    static final int QUIET_OPTIONS_FROM = 24;
    /** Set on a JVM this class started, so it never starts another. */
    static final String STARTED_PROPERTY = "stocklens.bootstrapped";
    private static final Pattern RELEASE_VERSION = Pattern.compile("JAVA_VERSION=\"(\\d+)");
    /** A launcher.options line for JDK N and newer only: {@code @N option}. */
    private static final Pattern FROM_VERSION = Pattern.compile("@(\\d+)\\s+(\\S+)");

    private Bootstrap() {
    }

    public static void main(String[] args) throws Exception {
        int running = Runtime.version().feature();
        if (running >= REQUIRED && !restartQuietly(running, args)) {
            Class.forName("com.stocklens.Launcher").getMethod("main", String[].class).invoke(null, (Object) args);
            return;
        }
        List<String> command = new ArrayList<>();
        List<String> options;
        Path java;
        int version;
        boolean window;
        if (running >= REQUIRED) {
            java = Path.of(System.getProperty("java.home"), "bin", isWindows() ? "java.exe" : "java");
            version = running;
            window = true; // restartQuietly: only a window is started again
            // The person's own options (command line, JDK_JAVA_OPTIONS, JAVA_TOOL_OPTIONS; on every OS) win:
            // a launcher option of a kind they set is left out, and theirs come last.
            List<String> own = ManagementFactory.getRuntimeMXBean().getInputArguments();
            options = new ArrayList<>(launcherOptions(running, own));
            options.addAll(own);
        } else {
            java = findJava();
            if (java == null) {
                tellTooOld(tooOld(Runtime.version().feature(), Locale.getDefault()), doubleClicked(args));
                System.exit(1);
                return;
            }
            Path home = homeOf(java);
            version = home == null ? 0 : versionOf(home);
            window = WindowArgs.opensWindow(args, (name, value) -> !value.isBlank());
            // The person's system properties go across too (e.g. -Dstocklens.startupTrace=true), last so they win;
            // an option of this older JVM may not exist on the newer one, so those stay behind.
            List<String> own = systemProperties(ManagementFactory.getRuntimeMXBean().getInputArguments());
            options = new ArrayList<>(launcherOptions(version, own));
            options.addAll(own);
        }
        String classPath = absolute(System.getProperty("java.class.path"));
        Path javaHome = homeOf(java);
        AotCache aot = javaHome == null ? AotCache.off()
                : AotCache.plan(version, javaHome, options, classPath, window, AotCache.defaultDir());
        command.add(java.toString());
        command.addAll(options);
        command.addAll(aot.options());
        command.add("-D" + STARTED_PROPERTY + "=true");
        command.add("-cp");
        command.add(classPath);
        command.add("com.stocklens.Launcher");
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).inheritIO().start();
        // A stop sent to this launcher (SIGTERM from systemd, Ctrl+C) goes on to the app, which stops
        // cleanly (`serve` releases its leases); this JVM then exits with the app's code, not 143.
        Thread forward = new Thread(() -> {
            if (!process.isAlive()) {
                return;
            }
            process.destroy();
            try {
                if (process.waitFor(60, TimeUnit.SECONDS)) {
                    Runtime.getRuntime().halt(process.exitValue());
                }
                process.destroyForcibly();
            } catch (InterruptedException e) {
                process.destroyForcibly();
            }
        }, "stocklens-forward-stop");
        Runtime.getRuntime().addShutdownHook(forward);
        int code = process.waitFor();
        try {
            Runtime.getRuntime().removeShutdownHook(forward);
        } catch (IllegalStateException shuttingDown) {
            return; // the hook is forwarding a stop and exits with the app's code
        }
        aot.afterExit(code, java.toString(), options, classPath);
        System.exit(code);
    }

    /**
     * True when this JVM (a JDK 24+ started without launcher.options, and not by this class) is about to open
     * the window: it is started again with the options rather than let the JDK warn on the console.
     */
    static boolean restartQuietly(int running, String[] args) throws ReflectiveOperationException {
        if (running < QUIET_OPTIONS_FROM || Boolean.getBoolean(STARTED_PROPERTY)
                || System.getProperty("sun.misc.unsafe.memory.access") != null || launcherOptions(running).isEmpty()) {
            return false;
        }
        Method opensWindow = Class.forName("com.stocklens.Launcher").getDeclaredMethod("opensWindow", String[].class);
        opensWindow.setAccessible(true);
        return (Boolean) opensWindow.invoke(null, (Object) args);
    }

    /** What to do when no JDK new enough is found, in the person's language (Chinese first, else English). */
    static String tooOld(int running, Locale locale) {
        String english = "StockLens needs Java " + REQUIRED + " or newer, and this is Java " + running
                + ". Install a JDK " + REQUIRED + "+ (for example Temurin 25), or set STOCKLENS_JAVA to its bin/java.";
        String chinese = "StockLens 需要 Java " + REQUIRED + " 或更高版本，当前为 Java " + running + "。请安装 JDK "
                + REQUIRED + " 或更高版本（例如 Temurin 25），或将 STOCKLENS_JAVA 设为其 bin/java。";
        return "zh".equals(locale.getLanguage()) ? chinese + "\n" + english : english + "\n" + chinese;
    }

    /**
     * Says {@code message} on stderr (a start from a terminal reads it there, before logging exists) and, for a
     * window start with no terminal to read it (a double-clicked jar), in a message box as well; never a box for
     * a command, which a script may run.
     */
    private static void tellTooOld(String message, boolean doubleClicked) {
        System.err.println(message);
        if (doubleClicked && System.console() == null && !java.awt.GraphicsEnvironment.isHeadless()) {
            try {
                javax.swing.JOptionPane.showMessageDialog(null, message, "StockLens",
                        javax.swing.JOptionPane.ERROR_MESSAGE);
            } catch (RuntimeException | Error e) {
                // no display after all: stderr has it
            }
        }
    }

    /**
     * {@code classPath} with each entry made absolute: the app's JVM then names the same files wherever it is
     * started from, as its AOT cache requires ({@link AotCache}).
     */
    static String absolute(String classPath) {
        List<String> entries = new ArrayList<>();
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            if (!entry.isEmpty()) {
                entries.add(Path.of(entry).toAbsolutePath().normalize().toString());
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    /** The {@code -Dname=value} arguments of {@code jvmArguments}, in order. */
    static List<String> systemProperties(List<String> jvmArguments) {
        List<String> properties = new ArrayList<>();
        for (String argument : jvmArguments) {
            if (argument.startsWith("-D")) {
                properties.add(argument);
            }
        }
        return properties;
    }

    /** Whether {@code args} are a double-click's: none (the jar), or only the snapshot file opened with it. */
    static boolean doubleClicked(String[] args) {
        return args.length == 0 || args.length == 1 && args[0].toLowerCase(Locale.ROOT).endsWith(".stocklens");
    }

    /**
     * The options of launcher.options for a JVM of feature version {@code version}, without those of a kind the
     * person set themselves ({@code own}): their heap size, heap free ratios, collector, object headers or
     * compilers stay theirs, and no pair of options contradicts the other (a minimum free ratio above ours would
     * stop the JVM).
     */
    static List<String> launcherOptions(int version, List<String> own) {
        Set<String> theirs = new HashSet<>();
        for (String option : own) {
            String kind = kind(option);
            if (kind != null) {
                theirs.add(kind);
            }
        }
        List<String> options = new ArrayList<>();
        for (String option : launcherOptions(version)) {
            String kind = kind(option);
            if (kind == null || !theirs.contains(kind)) {
                options.add(option);
            }
        }
        return options;
    }

    /**
     * What a memory or compiler option decides ("heap", "heap-free", "gc", "headers", "compiler"), or null for any
     * other option.
     */
    static String kind(String option) {
        String o = option.startsWith("-XX:") ? option.substring(4) : option;
        if (o.startsWith("-Xmx") || o.startsWith("-Xms")
                || o.matches("(Max|Initial|Min)HeapSize=.*|(Max|Initial|Min)RAMPercentage=.*|MaxRAM=.*")) {
            return "heap";
        }
        if (o.matches("(Min|Max)HeapFreeRatio=.*")) {
            return "heap-free";
        }
        if (o.matches("[+-]Use\\w*GC|G1PeriodicGCInterval=.*|GCTimeRatio=.*")) {
            return "gc";
        }
        if (o.matches("[+-](UseCompactObjectHeaders|UseCompressedClassPointers)")) {
            return "headers";
        }
        if (o.matches("TieredStopAtLevel=.*|[+-]TieredCompilation")) {
            return "compiler";
        }
        return null;
    }

    /**
     * The options of launcher.options for a JVM of feature version {@code version}: none before JDK 24; a line
     * {@code @N option} only from JDK N on. Public for bench/run, which starts the app with the same options.
     */
    public static List<String> launcherOptions(int version) {
        List<String> options = new ArrayList<>();
        if (version < QUIET_OPTIONS_FROM) {
            return options;
        }
        try (InputStream in = Bootstrap.class.getResourceAsStream("launcher.options")) {
            if (in == null) {
                return options;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                String option = line.strip();
                Matcher from = FROM_VERSION.matcher(option);
                if (from.matches()) {
                    if (version < Integer.parseInt(from.group(1))) {
                        continue;
                    }
                    option = from.group(2);
                }
                if (!option.isEmpty() && !option.startsWith("#")) {
                    options.add(option);
                }
            }
        } catch (IOException e) {
            // no options: the app runs, the JDK may warn
        }
        return options;
    }

    /** The java binary of the newest JDK ≥ 21 found in the usual places, or null. */
    static Path findJava() {
        List<Path> candidates = new ArrayList<>();
        String explicit = System.getenv("STOCKLENS_JAVA");
        if (explicit != null && !explicit.isBlank() && Files.isExecutable(Path.of(explicit))) {
            return Path.of(explicit);
        }
        String javaHome = System.getenv("JAVA_HOME");
        if (javaHome != null && !javaHome.isBlank()) {
            candidates.add(Path.of(javaHome));
        }
        for (String root : new String[] {"/usr/lib/jvm", "/usr/java", "/opt/java",
                "/Library/Java/JavaVirtualMachines", "C:\\Program Files\\Java",
                "C:\\Program Files\\Eclipse Adoptium"}) {
            Path dir = Path.of(root);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (DirectoryStream<Path> jdks = Files.newDirectoryStream(dir)) {
                for (Path jdk : jdks) {
                    candidates.add(jdk);
                    candidates.add(jdk.resolve("Contents").resolve("Home"));
                }
            } catch (IOException ignored) {
                // An unreadable folder is just not a candidate.
            }
        }
        Path best = null;
        int bestVersion = 0;
        for (Path home : candidates) {
            int version = versionOf(home);
            Path bin = home.resolve("bin").resolve(isWindows() ? "java.exe" : "java");
            if (version >= REQUIRED && version > bestVersion && Files.isExecutable(bin)) {
                best = bin;
                bestVersion = version;
            }
        }
        return best;
    }

    /** The JDK home of the {@code java} binary (the folder above its {@code bin}), or null. */
    static Path homeOf(Path java) {
        Path bin = java.toAbsolutePath().getParent();
        return bin == null ? null : bin.getParent();
    }

    /** Feature version from a JDK's {@code release} file, 0 when unknown. */
    static int versionOf(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return 0;
        }
        try {
            Matcher m = RELEASE_VERSION.matcher(Files.readString(release, StandardCharsets.UTF_8));
            if (!m.find()) {
                return 0;
            }
            int v = Integer.parseInt(m.group(1));
            return v == 1 ? 8 : v; // "1.8.0_x" style
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
    }
}

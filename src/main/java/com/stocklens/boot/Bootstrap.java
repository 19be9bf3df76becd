package com.stocklens.boot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The jar's entry point, compiled for Java 17 so that {@code java -jar stocklens.jar} works where the
 * default {@code java} is older than the app's Java 21: it hands over to {@code Launcher} when the
 * running JVM is new enough, else re-runs the same class path on the newest installed JDK ≥ 21.
 */
public final class Bootstrap {
    static final int REQUIRED = 21;
    private static final Pattern RELEASE_VERSION = Pattern.compile("JAVA_VERSION=\"(\\d+)");

    private Bootstrap() {
    }

    public static void main(String[] args) throws Exception {
        if (Runtime.version().feature() >= REQUIRED) {
            Class.forName("com.stocklens.Launcher").getMethod("main", String[].class).invoke(null, (Object) args);
            return;
        }
        Path java = findJava();
        if (java == null) {
            System.err.println("StockLens needs Java " + REQUIRED + " or newer, and this is Java "
                    + Runtime.version().feature() + ". Install a JDK " + REQUIRED
                    + "+ (for example Temurin 25), or set STOCKLENS_JAVA to its bin/java.");
            System.exit(1);
            return;
        }
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
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
        System.exit(code);
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

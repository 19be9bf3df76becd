package com.stocklens.boot;

import java.util.Locale;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Which command lines open the window: window options only and at most one {@code .stocklens} file, nothing
 * the parser would refuse or answer itself (help, version, a subcommand, an unknown option). Compiled for
 * Java 17 with the rest of {@code boot}: {@link Bootstrap} asks it before the app's own classes can load,
 * and {@code Launcher} asks it, with its checks of the values, to skip the parser on a window start.
 */
public final class WindowArgs {
    /** Window options without a value. */
    public static final Set<String> FLAGS = Set.of("--demo", "--wall");
    /** Window options with a value. */
    public static final Set<String> OPTIONS = Set.of("--data-dir", "--cadence", "--stale-after", "--lang",
            "--screen", "--snapshot", "--as-of", "--db", "--wall-rotate");
    /** How a snapshot file's name ends: one given alone on the command line opens it read-only. */
    public static final String FILE_EXTENSION = ".stocklens";

    private WindowArgs() {
    }

    /**
     * True when {@code args} are window options only, each value of an option accepted by {@code plausible}
     * (the option's name, its value), and at most one {@code .stocklens} file.
     */
    public static boolean opensWindow(String[] args, BiPredicate<String, String> plausible) {
        boolean file = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (FLAGS.contains(name) && value == null) {
                continue;
            }
            if (OPTIONS.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.length || args[i + 1].startsWith("-")) {
                        return false;
                    }
                    value = args[++i];
                }
                if (!plausible.test(name, value)) {
                    return false;
                }
                continue;
            }
            if (!file && !arg.startsWith("-") && arg.toLowerCase(Locale.ROOT).endsWith(FILE_EXTENSION)) {
                file = true;
                continue;
            }
            return false;
        }
        return true;
    }
}

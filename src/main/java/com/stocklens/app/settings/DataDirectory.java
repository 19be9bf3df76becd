package com.stocklens.app.settings;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where a workspace lives (docs/ARCHITECTURE.md "Data"): {@code --data-dir}, else {@code $STOCKLENS_HOME}, else the
 * OS convention. Demo mode always gets its own {@code demo} sub-workspace so it can never touch live data.
 */
public final class DataDirectory {
    private DataDirectory() {
    }

    /** The base data directory before the demo/live split. */
    public static Path base(Path explicit, Map<String, String> env, String osName, String userHome) {
        if (explicit != null) {
            return explicit.toAbsolutePath().normalize();
        }
        String home = env.get("STOCKLENS_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home).toAbsolutePath().normalize();
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return Path.of(appData != null ? appData : userHome, "StockLens");
        }
        if (os.contains("mac")) {
            return Path.of(userHome, "Library", "Application Support", "StockLens");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return xdg != null && !xdg.isBlank()
                ? Path.of(xdg, "StockLens")
                : Path.of(userHome, ".local", "share", "StockLens");
    }

    /** The workspace actually opened: {@code base/demo} in demo mode, {@code base} itself when live. */
    public static Path workspace(Path base, boolean demo) {
        return demo ? base.resolve("demo") : base;
    }

    /** The base directory for this process, from the environment. */
    public static Path resolve(Path explicit) {
        return base(explicit, System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home"));
    }
}

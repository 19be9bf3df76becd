package com.stocklens.app.settings;

import com.stocklens.domain.CalibrationBasis;
import com.stocklens.domain.HealthBands;
import com.stocklens.domain.RetentionPolicy;
import com.stocklens.domain.Thresholds;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The policy figures of docs/DOMAIN.md as settings: every default comes from the seller-education article
 * (not confirmed in TikTok's public documentation), and a seller can match each to the notice in their
 * own Seller Center by setting it in the workspace's {@code settings.properties}. A value that cannot be
 * read keeps its default and is reported, never a crash.
 *
 * @param entries every setting with its value and where the value came from, for {@code settings --json}
 */
public record PolicySettings(Thresholds thresholds, HealthBands bands, RetentionPolicy retention, List<Entry> entries) {
    private static final Logger LOG = LoggerFactory.getLogger(PolicySettings.class);
    static final String ARTICLE = "default from the seller-education article (docs/DOMAIN.md); check your Seller Center";

    /**
     * One setting.
     *
     * @param source {@code settings.properties} when set there, else where the default comes from
     * @param problem why a value set in the file was ignored, else null
     */
    public record Entry(String key, String value, String defaultValue, String source, String problem) {
    }

    /** Reads the workspace's settings; the staleness window from the command line wins when given. */
    public static PolicySettings load(Path workspace, Duration staleAfterFromCommandLine) {
        Properties p = new Properties();
        Path file = workspace.resolve("settings.properties");
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("ignoring unreadable settings file {}: {}", file, e.toString());
            }
        }
        return from(p, staleAfterFromCommandLine);
    }

    static PolicySettings from(Properties p, Duration staleAfterFromCommandLine) {
        Thresholds d = Thresholds.DEFAULTS;
        HealthBands b = HealthBands.DEFAULTS;
        Fields r = new Fields(p);
        CalibrationBasis basis = r.read("rules.calibration.basis", d.calibrationBasis(), ARTICLE,
                v -> CalibrationBasis.valueOf(v.toUpperCase(Locale.ROOT)));
        int units = r.read("rules.calibration.units", d.calibrationUnits(), ARTICLE, nonNegativeInt());
        double percent = r.read("rules.calibration.percent", d.calibrationPercent(), ARTICLE, nonNegativeDouble());
        long deadline = r.read("rules.calibration.deadlineMinutes", d.calibrationDeadline().toMinutes(), ARTICLE,
                v -> (long) positiveInt().apply(v));
        long stale = r.read("rules.staleAfterMinutes", d.staleAfter().toMinutes(), ARTICLE,
                v -> (long) positiveInt().apply(v));
        int slow = r.read("rules.slowMovingDays", d.slowMovingDays(), ARTICLE, nonNegativeInt());
        int qcDays = r.read("rules.returnQcWorkingDays", d.returnQcWorkingDays(), "docs/DOMAIN.md §6 (2–5 working days)",
                nonNegativeInt());
        double z = r.read("rules.safetyStock.z", d.serviceLevelZ(), "95 % service level (docs/DOMAIN.md)",
                nonNegativeDouble());
        int lead = r.read("rules.leadTimeDays", d.leadTimeDays(), "StockLens default", nonNegativeInt());
        double leadSd = r.read("rules.leadTimeStdDevDays", d.leadTimeStdDevDays(), "StockLens default",
                nonNegativeDouble());
        int window = r.read("rules.demandWindowDays", d.demandWindowDays(), "StockLens default", positiveInt());
        int cover = r.read("rules.targetCoverDays", d.targetCoverDays(), "StockLens default", nonNegativeInt());
        double turnover = r.read("health.turnoverDaysMax", b.turnoverDaysMax(), ARTICLE, nonNegativeDouble());
        double moving = r.read("health.movingSkuRateMin", b.movingSkuRateMin(), ARTICLE, nonNegativeDouble());
        double over180 = r.read("health.over180ShareMax", b.over180ShareMax(), ARTICLE, nonNegativeDouble());
        double minHistory = r.read("health.minHistoryPercent", b.minHistoryPercent(),
                "StockLens default (half the period: a figure resting on fewer days is INSUFFICIENT_HISTORY)",
                percent());
        RetentionPolicy rd = RetentionPolicy.DEFAULTS;
        String design = "docs/ARCHITECTURE.md (history: all for 48 h, hourly for 90 days, then daily)";
        long keepAll = r.read("history.keepAllHours", rd.keepAll().toHours(), design, v -> (long) nonNegativeInt().apply(v));
        long hourly = r.read("history.hourlyDays", rd.hourlyFor().toDays(), design, v -> (long) nonNegativeInt().apply(v));
        long daily = r.read("history.dailyDays", rd.dailyFor().toDays(), design + "; 0 = keep daily forever",
                v -> (long) nonNegativeInt().apply(v));
        // Hourly history cannot end before "keep everything" does; a smaller figure means "no hourly stage".
        RetentionPolicy retention = new RetentionPolicy(Duration.ofHours(keepAll),
                Duration.ofDays(hourly).compareTo(Duration.ofHours(keepAll)) < 0 ? Duration.ofHours(keepAll)
                        : Duration.ofDays(hourly),
                Duration.ofDays(daily));
        Duration staleAfter = staleAfterFromCommandLine != null ? staleAfterFromCommandLine : Duration.ofMinutes(stale);
        if (staleAfterFromCommandLine != null) {
            r.entries.replaceAll(e -> e.key().equals("rules.staleAfterMinutes")
                    ? new Entry(e.key(), Long.toString(staleAfter.toMinutes()), e.defaultValue(), "--stale-after", null)
                    : e);
        }
        Thresholds t = new Thresholds(basis, units, percent, Duration.ofMinutes(deadline), staleAfter, slow, qcDays,
                z, lead, leadSd, window, cover);
        return new PolicySettings(t, new HealthBands(turnover, moving, over180, minHistory), retention,
                List.copyOf(r.entries));
    }

    private static Function<String, Integer> nonNegativeInt() {
        return v -> {
            int n = Integer.parseInt(v.strip());
            if (n < 0) {
                throw new IllegalArgumentException("must not be negative");
            }
            return n;
        };
    }

    private static Function<String, Integer> positiveInt() {
        return v -> {
            int n = Integer.parseInt(v.strip());
            if (n <= 0) {
                throw new IllegalArgumentException("must be above 0");
            }
            return n;
        };
    }

    private static Function<String, Double> nonNegativeDouble() {
        return v -> {
            double n = Double.parseDouble(v.strip());
            if (!(n >= 0) || Double.isInfinite(n)) {
                throw new IllegalArgumentException("must be a number, not negative");
            }
            return n;
        };
    }

    private static Function<String, Double> percent() {
        return v -> {
            double n = nonNegativeDouble().apply(v);
            if (n > 100) {
                throw new IllegalArgumentException("must be a percent, 0 to 100");
            }
            return n;
        };
    }

    /** Reads keys one by one, remembering each value's origin and any problem. */
    private static final class Fields {
        private final Properties p;
        private final List<Entry> entries = new ArrayList<>();

        Fields(Properties p) {
            this.p = p;
        }

        <T> T read(String key, T defaultValue, String defaultSource, Function<String, T> parse) {
            String raw = p.getProperty(key);
            if (raw == null || raw.isBlank()) {
                entries.add(new Entry(key, String.valueOf(defaultValue), String.valueOf(defaultValue), defaultSource,
                        null));
                return defaultValue;
            }
            try {
                T value = parse.apply(raw);
                entries.add(new Entry(key, String.valueOf(value), String.valueOf(defaultValue), "settings.properties",
                        null));
                return value;
            } catch (RuntimeException e) {
                String problem = "'" + raw.strip() + "' ignored: " + (e instanceof NumberFormatException
                        ? "not a number" : String.valueOf(e.getMessage()));
                LOG.warn("setting {}: {}", key, problem);
                entries.add(new Entry(key, String.valueOf(defaultValue), String.valueOf(defaultValue), defaultSource,
                        problem));
                return defaultValue;
            }
        }
    }
}

package com.stocklens.app.settings;

import com.stocklens.service.NoticeSettings;
import com.stocklens.support.PrivateFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Small, non-secret preferences kept in the workspace ({@code settings.properties}): the language, the
 * declarer, the wall's page interval, which notices pop up, the team database's address.
 * Written atomically so a crash never leaves a half-written file.
 */
public final class UserSettings {
    private static final String LANGUAGE = "ui.language";
    private static final String DECLARER = "ui.declarer";
    private static final String WALL_ROTATE = "wall.rotateSeconds";
    private static final String NOTIFY_MUTED = "notify.muted";
    private static final String NOTIFY_POPUPS = "notify.popups";
    /** Team mode: the shared database's JDBC URL (never with a password in it) and its login role. */
    public static final String DB_URL = "db.url";
    public static final String DB_USER = "db.user";

    private final Path file;
    private final Properties properties = new Properties();

    public UserSettings(Path workspace) {
        this.file = workspace.resolve("settings.properties");
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(in);
            } catch (IOException | IllegalArgumentException e) {
                log().warn("ignoring unreadable settings file {}: {}", file, e.toString());
            }
        }
    }

    /** The chosen language, else the OS language when it is Chinese, else English. */
    public synchronized Locale locale(Locale osDefault) {
        String tag = properties.getProperty(LANGUAGE);
        if (tag != null && !tag.isBlank()) {
            return Locale.forLanguageTag(tag);
        }
        return "zh".equals(osDefault.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }

    public synchronized void setLocale(Locale locale) {
        properties.setProperty(LANGUAGE, locale.toLanguageTag());
        save();
    }

    /**
     * Seconds each wall-mode page stays on screen ({@code wall.rotateSeconds}), or {@code fallback} when the
     * key is missing or not a whole number of at least 5 seconds.
     */
    public synchronized Duration wallRotate(Duration fallback) {
        String value = properties.getProperty(WALL_ROTATE);
        if (value != null) {
            try {
                int seconds = Integer.parseInt(value.strip());
                if (seconds >= 5) {
                    return Duration.ofSeconds(seconds);
                }
            } catch (NumberFormatException e) {
                // fall through to the default
            }
            log().warn("ignoring {}={}: expected whole seconds, at least 5", WALL_ROTATE, value);
        }
        return fallback;
    }

    /** Who declares causes and acknowledges alerts at this desk, for the audit trail; null if never set. */
    public synchronized String declarer() {
        String name = properties.getProperty(DECLARER);
        return name == null || name.isBlank() ? null : name;
    }

    public synchronized void setDeclarer(String name) {
        if (name != null && !name.isBlank() && !name.strip().equals(declarer())) {
            properties.setProperty(DECLARER, name.strip());
            save();
        }
    }

    /**
     * Which notices pop up on the desktop ({@code notify.popups}, topics separated by commas) and whether they
     * are muted ({@code notify.muted}); {@link NoticeSettings#DEFAULT} where neither is set.
     */
    public synchronized NoticeSettings noticeSettings() {
        String popups = properties.getProperty(NOTIFY_POPUPS);
        Set<String> topics = popups == null ? NoticeSettings.DEFAULT.popups()
                : Arrays.stream(popups.split(",")).map(String::strip).filter(t -> !t.isEmpty())
                        .collect(Collectors.toCollection(TreeSet::new));
        return new NoticeSettings(Boolean.parseBoolean(properties.getProperty(NOTIFY_MUTED, "false")), topics);
    }

    public synchronized void setNoticeSettings(NoticeSettings settings) {
        properties.setProperty(NOTIFY_MUTED, Boolean.toString(settings.muted()));
        properties.setProperty(NOTIFY_POPUPS, String.join(",", new TreeSet<>(settings.popups())));
        save();
    }

    /** The team database's JDBC URL ({@code db.url}), if set. */
    public synchronized Optional<String> dbUrl() {
        String v = properties.getProperty(DB_URL);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    /** The team database's login role ({@code db.user}), if set. */
    public synchronized Optional<String> dbUser() {
        String v = properties.getProperty(DB_USER);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    /** Sets (or, with a null url, removes) the team database's URL and user; the password is never kept here. */
    public synchronized void setDb(String url, String user) {
        if (url == null || url.isBlank()) {
            properties.remove(DB_URL);
            properties.remove(DB_USER);
        } else {
            properties.setProperty(DB_URL, url.strip());
            if (user == null || user.isBlank()) {
                properties.remove(DB_USER);
            } else {
                properties.setProperty(DB_USER, user.strip());
            }
        }
        save();
    }

    private synchronized void save() {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                properties.store(out, "StockLens preferences (no secrets here)");
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            PrivateFiles.restrict(file);
        } catch (IOException e) {
            log().warn("could not save settings to {}: {}", file, e.toString());
        }
    }

    /**
     * The logger, looked up when there is something to say: the window reads its language from here before
     * logging is set up (issue 20), and a logger made then would start logging with the default folder.
     */
    private static Logger log() {
        return LoggerFactory.getLogger(UserSettings.class);
    }
}

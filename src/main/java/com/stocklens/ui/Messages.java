package com.stocklens.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single lookup for translated text: the {@code com.stocklens.ui.messages} bundle plus
 * {@link MessageFormat} in the bundle's locale. Views get one instance by constructor; FXML gets the
 * same bundle through {@link FxViewLoader} ({@code %key}).
 */
public final class Messages {
    /** Base name of the bundle; files live in {@code src/main/resources/com/stocklens/ui/}. */
    public static final String BUNDLE = "com.stocklens.ui.messages";

    private final ResourceBundle bundle;
    private final Locale locale;

    public Messages(Locale locale) {
        this.locale = Objects.requireNonNull(locale, "locale");
        // No fallback to the JVM default locale: an English UI on a Chinese machine must stay English.
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    public Locale locale() {
        return locale;
    }

    /** The text for {@code key}; a missing key shows as {@code !key!} rather than failing the screen. */
    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            // Looked up here, not held: the start-up view's texts come before logging is set up (issue 20).
            Logger log = LoggerFactory.getLogger(Messages.class);
            log.warn("Missing message key {} for locale {}", key, locale);
            return "!" + key + "!";
        }
    }

    /** The text for {@code key} with {@code {0}}-style arguments filled in for this locale. */
    public String format(String key, Object... args) {
        return new MessageFormat(get(key), locale).format(args);
    }
}

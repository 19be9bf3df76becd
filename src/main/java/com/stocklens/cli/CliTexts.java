package com.stocklens.cli;

import com.stocklens.domain.BeijingTime;
import com.stocklens.domain.Wording;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The words of the commands' plain-text output in the language of the global {@code --lang} (English when
 * none is given): {@code com/stocklens/cli/texts.properties} and {@code texts_zh_CN.properties}. JSON never
 * goes through here: it stays language-neutral (stable codes, English details).
 */
final class CliTexts {
    private static final DateTimeFormatter BEIJING =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(BeijingTime.ZONE);

    private final ResourceBundle bundle;
    private final Locale locale;

    private CliTexts(Locale locale) {
        this.locale = "zh".equals(locale.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
        this.bundle = ResourceBundle.getBundle("com.stocklens.cli.texts",
                "zh".equals(this.locale.getLanguage()) ? this.locale : Locale.ROOT, CliTexts.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The texts of the language {@code --lang} asked for, English when it asked for none. */
    static CliTexts of(StockLensCommand root) {
        return new CliTexts(root.options().language().orElse(Locale.ENGLISH));
    }

    static CliTexts of(Locale locale) {
        return new CliTexts(locale);
    }

    Locale locale() {
        return locale;
    }

    String get(String key) {
        return bundle.getString(key);
    }

    String format(String key, Object... args) {
        return new MessageFormat(get(key), locale).format(args);
    }

    /** An enum value's words: {@code prefix + name()} ({@code kind.OVERSELL_RISK}). */
    String name(String prefix, Enum<?> value) {
        return get(prefix + value.name());
    }

    /** A quantity with thousands separators, "—" when unknown. */
    String quantity(Number value) {
        return value == null ? "—" : NumberFormat.getIntegerInstance(locale).format(value);
    }

    /** A rule's words (an alert's working, a finding, a triage reason) in this language; "" for none. */
    String words(Wording wording) {
        return wording == null ? "" : wording.in(locale);
    }

    /** A moment for a person: yyyy-MM-dd HH:mm:ss Beijing time (said in the sentence that shows it). */
    String beijing(Instant at) {
        return at == null ? "—" : BEIJING.format(at);
    }
}

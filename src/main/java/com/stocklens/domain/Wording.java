package com.stocklens.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * Words in no language yet: what a rule or a service says (an alert's working, a health figure's working, a
 * three-code finding, a triage reason) as message keys with their figures. Each reader renders it in its
 * own language from the phrase bundle ({@code com/stocklens/domain/phrases.properties}, English, and
 * {@code phrases_zh_CN.properties}, Chinese): the window and the reports in the seller's language, JSON and
 * logs in English ({@link #english()}).
 *
 * <p>A wording is one or more clauses, joined by "; " (Chinese "；"). A clause is a key and its arguments:
 * whole numbers ({@code Integer}, {@code Long}: grouped "1,234"), decimals ({@link BigDecimal}: grouped, their
 * scale kept, see {@link #decimal}), instants (Beijing time, yyyy-MM-dd HH:mm:ss), dates (yyyy-MM-dd),
 * durations ("5 h 51 min"), text (as given: SKUs, codes, names) and other wordings. A clause without a key
 * holds words as they are ({@link #text}): a provider's own error message, or a text stored before wordings
 * existed.
 *
 * <p>{@link #encode()} gives a one-line form to store; {@link #decode} reads it back, and reads any other
 * stored text as words as they are.
 */
public record Wording(List<Clause> clauses) {
    /** Base name of the phrase bundle. */
    public static final String BUNDLE = "com.stocklens.domain.phrases";

    private static final char MARK = '§';
    private static final char SEPARATOR = '|';
    private static final DateTimeFormatter BEIJING =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(BeijingTime.ZONE);

    /**
     * One clause.
     *
     * @param key  the phrase key, or "" for words as they are (then {@code args} holds the one text)
     * @param args Long, BigDecimal, Instant, LocalDate, Duration, String, Wording or null
     */
    public record Clause(String key, List<Object> args) {
        public Clause {
            Objects.requireNonNull(key, "key");
            List<Object> normal = new ArrayList<>(args.size());
            for (Object a : args) {
                normal.add(normalise(a));
            }
            args = Collections.unmodifiableList(normal);
        }
    }

    public Wording {
        clauses = List.copyOf(clauses);
        if (clauses.isEmpty()) {
            throw new IllegalArgumentException("a wording needs a clause");
        }
    }

    /** One clause: {@code key} with its arguments. */
    public static Wording of(String key, Object... args) {
        return new Wording(List.of(new Clause(key, Arrays.asList(args))));
    }

    /** Words as they are (no translation); null for null. */
    public static Wording text(String words) {
        return words == null ? null : new Wording(List.of(new Clause("", List.of(words))));
    }

    /** {@code value} rounded half up to {@code scale} decimals: the argument for a decimal figure. */
    public static BigDecimal decimal(double value, int scale) {
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP);
    }

    /** This wording and one more clause. */
    public Wording and(String key, Object... args) {
        return and(of(key, args));
    }

    /** This wording followed by {@code more}'s clauses. */
    public Wording and(Wording more) {
        List<Clause> all = new ArrayList<>(clauses);
        all.addAll(more.clauses);
        return new Wording(all);
    }

    /** The English words: for JSON, logs and tests. */
    public String english() {
        return in(Locale.ENGLISH);
    }

    /** The words in {@code locale}'s language: Chinese for any zh locale, else English. */
    public String in(Locale locale) {
        ResourceBundle bundle = bundle(locale);
        Locale shown = bundle.getLocale().getLanguage().isEmpty() ? Locale.ENGLISH : bundle.getLocale();
        StringBuilder out = new StringBuilder();
        for (Clause c : clauses) {
            if (!out.isEmpty()) {
                out.append(phrase(bundle, "join"));
            }
            out.append(render(c, bundle, shown));
        }
        return out.toString();
    }

    private static ResourceBundle bundle(Locale locale) {
        Locale l = locale != null && "zh".equals(locale.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ROOT;
        return ResourceBundle.getBundle(BUNDLE, l, Wording.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static String render(Clause c, ResourceBundle bundle, Locale locale) {
        if (c.key().isEmpty()) {
            return c.args().isEmpty() || c.args().getFirst() == null ? "" : String.valueOf(c.args().getFirst());
        }
        Object[] args = new Object[c.args().size()];
        for (int i = 0; i < args.length; i++) {
            args[i] = argument(c.args().get(i), bundle, locale);
        }
        String pattern;
        try {
            pattern = bundle.getString(c.key());
        } catch (MissingResourceException e) {
            // A key this version does not know (a text stored by a newer one): the key and its figures.
            return c.key() + (args.length == 0 ? "" : " " + Arrays.toString(args));
        }
        return new MessageFormat(pattern, locale).format(args);
    }

    /** An argument as MessageFormat takes it: whole numbers stay numbers (grouped, and choice formats work). */
    private static Object argument(Object a, ResourceBundle bundle, Locale locale) {
        if (a == null) {
            return "—";
        }
        if (a instanceof Long) {
            return a;
        }
        if (a instanceof BigDecimal d) {
            DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(locale));
            f.setMinimumFractionDigits(Math.max(0, d.scale()));
            f.setMaximumFractionDigits(Math.max(0, d.scale()));
            return f.format(d);
        }
        if (a instanceof Instant t) {
            return BEIJING.format(t);
        }
        if (a instanceof LocalDate d) {
            return d.toString();
        }
        if (a instanceof Duration d) {
            return duration(d, bundle);
        }
        if (a instanceof Wording w) {
            return w.in(locale);
        }
        return a.toString();
    }

    /** "5 h 51 min", "42 s", "3 d": the largest unit that is not zero and, when not zero, the next one. */
    private static String duration(Duration d, ResourceBundle bundle) {
        long s = Math.max(0, d.toSeconds());
        long[] amounts = {s / 86_400, s / 3600 % 24, s / 60 % 60, s % 60};
        String[] keys = {"duration.days", "duration.hours", "duration.minutes", "duration.seconds"};
        int first = 0;
        while (first < amounts.length - 1 && amounts[first] == 0) {
            first++;
        }
        String out = MessageFormat.format(phrase(bundle, keys[first]), amounts[first]);
        if (first + 1 < amounts.length && amounts[first + 1] > 0) {
            out += " " + MessageFormat.format(phrase(bundle, keys[first + 1]), amounts[first + 1]);
        }
        return out;
    }

    private static String phrase(ResourceBundle bundle, String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    private static Object normalise(Object a) {
        if (a instanceof Integer || a instanceof Short || a instanceof Byte) {
            return ((Number) a).longValue();
        }
        if (a == null || a instanceof Long || a instanceof BigDecimal || a instanceof Instant
                || a instanceof LocalDate || a instanceof Duration || a instanceof String || a instanceof Wording) {
            return a;
        }
        throw new IllegalArgumentException("not a wording argument (use Wording.decimal for a fraction): "
                + a.getClass().getSimpleName());
    }

    // --- the stored form ----------------------------------------------------------------------

    /**
     * One line to store: {@code §key|n12|s…} per clause; an argument is a type letter and its value, with
     * '%', '|' and '§' escaped so a wording nests inside another.
     */
    public String encode() {
        StringBuilder out = new StringBuilder();
        for (Clause c : clauses) {
            out.append(MARK).append(c.key());
            for (Object a : c.args()) {
                out.append(SEPARATOR).append(escape(typed(a)));
            }
        }
        return out.toString();
    }

    /** The wording {@code stored} holds; text that is not an encoded wording reads as words as they are. */
    public static Wording decode(String stored) {
        if (stored == null) {
            return null;
        }
        if (stored.isEmpty() || stored.charAt(0) != MARK) {
            return text(stored);
        }
        try {
            List<Clause> clauses = new ArrayList<>();
            for (String clause : stored.substring(1).split(String.valueOf(MARK), -1)) {
                String[] parts = clause.split("\\" + SEPARATOR, -1);
                List<Object> args = new ArrayList<>(parts.length - 1);
                for (int i = 1; i < parts.length; i++) {
                    args.add(untyped(unescape(parts[i])));
                }
                clauses.add(new Clause(parts[0], args));
            }
            return new Wording(clauses);
        } catch (RuntimeException e) {
            // Cut short or not ours after all: the text as it is beats nothing.
            return text(stored);
        }
    }

    private static String typed(Object a) {
        if (a == null) {
            return "x";
        }
        return switch (a) {
            case Long n -> "n" + n;
            case BigDecimal d -> "d" + d.toPlainString();
            case Instant t -> "t" + t;
            case LocalDate d -> "D" + d;
            case Duration d -> "p" + d;
            case Wording w -> "w" + w.encode();
            default -> "s" + a;
        };
    }

    private static Object untyped(String v) {
        String value = v.substring(1);
        try {
            return switch (v.charAt(0)) {
                case 'x' -> null;
                case 'n' -> Long.parseLong(value);
                case 'd' -> new BigDecimal(value);
                case 't' -> Instant.parse(value);
                case 'D' -> LocalDate.parse(value);
                case 'p' -> Duration.parse(value);
                case 'w' -> decode(value);
                case 's' -> value;
                default -> throw new IllegalArgumentException("unknown argument type " + v.charAt(0));
            };
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '%' -> out.append("%25");
                case SEPARATOR -> out.append("%7C");
                case MARK -> out.append("%A7");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()) {
                String code = s.substring(i + 1, i + 3);
                switch (code) {
                    case "25" -> out.append('%');
                    case "7C" -> out.append(SEPARATOR);
                    case "A7" -> out.append(MARK);
                    default -> throw new IllegalArgumentException("bad escape %" + code);
                }
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}

package com.stocklens.support;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one redactor: cuts secrets out of text before it is stored, logged, printed or exported. It knows every
 * secret value this process has seen ({@link #remember}: connection secrets from the secret store or the
 * environment, the team database password, robot webhooks and secrets, the passphrase, renewed tokens), and
 * recognises what looks like a credential in a provider's words — {@code Bearer …}, {@code key=value} /
 * {@code "key":"value"} for credential-named keys, long hex strings, long mixed-case base64 tokens, JWTs.
 *
 * <p>Every path out goes through it: provider errors as they are made
 * ({@code connector.SourceException}), what the store keeps as an error ({@code sync_run.error},
 * {@code activity_cursor.last_error}), every log line (the log layout), everything the command line prints,
 * every text of a snapshot file. docs/RELIABILITY.md ("Secrets") lists them and the test that searches for
 * canaries.
 */
public final class Redactor {
    /** What a secret is replaced by. */
    public static final String MASK = "REDACTED";
    /** Shorter values are not remembered: they would cut ordinary words and numbers out of every text. */
    static final int MIN_LENGTH = 6;

    private static final Pattern BEARER = Pattern.compile("(?i)\\b(Bearer|Basic)\\s+(?!" + MASK + "\\b)[A-Za-z0-9\\-._~+/]+=*");
    /**
     * {@code name=value}, {@code "name":"value"}, {@code name: "value"} for names that hold credentials (a
     * plain {@code name: words} is a label, not a credential: "Acme token: could not connect").
     */
    private static final Pattern NAMED = Pattern.compile("(?i)(?<![A-Za-z0-9])((?:access|refresh|id|auth|session)[_-]?token"
            + "|token|(?:app|client|api)?[_-]?secret|(?:ssl)?password|passwd|pwd|passphrase"
            + "|(?:app|api|access|secret|private)[_-]?key|sign|signature|credentials?)"
            + "(\\s*=\\s*\"?|\"\\s*:\\s*\"?|:\\s*\")(?!" + MASK + "\\b|Bearer\\b|Basic\\b)([^\\s\"'&,;(){}<>\\[\\]]+)");
    /** Credential headers as they are written in a wire log or an echo: {@code x-tts-access-token: value}. */
    private static final Pattern HEADER = Pattern.compile("(?i)(?<![A-Za-z0-9-])(x-tts-access-token|authorization"
            + "|x-api-key|api-key|app-key|app-token|cookie|set-cookie)(\\s*[:=]\\s*)(?!" + MASK
            + "\\b|Bearer\\b|Basic\\b)(\\S+)");
    private static final Pattern HEX = Pattern.compile("(?<![A-Za-z0-9])[0-9a-fA-F]{32,}(?![A-Za-z0-9])");
    private static final Pattern TOKEN = Pattern.compile("(?<![A-Za-z0-9+_\\-])[A-Za-z0-9+_\\-]{32,}={0,2}");
    private static final Pattern JWT = Pattern.compile("\\beyJ[A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]*");

    private static final Pattern SECRET_VARIABLE =
            Pattern.compile("STOCKLENS_\\w*(TOKEN|SECRET|PASSWORD|PASSPHRASE|WEBHOOK|APP_KEY)");

    /** Longest first, so a secret that contains another is cut whole. */
    private static volatile List<String> known = List.of();

    private Redactor() {
    }

    /** Remembers a secret value (and its URL-encoded form) for the life of the process; null and short values are ignored. */
    public static void remember(String secret) {
        if (secret == null) {
            return;
        }
        String s = secret.strip();
        if (s.length() < MIN_LENGTH) {
            return;
        }
        synchronized (Redactor.class) {
            Set<String> all = new LinkedHashSet<>(known);
            boolean added = all.add(s);
            added |= all.add(URLEncoder.encode(s, StandardCharsets.UTF_8));
            if (added) {
                List<String> sorted = new ArrayList<>(all);
                sorted.sort(Comparator.comparingInt(String::length).reversed());
                known = List.copyOf(sorted);
            }
        }
    }

    /**
     * Remembers the values of the environment's {@code STOCKLENS_*} variables that hold credentials (names
     * ending in TOKEN, SECRET, PASSWORD, PASSPHRASE, WEBHOOK or APP_KEY).
     */
    public static void rememberEnvironment(Map<String, String> env) {
        env.forEach((name, value) -> {
            if (SECRET_VARIABLE.matcher(name).matches()) {
                remember(value);
            }
        });
    }

    /** {@link #remember} for each value. */
    public static void rememberAll(Iterable<String> secrets) {
        for (String s : secrets) {
            remember(s);
        }
    }

    /**
     * {@code text} with every remembered secret cut out: for data that must otherwise stay as it is (JSON
     * results, a snapshot file's rows). Null stays null.
     */
    public static String redactKnown(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String s : known) {
            if (out.contains(s)) {
                out = out.replace(s, MASK);
            }
        }
        return out;
    }

    /**
     * {@code text} with every remembered secret and everything shaped like a credential cut out: for error
     * texts, messages and log lines. Null stays null.
     */
    public static String redact(String text) {
        String out = redactKnown(text);
        if (out == null || out.isEmpty()) {
            return out;
        }
        out = JWT.matcher(out).replaceAll(MASK);
        out = BEARER.matcher(out).replaceAll("$1 " + MASK);
        out = NAMED.matcher(out).replaceAll("$1$2" + MASK);
        out = HEADER.matcher(out).replaceAll("$1$2" + MASK);
        out = replaceRandom(HEX, out, true);
        return replaceRandom(TOKEN, out, false);
    }

    /** Replaces the matches that look random: a digit and a letter (hex), or a digit and both cases (tokens). */
    private static String replaceRandom(Pattern p, String text, boolean hex) {
        return p.matcher(text).replaceAll(r -> {
            String g = r.group();
            boolean digit = g.chars().anyMatch(Character::isDigit);
            boolean lower = g.chars().anyMatch(Character::isLowerCase);
            boolean upper = g.chars().anyMatch(Character::isUpperCase);
            boolean random = hex ? digit && (lower || upper) : digit && lower && upper;
            return random ? MASK : Matcher.quoteReplacement(g);
        });
    }
}

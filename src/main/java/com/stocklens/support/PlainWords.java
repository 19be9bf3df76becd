package com.stocklens.support;

import java.util.regex.Pattern;

/** Tells text meant for a person from text meant for a programmer (class names, exception names). */
public final class PlainWords {
    /** A class name (java.nio.file.NoSuchFileException) or a bare *Exception / *Error word. */
    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*\\b|\\b[A-Z][A-Za-z0-9]*(?:Exception|Error)\\b");

    private PlainWords() {
    }

    /**
     * {@code sentence} to follow a colon inside another sentence: no final period, the first word in lower
     * case ("The secrets file is locked." → "the secrets file is locked"); an acronym ("GBK …") stays.
     */
    public static String clause(String sentence) {
        String s = sentence == null ? "" : sentence.strip().replaceFirst("[.]+$", "");
        return s.length() > 1 && Character.isUpperCase(s.charAt(0)) && Character.isLowerCase(s.charAt(1))
                ? Character.toLowerCase(s.charAt(0)) + s.substring(1) : s;
    }

    /** {@code text} as a sentence of its own: first letter upper case, ending in a period. */
    public static String sentence(String text) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) {
            return s;
        }
        s = Character.toUpperCase(s.charAt(0)) + s.substring(1);
        return s.endsWith(".") || s.endsWith("?") || s.endsWith("!") ? s : s + ".";
    }

    /** True when {@code text} names a Java class or an exception, or runs over more than one line. */
    public static boolean technical(String text) {
        return text != null && (CLASS_NAME.matcher(text).find() || text.strip().contains("\n"));
    }
}

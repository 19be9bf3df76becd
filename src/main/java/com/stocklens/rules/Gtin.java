package com.stocklens.rules;

import com.stocklens.domain.Wording;
import java.util.Optional;

/**
 * GS1 barcodes (GTIN-8, GTIN-12 = UPC-A, GTIN-13 = EAN-13, GTIN-14): normalising, the mod-10 check
 * digit, and code equality across lengths. A GTIN keeps its identity when left-padded with zeros, so
 * the UPC-A {@code 036000291452} and the EAN-13 {@code 0036000291452} are one product.
 */
public final class Gtin {
    private Gtin() {
    }

    /**
     * The code without the spaces and dashes people and spreadsheets put in ({@code "5 012345 678900"});
     * the empty string for null.
     */
    public static String normalise(String code) {
        if (code == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(code.length());
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            // Non-breaking and full-width spaces come from copied web pages and Chinese IMEs.
            if (c == '-' || c == '\u2010' || c == '\u2011' || c == '\u2013' || Character.isWhitespace(c)
                    || Character.isSpaceChar(c)) {
                continue;
            }
            b.append(c);
        }
        return b.toString();
    }

    /** True when the normalised code is 8, 12, 13 or 14 ASCII digits with a correct check digit. */
    public static boolean isValid(String code) {
        return problem(code).isEmpty();
    }

    /** Why the code is not a valid GTIN; empty when it is valid. */
    public static Optional<Wording> problem(String code) {
        String n = normalise(code);
        if (n.isEmpty()) {
            return Optional.of(Wording.of("gtin.none"));
        }
        if (!allDigits(n)) {
            return Optional.of(Wording.of("gtin.notDigits", n));
        }
        if (!isGtinLength(n.length())) {
            return Optional.of(Wording.of("gtin.length", n, n.length()));
        }
        int expected = checkDigit(n.substring(0, n.length() - 1));
        int actual = n.charAt(n.length() - 1) - '0';
        if (expected != actual) {
            return Optional.of(Wording.of("gtin.checkDigit", n, actual, expected));
        }
        return Optional.empty();
    }

    /**
     * The GS1 mod-10 check digit of the digits before it: weights 3, 1, 3 … from the right, so one
     * function serves every length.
     *
     * @throws IllegalArgumentException when {@code payload} holds a non-digit
     */
    public static int checkDigit(String payload) {
        int sum = 0;
        for (int i = payload.length() - 1, weight = 3; i >= 0; i--, weight = 4 - weight) {
            char c = payload.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not a digit: '" + c + "' in " + payload);
            }
            sum += (c - '0') * weight;
        }
        return (10 - sum % 10) % 10;
    }

    /**
     * The key two barcodes are compared by: a GTIN-length run of digits as GTIN-14 (left-padded with
     * zeros), anything else as its normalised text. Empty for a blank code.
     */
    public static String key(String code) {
        String n = normalise(code);
        if (allDigits(n) && isGtinLength(n.length())) {
            return "0".repeat(14 - n.length()) + n;
        }
        return n;
    }

    /**
     * Whether two barcodes name the same code: UPC-A {@code 036000291452}, EAN-13 {@code 0036000291452}
     * and GTIN-14 {@code 00036000291452} are one. Two blanks are not the same code.
     */
    public static boolean sameCode(String a, String b) {
        String ka = key(a);
        return !ka.isEmpty() && ka.equals(key(b));
    }

    private static boolean isGtinLength(int length) {
        return length == 8 || length == 12 || length == 13 || length == 14;
    }

    private static boolean allDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') { // ASCII only: Character.isDigit would accept full-width digits
                return false;
            }
        }
        return true;
    }
}

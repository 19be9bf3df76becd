package com.stocklens.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Aligned columns in the plain-text tables ({@code status}, {@code stock}, {@code flags} …) by the width a
 * terminal gives each character, not by the number of characters: a Chinese character takes two columns
 * (Unicode East Asian Width W and F), a combining mark none. "WINIT 万邑通" is 12 columns wide, not 9, and pads
 * to {@code %-26s} with 14 spaces. Every table of the command line formats its lines with {@link #format}.
 */
final class Columns {
    /** A format specifier: %[index$][flags][width][.precision]conversion (date/time ones included). */
    private static final Pattern SPECIFIER = Pattern.compile(
            "%(\\d+\\$)?([-#+ 0,(<]*)(\\d+)?(\\.\\d+)?([tT]?[a-zA-Z%])");
    /** Code point ranges two columns wide (East Asian Width W or F), sorted, start and end inclusive. */
    private static final int[][] WIDE = {
            {0x1100, 0x115F}, {0x231A, 0x231B}, {0x2329, 0x232A}, {0x23E9, 0x23EC}, {0x23F0, 0x23F0},
            {0x23F3, 0x23F3}, {0x25FD, 0x25FE}, {0x2614, 0x2615}, {0x2648, 0x2653}, {0x267F, 0x267F},
            {0x2693, 0x2693}, {0x26A1, 0x26A1}, {0x26AA, 0x26AB}, {0x26BD, 0x26BE}, {0x26C4, 0x26C5},
            {0x26CE, 0x26CE}, {0x26D4, 0x26D4}, {0x26EA, 0x26EA}, {0x26F2, 0x26F3}, {0x26F5, 0x26F5},
            {0x26FA, 0x26FA}, {0x26FD, 0x26FD}, {0x2705, 0x2705}, {0x270A, 0x270B}, {0x2728, 0x2728},
            {0x274C, 0x274C}, {0x274E, 0x274E}, {0x2753, 0x2755}, {0x2757, 0x2757}, {0x2795, 0x2797},
            {0x27B0, 0x27B0}, {0x27BF, 0x27BF}, {0x2B1B, 0x2B1C}, {0x2B50, 0x2B50}, {0x2B55, 0x2B55},
            {0x2E80, 0x303E}, {0x3041, 0x33FF}, {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xA000, 0xA4CF},
            {0xA960, 0xA97F}, {0xAC00, 0xD7A3}, {0xF900, 0xFAFF}, {0xFE10, 0xFE19}, {0xFE30, 0xFE6F},
            {0xFF00, 0xFF60}, {0xFFE0, 0xFFE6}, {0x16FE0, 0x16FE4}, {0x17000, 0x18CFF}, {0x1AFF0, 0x1B2FF},
            {0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF}, {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A}, {0x1F200, 0x1F251},
            {0x1F300, 0x1F64F}, {0x1F680, 0x1F6FF}, {0x1F7E0, 0x1F7EB}, {0x1F90C, 0x1F9FF}, {0x1FA70, 0x1FAFF},
            {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD}};

    private Columns() {
    }

    /** The columns {@code text} takes on a terminal. */
    static int width(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            width += width(cp);
            i += Character.charCount(cp);
        }
        return width;
    }

    private static int width(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
                || type == Character.CONTROL) {
            return 0;
        }
        int lo = 0;
        int hi = WIDE.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (cp < WIDE[mid][0]) {
                hi = mid - 1;
            } else if (cp > WIDE[mid][1]) {
                lo = mid + 1;
            } else {
                return 2;
            }
        }
        return 1;
    }

    /**
     * {@link String#format} (root locale) with {@code %-Ns} and {@code %Ns} padded to N terminal columns
     * rather than N characters; every other specifier formats as it would there. A text wider than N is
     * kept whole, as {@code String.format} keeps it.
     */
    static String format(String pattern, Object... args) {
        StringBuilder out = new StringBuilder();
        Matcher m = SPECIFIER.matcher(pattern);
        int last = 0;
        int next = 0;
        while (m.find()) {
            out.append(pattern, last, m.start());
            last = m.end();
            String conversion = m.group(5);
            if (conversion.equals("%") || conversion.equals("n")) {
                out.append(String.format(Locale.ROOT, m.group()));
                continue;
            }
            Object arg = m.group(1) != null ? args[Integer.parseInt(m.group(1).replace("$", "")) - 1] : args[next++];
            if (conversion.equals("s") && m.group(3) != null && m.group(4) == null && m.group(1) == null) {
                String text = String.valueOf(arg);
                String pad = " ".repeat(Math.max(0, Integer.parseInt(m.group(3)) - width(text)));
                out.append(m.group(2).contains("-") ? text + pad : pad + text);
            } else {
                String single = m.group(1) == null ? m.group() : "%" + m.group().substring(m.group(1).length() + 1);
                out.append(String.format(Locale.ROOT, single, arg));
            }
        }
        return out.append(pattern, last, pattern.length()).toString();
    }
}

package com.stocklens.ui;

import com.stocklens.domain.BeijingTime;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * How numbers, ages and times read on screen, in one place so every view says "—" for unknown and
 * "42 s" for an age the same way.
 */
public final class Formats {
    /** Unknown is a dash, never 0 (docs/DOMAIN.md §2). */
    public static final String UNKNOWN = "—";
    private static final DateTimeFormatter BEIJING_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(BeijingTime.ZONE);
    /** A day, "2026-12-06", whatever the JVM's locale: date pickers, chart axes and tables all read this way. */
    public static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    private Formats() {
    }

    /** A quantity with grouping for the locale, or "—" when unknown. */
    public static String quantity(Number value, Messages messages) {
        if (value == null) {
            return UNKNOWN;
        }
        return NumberFormat.getIntegerInstance(messages.locale()).format(value);
    }

    /** A signed difference ("+3", "-2", "0"), or "—" when unknown. */
    public static String signed(Integer value, Messages messages) {
        if (value == null) {
            return UNKNOWN;
        }
        String n = quantity(Math.abs(value), messages);
        return value > 0 ? "+" + n : value < 0 ? "-" + n : n;
    }

    /** A short age: "42 s", "5 min", "3 h", "2 d" (keys {@code age.*}); "—" for none. */
    public static String age(Duration age, Messages messages) {
        return age == null ? UNKNOWN : messages.format("age." + unit(age), amount(age));
    }

    /** An age as a phrase: "12 s ago" / "12 秒前" (keys {@code status.ago.*}); "never synced" for none. */
    public static String ago(Duration age, Messages messages) {
        return age == null ? messages.get("status.never") : messages.format("status.ago." + unit(age), amount(age));
    }

    /** A day, "yyyy-MM-dd", or "—" when unknown. */
    public static String day(LocalDate day) {
        return day == null ? UNKNOWN : DAY.format(day);
    }

    /** An instant in Beijing time, "yyyy-MM-dd HH:mm:ss". */
    public static String beijingTime(Instant instant) {
        return instant == null ? UNKNOWN : BEIJING_TIME.format(instant);
    }

    private static String unit(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return "seconds";
        } else if (s < 3600) {
            return "minutes";
        } else if (s < 48 * 3600) {
            return "hours";
        }
        return "days";
    }

    private static long amount(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return s;
        } else if (s < 3600) {
            return s / 60;
        } else if (s < 48 * 3600) {
            return s / 3600;
        }
        return s / 86400;
    }
}

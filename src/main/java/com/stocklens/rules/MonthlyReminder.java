package com.stocklens.rules;

import java.time.LocalDate;

/**
 * When the monthly three-code check is due (docs/DOMAIN.md §7: "on the first day of every month"). The day
 * is a setting; a day the month does not have (31 in April) falls on the month's last day, so no
 * month is skipped.
 */
public final class MonthlyReminder {
    /** The article's day: the first of the month. */
    public static final int DEFAULT_DAY = 1;

    private MonthlyReminder() {
    }

    /** This month's reminder day for a setting of {@code dayOfMonth} (1–31). */
    public static LocalDate dayIn(LocalDate anyDayOfMonth, int dayOfMonth) {
        if (dayOfMonth < 1 || dayOfMonth > 31) {
            throw new IllegalArgumentException("day of month must be 1–31, was " + dayOfMonth);
        }
        return anyDayOfMonth.withDayOfMonth(Math.min(dayOfMonth, anyDayOfMonth.lengthOfMonth()));
    }

    /** True on the reminder day itself. */
    public static boolean isDue(LocalDate today, int dayOfMonth) {
        return today.equals(dayIn(today, dayOfMonth));
    }

    /**
     * True when this month's reminder day has come and the check has not run since: a person who did
     * not open the app on the 1st is still reminded on the 3rd, and only once.
     *
     * @param lastRun the day of the last check, or null when it never ran
     */
    public static boolean isDue(LocalDate today, int dayOfMonth, LocalDate lastRun) {
        LocalDate due = dayIn(today, dayOfMonth);
        return !today.isBefore(due) && (lastRun == null || lastRun.isBefore(due));
    }
}

package com.stocklens.cli;

import com.stocklens.domain.BeijingTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A moment typed on the command line ({@code --as-of}, {@code diff --from}, {@code snapshot export --at}):
 * an ISO-8601 instant ({@code 2026-11-27T04:00:00Z}, {@code 2026-11-27T12:00+08:00}), or a Beijing date and
 * time ({@code 2026-11-27 12:00}, {@code 2026-11-27T12:00:30}), or a Beijing day ({@code 2026-11-27}, its
 * first moment). Free of picocli: the launcher checks a window's {@code --as-of} with it before any parser
 * is loaded.
 */
public final class Moments {
    /** What {@link #parse} accepts, for the one sentence that refuses anything else. */
    static final String ACCEPTED = "give an ISO instant (2026-11-27T04:00:00Z) or a Beijing time "
            + "(2026-11-27 12:00, or 2026-11-27 for the start of that day)";

    private Moments() {
    }

    /** The moment {@code text} names, or empty when it names none. */
    public static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip().replace(' ', 'T');
        try {
            return Optional.of(Instant.parse(t));
        } catch (DateTimeParseException e) {
            // not an instant in UTC: the forms below
        }
        try {
            return Optional.of(OffsetDateTime.parse(t).toInstant());
        } catch (DateTimeParseException e) {
            // no offset: Beijing time
        }
        try {
            return Optional.of(LocalDateTime.parse(t).atZone(BeijingTime.ZONE).toInstant());
        } catch (DateTimeParseException e) {
            // no time of day: the day's start
        }
        try {
            return Optional.of(LocalDate.parse(t).atStartOfDay(BeijingTime.ZONE).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The sentence for a {@code text} that names no moment: what was typed and what is accepted. */
    static String refusal(String text) {
        return "'" + text + "' is not a moment: " + ACCEPTED;
    }
}

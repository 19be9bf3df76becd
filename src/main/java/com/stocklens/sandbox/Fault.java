package com.stocklens.sandbox;

import java.util.Objects;

/**
 * One injected failure, answered in the dialect of the path it hits (TikTok envelope or ShipBob
 * body). Queue faults with {@link Faults#next(String, int, Fault)}.
 *
 * @param kind        what goes wrong
 * @param delayMillis for {@link Kind#SLOW}: how long the answer is held back
 */
public record Fault(Kind kind, long delayMillis) {
    /** HTTP 500 (TikTok: code 36009003 internal error). */
    public static final Fault HTTP_500 = new Fault(Kind.HTTP_500, 0);
    /** HTTP 503 server protection, plain text body. */
    public static final Fault HTTP_503 = new Fault(Kind.HTTP_503, 0);
    /** HTTP 429 in the dialect's rate-limit shape (with ShipBob's x-retry-after header). */
    public static final Fault HTTP_429 = new Fault(Kind.HTTP_429, 0);
    /** The real answer, but the connection drops after half the announced body. */
    public static final Fault TRUNCATED_BODY = new Fault(Kind.TRUNCATED_BODY, 0);
    /** HTTP 200 with a JSON content type and a body that is not valid JSON. */
    public static final Fault MALFORMED_JSON = new Fault(Kind.MALFORMED_JSON, 0);
    /** The access token has expired (TikTok 105002 / ShipBob 401). */
    public static final Fault TOKEN_EXPIRED = new Fault(Kind.TOKEN_EXPIRED, 0);

    public Fault {
        Objects.requireNonNull(kind, "kind");
        if (delayMillis < 0) {
            throw new IllegalArgumentException("delayMillis must not be negative");
        }
    }

    /** The real answer, delivered after {@code millis}. */
    public static Fault slow(long millis) {
        return new Fault(Kind.SLOW, millis);
    }

    /** What goes wrong. */
    public enum Kind {
        HTTP_500, HTTP_503, HTTP_429, SLOW, TRUNCATED_BODY, MALFORMED_JSON, TOKEN_EXPIRED
    }
}

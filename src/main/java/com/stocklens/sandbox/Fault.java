package com.stocklens.sandbox;

import java.util.Objects;

/**
 * One injected failure, answered in the dialect of the path it hits (TikTok envelope or ShipBob
 * body). Queue faults with {@link Faults#next(String, int, Fault)}.
 *
 * @param kind        what goes wrong
 * @param delayMillis for {@link Kind#SLOW}: how long the answer is held back
 * @param hook        for {@link Kind#HOOK}: run before the real answer is made (e.g. move the world
 *                    between two pages); null otherwise
 */
public record Fault(Kind kind, long delayMillis, Runnable hook) {
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
    /** HTTP 429 with no retry hint at all (no Retry-After, no dialect body): a gateway's bare refusal. */
    public static final Fault HTTP_429_BARE = new Fault(Kind.HTTP_429_BARE, 0);
    /** HTTP 502 bad gateway, plain text body (a proxy in front of the API). */
    public static final Fault HTTP_502 = new Fault(Kind.HTTP_502, 0);
    /** HTTP 504 gateway timeout, plain text body. */
    public static final Fault HTTP_504 = new Fault(Kind.HTTP_504, 0);
    /** The connection is closed before any byte of the answer: the client sees a reset / end of stream. */
    public static final Fault RESET = new Fault(Kind.RESET, 0);
    /** The dialect's own error envelope for a server-side failure that is not a 5xx (e.g. TikTok code != 0 with HTTP 200). */
    public static final Fault API_ERROR = new Fault(Kind.API_ERROR, 0);
    /** The real answer with every number inside a JSON array removed: valid JSON, missing fields. */
    public static final Fault MISSING_FIELDS = new Fault(Kind.MISSING_FIELDS, 0);
    /** The real answer with every number inside a JSON array turned into a non-numeric string. */
    public static final Fault MISTYPED_FIELDS = new Fault(Kind.MISTYPED_FIELDS, 0);
    /**
     * The answer this dialect gave to the previous request, again: the same page (so the same page
     * token or cursor) served for the next page.
     */
    public static final Fault REPEAT_PAGE = new Fault(Kind.REPEAT_PAGE, 0);
    /**
     * A TikTok stock write taken only in part: the last SKU of the call is refused (12052531, warehouse disabled)
     * inside a {@code code: 0} answer, the others are applied.
     */
    public static final Fault PARTIAL_FAILURE = new Fault(Kind.PARTIAL_FAILURE, 0);

    public Fault(Kind kind, long delayMillis) {
        this(kind, delayMillis, null);
    }

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

    /** Runs {@code hook}, then answers normally: e.g. items inserted or removed between two pages. */
    public static Fault hook(Runnable hook) {
        return new Fault(Kind.HOOK, 0, Objects.requireNonNull(hook, "hook"));
    }

    /** What goes wrong. */
    public enum Kind {
        HTTP_500, HTTP_503, HTTP_429, SLOW, TRUNCATED_BODY, MALFORMED_JSON, TOKEN_EXPIRED,
        HTTP_429_BARE, HTTP_502, HTTP_504, RESET, API_ERROR, MISSING_FIELDS, MISTYPED_FIELDS, REPEAT_PAGE, HOOK,
        PARTIAL_FAILURE
    }
}

package com.stocklens.connector.http;

import com.stocklens.connector.MalformedResponseException;
import com.stocklens.connector.SourceException;
import com.stocklens.connector.TransientSourceException;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The bounds of one paged read, the same for every connector whatever its paging protocol (page numbers,
 * offsets, links, cursors, tokens): at most {@code maxPages} pages ({@link ReadLimits#pageCap}), within the
 * read's {@link ReadDeadline}, and no page served twice. A server that loops must not make us loop, and a
 * list that does not end is malformed, never a partial answer.
 */
public final class Pages {
    /** Far beyond any real list (100 000 pages of 100 to 500 items), yet an end to a server that never stops. */
    public static final int DEFAULT_MAX = 100_000;

    private final String what;
    private final int maxPages;
    private final ReadDeadline deadline;
    private final Set<Object> seen = new HashSet<>();
    private Object last;
    private int page;

    /** At most {@value #DEFAULT_MAX} pages. */
    public Pages(String what) {
        this(what, DEFAULT_MAX);
    }

    /** @param what the list in a person's words, e.g. {@code ShipMonk receivings} */
    public Pages(String what, int maxPages) {
        this(what, maxPages, ReadDeadline.none());
    }

    /**
     * @param what     the list in a person's words, e.g. {@code ShipMonk receivings}
     * @param deadline the deadline of the read this list belongs to, checked before every page
     */
    public Pages(String what, int maxPages, ReadDeadline deadline) {
        this.what = Objects.requireNonNull(what, "what");
        if (maxPages < 1) {
            throw new IllegalArgumentException("maxPages must be >= 1: " + maxPages);
        }
        this.maxPages = maxPages;
        this.deadline = Objects.requireNonNull(deadline, "deadline");
    }

    /**
     * Counts the page about to be read.
     *
     * @return its number, 1 for the first
     * @throws MalformedResponseException when the list has not ended after {@code maxPages} pages
     * @throws TransientSourceException when the read's deadline has passed
     */
    public int next() throws SourceException {
        if (page >= maxPages) {
            throw new MalformedResponseException(what + " paging did not end after " + maxPages + " pages");
        }
        deadline.check(what, page);
        return ++page;
    }

    /**
     * Fails when {@code key} (a link, a cursor, a token) was served before in this read.
     *
     * @param shown how the repeat is named in the message, e.g. {@code "link " + next}
     */
    public void unseen(Object key, String shown) throws MalformedResponseException {
        if (!seen.add(key)) {
            throw new MalformedResponseException(what + " paging repeated " + shown);
        }
    }

    /**
     * Fails when a page's {@code contents} equal the page read just before (a server serving one page
     * again instead of the next); for protocols that hand out no link, cursor or token to compare.
     */
    public void unlikeLast(Object contents, String shown) throws MalformedResponseException {
        if (contents.equals(last)) {
            throw new MalformedResponseException(what + " paging repeated " + shown);
        }
        last = contents;
    }
}

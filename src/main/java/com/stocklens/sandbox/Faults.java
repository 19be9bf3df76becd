package com.stocklens.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Fault injection for one {@link SandboxServer}: queued one-shot faults per path prefix, and
 * silenced prefixes whose requests are never answered (a source gone quiet: the client only sees
 * its own timeout). Thread-safe.
 */
public final class Faults {
    private final List<Rule> rules = new ArrayList<>();
    private final Set<String> silenced = new LinkedHashSet<>();
    private final List<HttpExchange> parked = new ArrayList<>();
    private long generation;

    Faults() {
    }

    /**
     * The next {@code n} requests whose path starts with {@code pathPrefix} fail with {@code fault}.
     * Rules queue in order: a second rule on the same prefix starts when the first is used up.
     */
    public synchronized Faults next(String pathPrefix, int n, Fault fault) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be positive: " + n);
        }
        rules.add(new Rule(pathPrefix, fault, n, 0));
        return this;
    }

    /**
     * After {@code skip} more requests under {@code pathPrefix} have been answered normally, the next
     * {@code n} fail with {@code fault}: a fault in the middle of a paged read.
     */
    public synchronized Faults after(String pathPrefix, int skip, int n, Fault fault) {
        if (n < 1 || skip < 0) {
            throw new IllegalArgumentException("n must be positive and skip not negative: " + n + ", " + skip);
        }
        rules.add(new Rule(pathPrefix, fault, n, skip));
        return this;
    }

    /** Requests under {@code pathPrefix} get no answer until {@link #unsilence} or {@link #clear}. */
    public synchronized Faults silence(String pathPrefix) {
        silenced.add(pathPrefix);
        return this;
    }

    /** Ends a silence; requests held so far are dropped (their connections closed). */
    public synchronized Faults unsilence(String pathPrefix) {
        silenced.remove(pathPrefix);
        releaseParked();
        return this;
    }

    /** Removes every pending fault and silence. */
    public synchronized void clear() {
        generation++;
        rules.clear();
        silenced.clear();
        releaseParked();
    }

    /** Counts {@link #clear()} calls: a repeated page is only ever one served since the last clear. */
    synchronized long generation() {
        return generation;
    }

    /** Faults still queued (not yet consumed), summed over all rules. */
    public synchronized int pending() {
        return rules.stream().mapToInt(r -> r.remaining).sum();
    }

    synchronized Optional<Fault> take(String path) {
        Iterator<Rule> it = rules.iterator();
        while (it.hasNext()) {
            Rule r = it.next();
            if (path.startsWith(r.prefix)) {
                if (r.skip > 0) {
                    r.skip--;
                    return Optional.empty();
                }
                if (--r.remaining == 0) {
                    it.remove();
                }
                return Optional.of(r.fault);
            }
        }
        return Optional.empty();
    }

    /** Parks the exchange if its path is silenced; the caller must then not answer it. */
    synchronized boolean parkIfSilenced(String path, HttpExchange exchange) {
        for (String prefix : silenced) {
            if (path.startsWith(prefix)) {
                parked.add(exchange);
                return true;
            }
        }
        return false;
    }

    synchronized void releaseParked() {
        // Closing without a response makes the client see a dropped connection, as after an outage.
        parked.forEach(HttpExchange::close);
        parked.clear();
    }

    private static final class Rule {
        final String prefix;
        final Fault fault;
        int remaining;
        int skip;

        Rule(String prefix, Fault fault, int remaining, int skip) {
            this.prefix = prefix;
            this.fault = fault;
            this.remaining = remaining;
            this.skip = skip;
        }
    }
}

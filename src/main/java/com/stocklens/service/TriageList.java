package com.stocklens.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What needs a person, ranked (处理这些 / Act now): open calibrations by deadline, then orders at risk by
 * units at risk × daily sales, then stale sources with what they block, then a digest per kind. The
 * window's triage screen, its badge, the wall and {@code triage --json} all show this one list.
 *
 * @param at     the moment ranked (now, or the past moment shown)
 * @param actNow the lines that need a person now, rank 1 first
 * @param digest the housekeeping kinds, each with its lines; ranks continue after {@code actNow}
 */
public record TriageList(Instant at, List<TriageItem> actNow, List<TriageDigest> digest) {
    public TriageList {
        Objects.requireNonNull(at, "at");
        actNow = List.copyOf(actNow);
        digest = List.copyOf(digest);
    }

    /** Nothing to do. */
    public static TriageList empty(Instant at) {
        return new TriageList(at, List.of(), List.of());
    }

    /** Every line, rank order: the act-now lines, then each digest kind's. */
    public List<TriageItem> all() {
        List<TriageItem> all = new ArrayList<>(actNow);
        digest.forEach(d -> all.addAll(d.items()));
        return all;
    }

    /** The act-now lines of one section, rank order. */
    public List<TriageItem> section(TriageSection section) {
        return actNow.stream().filter(i -> i.section() == section).toList();
    }

    /** How many lines the digest holds. */
    public int digestCount() {
        return digest.stream().mapToInt(TriageDigest::count).sum();
    }
}

package com.stocklens.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a snapshot file's manifest says ({@code .stocklens}, docs/SNAPSHOT-FORMAT.md): for the banner, the
 * read-only runtime and {@code snapshot info}.
 *
 * @param formatVersion the file format's version
 * @param appVersion    the version of the StockLens that wrote it
 * @param schemaVersion the database schema's version it was written from
 * @param exportedAt    when it was written
 * @param at            the moment it holds (the end of the range)
 * @param from          the start of a range, or null for a single moment
 * @param workspaceName whose data: the shop or workspace name
 * @param mode          "demo" or "live"
 * @param sources       the sources it holds and the time of each one's latest snapshot in it
 * @param settings      the non-secret policy settings in force then, key → value
 * @param rows          table → number of rows
 */
public record SnapshotManifest(int formatVersion, String appVersion, String schemaVersion, Instant exportedAt,
                               Instant at, Instant from, String workspaceName, String mode,
                               List<SourceMoment> sources, Map<String, String> settings, Map<String, Long> rows) {
    /** One source in the manifest and the time of its latest snapshot in the file. */
    public record SourceMoment(String id, String kind, String provider, String name, Instant snapshotAt) {
    }
}

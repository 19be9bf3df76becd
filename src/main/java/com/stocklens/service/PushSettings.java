package com.stocklens.service;

import java.util.Set;

/**
 * The seller's push settings (docs/guide/push.md), shared by every desk of a team.
 *
 * @param buffer       units held back from TikTok on every figure (default 0)
 * @param dailyCap     units the automatic pushes may change per Beijing day, in total (default 500)
 * @param autoCsv      CSV warehouse ids ({@code csv:<ID>}) pushed after each import; off unless listed
 * @param autoReturns  push after each returns QC pass; off by default
 */
public record PushSettings(int buffer, int dailyCap, Set<String> autoCsv, boolean autoReturns) {
    public static final PushSettings DEFAULTS = new PushSettings(0, 500, Set.of(), false);

    public PushSettings {
        if (buffer < 0 || dailyCap < 0) {
            throw new IllegalArgumentException("buffer and daily cap must not be negative");
        }
        autoCsv = Set.copyOf(autoCsv);
    }
}

package com.stocklens.domain;

import java.util.Locale;
import java.util.Optional;

/** A TikTok Shop site (ISO country code of the marketplace). */
public enum Market {
    US, GB, ID, MY, PH, SG, TH, VN;

    /** Parses an ISO-3166 alpha-2 code; "UK" is accepted for GB. */
    public static Optional<Market> fromCode(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        String c = code.trim().toUpperCase(Locale.ROOT);
        if (c.equals("UK")) {
            c = "GB";
        }
        for (Market m : values()) {
            if (m.name().equals(c)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    public boolean isSoutheastAsia() {
        return this != US && this != GB;
    }
}

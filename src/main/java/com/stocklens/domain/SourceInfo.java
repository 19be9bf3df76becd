package com.stocklens.domain;

import java.util.Objects;

/**
 * A configured source of snapshots: one TikTok Shop authorization or one warehouse account.
 *
 * @param id          stable key, e.g. {@code tiktok:main} or {@code shipbob:main}
 * @param kind        warehouse or shop
 * @param provider    for warehouse sources, the provider; null for the shop
 * @param displayName e.g. "ShipBob" or "TikTok Shop"
 */
public record SourceInfo(String id, SourceKind kind, Provider provider, String displayName) {
    public SourceInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(displayName, "displayName");
    }
}

package com.stocklens.domain;

/** Where a snapshot comes from: a warehouse system or the TikTok Shop. */
public enum SourceKind {
    WAREHOUSE,
    SHOP
}

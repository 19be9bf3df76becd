package com.stocklens.rules;

/** Where a seller SKU stands on TikTok, as far as stranded stock is concerned. */
public enum ListingStatus {
    /** Listed and sellable on TikTok. */
    ACTIVE,
    /** Listed but switched off by the seller. */
    INACTIVE,
    /** No TikTok SKU carries this seller SKU: warehouse units nobody can buy. */
    UNMAPPED,
    /** Listed but blocked by TikTok (policy, audit). */
    BLOCKED,
    /** We have no TikTok reading: stranded units cannot be judged. */
    UNKNOWN;

    /** Sellable units under this status are stranded (docs/DOMAIN.md "Definitions"). */
    public boolean strands() {
        return this == INACTIVE || this == UNMAPPED || this == BLOCKED;
    }
}

package com.stocklens.rules.score;

/** Where a shop stands on docs/DOMAIN.md's path: a TikTok partner warehouse first, its own WMS connection later. */
public enum Stage {
    /** Small shop: start with a TikTok partner (certified) warehouse. */
    PARTNER_WAREHOUSE,
    /** About 300+ orders a month: connect your own WMS / 3PL through its API. */
    OWN_WMS,
    /** Not enough history to tell. */
    UNKNOWN
}

package com.stocklens.domain;

/** What the three-code check can find wrong. */
public enum CodeFindingKind {
    MISSING_TIKTOK_SKU,
    MISSING_BARCODE,
    MISSING_WMS_SKU,
    /** A barcode whose GS1 check digit is wrong (GTIN-8/12/13/14), or not a GTIN length. */
    BAD_CHECK_DIGIT,
    /** One code linked to several different codes on another axis (e.g. one barcode, two seller SKUs). */
    ONE_TO_MANY,
    /** The same link listed twice. */
    DUPLICATE_LINK,
    /** Seller SKUs that differ only in letter case or whitespace. */
    CASE_OR_SPACE_VARIANT
}

package com.stocklens.domain;

/**
 * How a warehouse's own code for an item was tied to a SKU identity (or why it was not).
 * {@link #UNMAPPED} and {@link #CONFLICT} leave the item under its own code.
 */
public enum MatchMethod {
    /** A person assigned the code (wins over every automatic rule). */
    MANUAL,
    /** The warehouse's code is the identity's seller SKU, exactly. */
    AUTO_SKU,
    /** The codes differ only in letter case or spaces ({@code "tts-a-01 "} = {@code "TTS-A-01"}). */
    AUTO_SKU_FOLDED,
    /** The item's barcode (GTIN, UPC-A = EAN-13 with a leading 0) is the barcode of exactly one identity. */
    AUTO_BARCODE,
    /** Nothing ties the code to an identity: kept under its own code. */
    UNMAPPED,
    /** More than one identity fits (a shared barcode, or two case variants): not matched, for a person to decide. */
    CONFLICT;

    /** True when the code resolved to an identity. */
    public boolean mapped() {
        return this != UNMAPPED && this != CONFLICT;
    }

    /** True for the rules that ran without a person. */
    public boolean automatic() {
        return this == AUTO_SKU || this == AUTO_SKU_FOLDED || this == AUTO_BARCODE;
    }
}

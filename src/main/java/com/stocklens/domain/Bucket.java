package com.stocklens.domain;

/** The seven stock states of docs/DOMAIN.md §2, in the order the screens show them. */
public enum Bucket {
    ON_HAND("onHand", "on_hand"),
    AVAILABLE("available", "available"),
    RESERVED("reserved", "reserved"),
    IN_TRANSIT("inTransit", "in_transit"),
    QC_HOLD("qcHold", "qc_hold"),
    FROZEN("frozen", "frozen"),
    RETURN_PENDING_QC("returnPendingQc", "return_pending_qc");

    private final String key;
    private final String column;

    Bucket(String key, String column) {
        this.key = key;
        this.column = column;
    }

    /** Stable camel-case key used in JSON output and i18n keys ({@code stock.bucket.<key>}). */
    public String key() {
        return key;
    }

    /** Snake-case name used in the database and in docs/DOMAIN.md. */
    public String column() {
        return column;
    }
}

package com.stocklens.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * How one source's code for an item resolves: to a seller SKU identity, or to nothing.
 *
 * @param sourceId   the warehouse source (connection id), e.g. {@code shipmonk:main}
 * @param code       the code the warehouse knows the item by, e.g. {@code CA1-10042}
 * @param sellerSku  the identity it belongs to; null when {@link MatchMethod#mapped() unmapped}
 * @param method     how it was decided
 * @param barcode    the item's barcode as the warehouse reported it, or null
 * @param candidates for a {@link MatchMethod#CONFLICT}, the identities that fit; else empty
 * @param by         who decided: {@code system} for the automatic rules, a person's name for MANUAL
 * @param at         when the decision was made (unchanged while the outcome stays the same)
 */
public record SkuMapping(String sourceId, String code, String sellerSku, MatchMethod method, String barcode,
                         List<String> candidates, String by, Instant at) {
    /** Who the automatic rules are in the audit columns. */
    public static final String SYSTEM = "system";

    public SkuMapping {
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(method, "method");
        candidates = List.copyOf(candidates);
        if (method.mapped() && sellerSku == null) {
            throw new IllegalArgumentException(method + " needs a seller SKU");
        }
    }

    /** The seller SKU rows of this code are stored under: the identity, else the code itself. */
    public String effectiveSku() {
        return sellerSku != null ? sellerSku : code;
    }
}

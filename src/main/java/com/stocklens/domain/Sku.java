package com.stocklens.domain;

import java.util.Objects;

/** A product variant the seller stocks, with a human name and its codes. */
public record Sku(SkuCodes codes, String name) {
    public Sku {
        Objects.requireNonNull(codes, "codes");
    }

    public String sellerSku() {
        return codes.sellerSku();
    }
}

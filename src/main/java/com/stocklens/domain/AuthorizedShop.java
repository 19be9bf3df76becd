package com.stocklens.domain;

import java.util.Objects;

/**
 * A TikTok shop an authorization reaches (Get Authorized Shops).
 *
 * @param id     TikTok shop id
 * @param cipher the {@code shop_cipher} shop-scoped calls carry
 * @param name   shop name
 * @param region site, e.g. "US" or "GB"
 */
public record AuthorizedShop(String id, String cipher, String name, String region) {
    public AuthorizedShop {
        Objects.requireNonNull(cipher, "cipher");
    }
}

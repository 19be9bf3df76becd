package com.stocklens.domain;

import java.util.List;

/**
 * What a connection test found: the shops or warehouses the credentials reach and how many SKUs.
 *
 * @param shops      TikTok shop names (empty for a warehouse)
 * @param warehouses warehouse names
 * @param skuCount   SKUs seen, or -1 when the test did not count them
 * @param requests   HTTP requests the test cost
 */
public record SourceProbe(List<String> shops, List<String> warehouses, int skuCount, int requests) {
    public SourceProbe {
        shops = List.copyOf(shops);
        warehouses = List.copyOf(warehouses);
    }
}

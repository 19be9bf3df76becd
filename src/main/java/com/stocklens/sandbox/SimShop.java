package com.stocklens.sandbox;

import java.util.List;

/**
 * A simulated TikTok shop and its warehouses.
 *
 * @param id         shop id
 * @param name       shop name
 * @param region     market code (US, GB)
 * @param sellerType LOCAL or CROSS_BORDER
 * @param cipher     value for the {@code shop_cipher} parameter
 * @param code       shop code shown in Seller Center
 * @param currency   price currency
 * @param warehouses the shop's TikTok warehouses (sales and return)
 */
public record SimShop(String id, String name, String region, String sellerType, String cipher, String code,
                      String currency, List<TikTokWarehouse> warehouses) {
    public SimShop {
        warehouses = List.copyOf(warehouses);
    }

    /**
     * One TikTok warehouse record.
     *
     * @param id         TikTok warehouse id
     * @param entityId   physical entity id (shared by a sales and a return warehouse in one building)
     * @param name       name
     * @param type       SALES_WAREHOUSE or RETURN_WAREHOUSE
     * @param fcId       the ShipBob FC behind it (0 when a partner warehouse is)
     * @param isDefault  TikTok's default-warehouse flag
     * @param partner    the partner warehouse behind it ({@link PartnerWarehouse#id()}), or null for a ShipBob FC
     */
    public record TikTokWarehouse(String id, String entityId, String name, String type, int fcId,
                                  boolean isDefault, String partner) {
        /** A warehouse of a ShipBob FC. */
        public TikTokWarehouse(String id, String entityId, String name, String type, int fcId, boolean isDefault) {
            this(id, entityId, name, type, fcId, isDefault, null);
        }

        public boolean isSales() {
            return "SALES_WAREHOUSE".equals(type);
        }

        /** Fed by a partner warehouse (a spreadsheet the seller uploads to Seller Center), not a ShipBob FC. */
        public boolean isPartner() {
            return partner != null;
        }
    }
}

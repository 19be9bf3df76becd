package com.stocklens.service;

import com.stocklens.domain.SkuMapping;

/**
 * The SKU mapping screen's and CLI's access to identities and mappings. Blocking: call off the FX thread.
 * A change applies from the next sync of the code's source (the stored snapshots stay as they were read).
 */
public interface SkuMappings {
    /** Identities, every source's mappings and the warehouse sources a code can be assigned for. */
    MappingBoard read();

    /**
     * Assigns one source's code to a seller SKU (a MANUAL mapping, which wins over the automatic rules).
     * Assigning a code to itself keeps the item under its own code on purpose.
     *
     * @throws IllegalArgumentException when the source is unknown, a value is blank, or the seller SKU is
     *                                  neither a known identity nor the code itself; the message says which
     */
    SkuMapping assign(String sourceId, String code, String sellerSku, String who);

    /**
     * Removes a MANUAL mapping: the code goes back to the automatic rules, whose outcome is returned.
     *
     * @throws IllegalArgumentException when the code has no MANUAL mapping
     */
    SkuMapping clear(String sourceId, String code, String who);

    /** No mapping service: an empty board, and changes are refused. */
    SkuMappings NONE = new SkuMappings() {
        @Override
        public MappingBoard read() {
            return MappingBoard.EMPTY;
        }

        @Override
        public SkuMapping assign(String sourceId, String code, String sellerSku, String who) {
            throw new IllegalArgumentException("SKU mapping is not available in this build");
        }

        @Override
        public SkuMapping clear(String sourceId, String code, String who) {
            throw new IllegalArgumentException("SKU mapping is not available in this build");
        }
    };
}

package com.stocklens.domain;

/**
 * One line of the three-code check (三码校验): the codes that should name the same product.
 * Any field may be null or blank (a missing link). {@code line} is the 1-based source line, 0 when not from a file.
 */
public record CodeRecord(int line, String tiktokSku, String sellerSku, String barcode, String warehouse,
                         String wmsSku) {
}

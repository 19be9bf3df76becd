package com.stocklens.imports;

import com.stocklens.service.ColumnMapping;
import com.stocklens.service.ImportField;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Suggests which column is which from header names in English and Chinese, the way warehouse
 * exports and sellers' own sheets name them (SKU / 商品编码 / 产品代码, 可用 / 可售 / available, 在途,
 * 冻结, 待上架 / 质检, 预占 / 待出库 …). An exact name wins over a name that merely contains a word;
 * each column feeds at most one field.
 */
public final class HeaderSuggestions {
    /**
     * Words per field, normalised (lower case, no spaces, underscores, dashes or brackets). Order
     * matters for "contains": returns before QC (退货待检 contains 待检), SKU before barcode.
     */
    private static final Map<ImportField, List<String>> WORDS = new LinkedHashMap<>();

    static {
        WORDS.put(ImportField.SKU, List.of("sku", "sellersku", "merchantsku", "skucode", "sku编码", "商品sku",
                "卖家sku", "商品编码", "产品代码", "产品编码", "商品代码", "货号", "itemcode", "productcode", "itemsku"));
        WORDS.put(ImportField.BARCODE, List.of("barcode", "upc", "ean", "gtin", "条码", "条形码", "商品条码"));
        WORDS.put(ImportField.RETURN_PENDING_QC, List.of("returnpendingqc", "returnpending", "returnsawaitingqc",
                "returns", "退货待检", "退货待质检", "退件待检", "退货"));
        WORDS.put(ImportField.IN_TRANSIT, List.of("intransit", "inbound", "transit", "在途", "在途库存", "采购在途"));
        WORDS.put(ImportField.QC_HOLD, List.of("qchold", "qc", "receiving", "putaway", "pendingputaway", "待上架",
                "质检", "质检中", "待质检", "待检"));
        WORDS.put(ImportField.FROZEN, List.of("frozen", "blocked", "damaged", "hold", "冻结", "冻结库存", "异常",
                "不良品", "残次"));
        WORDS.put(ImportField.RESERVED, List.of("reserved", "allocated", "committed", "预占", "待出库", "预留",
                "已占用", "占用", "锁定"));
        WORDS.put(ImportField.AVAILABLE, List.of("available", "availableqty", "sellable", "可用", "可售", "可用库存",
                "可售库存", "可用数量"));
        WORDS.put(ImportField.ON_HAND, List.of("onhand", "qtyonhand", "quantityonhand", "onhandqty", "在仓",
                "在库", "在仓库存", "实际库存", "库存数量", "总库存", "库存", "stock", "quantity", "qty"));
    }

    private HeaderSuggestions() {
    }

    static String normalise(String header) {
        return header == null ? "" : header.toLowerCase(Locale.ROOT)
                .replaceAll("[\\s_\\-./()（）\\[\\]【】:：]", "");
    }

    /** True when a header reads like the SKU column (used to find the header row). */
    static boolean looksLikeSku(String header) {
        String n = normalise(header);
        return !n.isEmpty() && WORDS.get(ImportField.SKU).contains(n);
    }

    /** The mapping suggested for these headers; fields already in {@code keep} and their headers stay. */
    public static ColumnMapping suggest(List<String> headers, ColumnMapping keep) {
        Map<ImportField, String> out = new EnumMap<>(ImportField.class);
        Set<String> used = new HashSet<>();
        keep.columns().forEach((f, h) -> {
            if (headers.contains(h)) {
                out.put(f, h);
                used.add(h);
            }
        });
        // Pass 1: exact names; pass 2: names containing a word.
        for (int pass = 0; pass < 2; pass++) {
            for (Map.Entry<ImportField, List<String>> e : WORDS.entrySet()) {
                if (out.containsKey(e.getKey())) {
                    continue;
                }
                for (String h : headers) {
                    if (used.contains(h) || h.isBlank()) {
                        continue;
                    }
                    String n = normalise(h);
                    boolean hit = pass == 0 ? e.getValue().contains(n)
                            : e.getValue().stream().anyMatch(w -> w.length() >= 2 && n.contains(w));
                    if (hit) {
                        out.put(e.getKey(), h);
                        used.add(h);
                        break;
                    }
                }
            }
        }
        return new ColumnMapping(out);
    }
}

package com.stocklens.imports;

import com.stocklens.service.ColumnMapping;
import com.stocklens.service.ImportField;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Suggests which column is which from header names in English and Chinese, the way warehouse exports and
 * sellers' own sheets name them (SKU / 商品编码 / 产品代码, 可用 / 可售 / available, 在途, 冻结, 待上架 / 质检,
 * 预占 / 待出库 …). The rules, in this order (docs/guide/stock-files.md, "How columns are recognised"):
 * <ol>
 * <li>a column the remembered mapping names keeps its field;</li>
 * <li><b>exact names</b> first: the header, lower-cased without spaces, underscores, dashes, dots, slashes and
 *     brackets, equals one of a field's names ("On hand", "ON_HAND", "qty_on_hand");</li>
 * <li>then <b>whole words</b>: a field's name appears in the header as whole words ("Available qty", "QTY ON
 *     HAND (pcs)", "onHandQty"); English words are split at spaces, punctuation and camelCase, so
 *     "Unavailable" does not contain "available" and "Reorder threshold" does not contain "hold". Chinese has no
 *     spaces, so a Chinese name is found inside a run of Chinese characters ("可用库存数量"); a name right after
 *     a negation (not, non, no, un-, 不, 非, 未, 无) does not count ("Not available", "不可用");</li>
 * <li>the generic names — qty, quantity, stock, 库存 — count only as exact names (for on hand): a header
 *     "Unavailable qty" is not on hand;</li>
 * <li>fields are tried in this order, each column feeding at most one field: SKU, barcode, returns pending QC,
 *     in transit, QC hold, frozen, reserved, available, on hand (so "退货待检" is returns, not QC hold, and
 *     "Reserved qty" is reserved).</li>
 * </ol>
 */
public final class HeaderSuggestions {
    /** Names per field, in the order fields are tried. Latin names as words; Chinese names as written. */
    private static final Map<ImportField, List<String>> NAMES = new LinkedHashMap<>();
    /** Names that count only as the whole header: too generic to find inside one. */
    private static final Set<String> EXACT_ONLY = Set.of("qty", "quantity", "stock", "库存");
    private static final Set<String> NEGATIONS = Set.of("not", "non", "no", "un");
    private static final String CJK_NEGATIONS = "不非未无";

    static {
        NAMES.put(ImportField.SKU, List.of("sku", "seller sku", "merchant sku", "sku code", "sku编码", "商品sku",
                "卖家sku", "商品编码", "产品代码", "产品编码", "商品代码", "货号", "item code", "product code", "item sku"));
        NAMES.put(ImportField.BARCODE, List.of("barcode", "upc", "ean", "gtin", "条码", "条形码", "商品条码"));
        NAMES.put(ImportField.RETURN_PENDING_QC, List.of("return pending qc", "return pending", "returns awaiting qc",
                "returns", "退货待检", "退货待质检", "退件待检", "退货"));
        NAMES.put(ImportField.IN_TRANSIT, List.of("in transit", "inbound", "transit", "在途", "在途库存", "采购在途"));
        NAMES.put(ImportField.QC_HOLD, List.of("qc hold", "qc", "receiving", "putaway", "pending putaway", "待上架",
                "质检", "质检中", "待质检", "待检"));
        NAMES.put(ImportField.FROZEN, List.of("frozen", "blocked", "damaged", "hold", "冻结", "冻结库存", "异常",
                "不良品", "残次"));
        NAMES.put(ImportField.RESERVED, List.of("reserved", "allocated", "committed", "预占", "待出库", "预留",
                "已占用", "占用", "锁定"));
        NAMES.put(ImportField.AVAILABLE, List.of("available", "available qty", "sellable", "可用", "可售", "可用库存",
                "可售库存", "可用数量"));
        NAMES.put(ImportField.ON_HAND, List.of("on hand", "qty on hand", "quantity on hand", "on hand qty", "在仓",
                "在库", "在仓库存", "实际库存", "库存数量", "总库存", "库存", "stock", "quantity", "qty"));
    }

    private HeaderSuggestions() {
    }

    /** Lower case without spaces, underscores, dashes, dots, slashes or brackets: how exact names compare. */
    static String normalise(String header) {
        return header == null ? "" : header.toLowerCase(Locale.ROOT)
                .replaceAll("[\\s_\\-./()（）\\[\\]【】:：]", "");
    }

    /** True when a header reads like the SKU column (used to find the header row). */
    static boolean looksLikeSku(String header) {
        String n = normalise(header);
        return !n.isEmpty() && NAMES.get(ImportField.SKU).stream().anyMatch(w -> normalise(w).equals(n));
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
        for (int pass = 0; pass < 2; pass++) {
            for (Map.Entry<ImportField, List<String>> e : NAMES.entrySet()) {
                if (out.containsKey(e.getKey())) {
                    continue;
                }
                for (String h : headers) {
                    if (used.contains(h) || h.isBlank()) {
                        continue;
                    }
                    boolean hit = pass == 0 ? e.getValue().stream().anyMatch(w -> normalise(w).equals(normalise(h)))
                            : e.getValue().stream().anyMatch(w -> containsWords(h, w));
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

    /** True when {@code name} appears in {@code header} as whole words, not right after a negation. */
    static boolean containsWords(String header, String name) {
        if (EXACT_ONLY.contains(name)) {
            return false;
        }
        if (isCjk(name.codePointAt(0))) {
            return containsCjk(header, name);
        }
        List<String> words = words(header);
        List<String> wanted = words(name);
        for (int i = 0; i + wanted.size() <= words.size(); i++) {
            if (words.subList(i, i + wanted.size()).equals(wanted) && (i == 0 || !NEGATIONS.contains(words.get(i - 1)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsCjk(String header, String name) {
        for (int at = header.indexOf(name); at >= 0; at = header.indexOf(name, at + 1)) {
            if (at == 0 || CJK_NEGATIONS.indexOf(header.charAt(at - 1)) < 0) {
                return true;
            }
        }
        return false;
    }

    /** The header's words: lower case, split at anything but letters and digits, at camelCase and at Chinese. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        int prev = -1;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            boolean letterOrDigit = Character.isLetterOrDigit(c) && !isCjk(c);
            boolean camel = prev >= 0 && Character.isLowerCase(prev) && Character.isUpperCase(c);
            if (!letterOrDigit || camel) {
                if (!w.isEmpty()) {
                    out.add(w.toString());
                    w.setLength(0);
                }
            }
            if (letterOrDigit) {
                w.appendCodePoint(Character.toLowerCase(c));
            }
            prev = c;
        }
        if (!w.isEmpty()) {
            out.add(w.toString());
        }
        return out;
    }

    private static boolean isCjk(int c) {
        Character.UnicodeScript s = Character.UnicodeScript.of(c);
        return s == Character.UnicodeScript.HAN;
    }
}

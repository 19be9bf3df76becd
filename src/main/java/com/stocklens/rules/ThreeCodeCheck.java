package com.stocklens.rules;

import com.stocklens.domain.CodeCheckResult;
import com.stocklens.domain.CodeFinding;
import com.stocklens.domain.CodeFindingKind;
import com.stocklens.domain.CodeRecord;
import com.stocklens.domain.Wording;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The three-code check (三码校验, docs/DOMAIN.md §7): TikTok SKU ↔ barcode ↔ each warehouse's SKU id, with
 * the seller SKU as the hub that joins them. Finds missing links, one-to-many links, duplicate links,
 * barcodes failing the GS1 check digit and seller SKUs that differ only in case or whitespace.
 *
 * <p>Seller SKUs are compared by exact value (a SKU with a trailing space is a different SKU to the
 * warehouse, which is precisely the set-up mistake {@link CodeFindingKind#CASE_OR_SPACE_VARIANT}
 * reports); barcodes by {@link Gtin#key}; every other code after trimming.
 */
public final class ThreeCodeCheck {
    private ThreeCodeCheck() {
    }

    /** Checks the records; findings are ordered by kind, then by their first line. */
    public static CodeCheckResult check(List<CodeRecord> records) {
        return check(records, Map.of());
    }

    /**
     * Checks the records, naming warehouses by {@code warehouseNames} (warehouse id → display name) where it
     * knows them and by the records' own warehouse text elsewhere.
     */
    public static CodeCheckResult check(List<CodeRecord> records, Map<String, String> warehouseNames) {
        List<Hit> hits = new ArrayList<>();
        Set<String> skus = new HashSet<>();
        for (CodeRecord r : records) {
            if (!blank(r.sellerSku())) {
                skus.add(r.sellerSku());
            }
        }
        missing(records, hits, warehouseNames);
        badCheckDigits(records, hits);
        oneToMany(records, hits, warehouseNames);
        duplicates(records, hits);
        variants(records, hits);

        hits.sort(Comparator.comparing((Hit h) -> h.finding.kind())
                .thenComparing(h -> h.finding.lines().isEmpty() ? Integer.MAX_VALUE : h.finding.lines().get(0))
                .thenComparing(h -> String.valueOf(h.finding.sellerSku())));
        Set<String> flagged = new HashSet<>();
        hits.forEach(h -> flagged.addAll(h.skus));
        flagged.retainAll(skus);
        return new CodeCheckResult(hits.stream().map(h -> h.finding).toList(), skus.size(), flagged.size());
    }

    /**
     * A finding and every seller SKU it concerns: one finding can name several SKUs (one barcode on two
     * SKUs) and each of them counts towards the mismatch rate.
     */
    private record Hit(CodeFinding finding, Set<String> skus) {
    }

    private static void add(List<Hit> hits, CodeFindingKind kind, String sku, Set<String> skus,
                            List<CodeRecord> on, Wording detail) {
        List<Integer> lines = on.stream().map(CodeRecord::line).filter(l -> l > 0).distinct().sorted().toList();
        Set<String> concerned = new LinkedHashSet<>();
        if (!blank(sku)) {
            concerned.add(sku);
        }
        concerned.addAll(skus);
        hits.add(new Hit(new CodeFinding(kind, blank(sku) ? null : sku, lines, detail), concerned));
    }

    /**
     * Missing TikTok SKU and barcode are properties of the seller SKU, so one finding per SKU names
     * every line that lacks it; the warehouse id belongs to one warehouse, so one finding per line.
     */
    private static void missing(List<CodeRecord> records, List<Hit> hits, Map<String, String> names) {
        Map<String, List<CodeRecord>> noTikTok = new LinkedHashMap<>();
        Map<String, List<CodeRecord>> noBarcode = new LinkedHashMap<>();
        for (CodeRecord r : records) {
            String sku = nz(r.sellerSku());
            if (blank(r.tiktokSku())) {
                noTikTok.computeIfAbsent(sku, k -> new ArrayList<>()).add(r);
            }
            if (blank(r.barcode())) {
                noBarcode.computeIfAbsent(sku, k -> new ArrayList<>()).add(r);
            }
            if (blank(r.wmsSku())) {
                Wording where = blank(r.warehouse()) ? Wording.of("codes.theWarehouse")
                        : warehouseName(r.warehouse().trim(), names);
                add(hits, CodeFindingKind.MISSING_WMS_SKU, sku, Set.of(), List.of(r),
                        Wording.of("codes.missingWmsSku", label(sku), where));
            }
        }
        noTikTok.forEach((sku, on) -> add(hits, CodeFindingKind.MISSING_TIKTOK_SKU, sku, Set.of(), on,
                Wording.of("codes.missingTikTokSku", label(sku))));
        noBarcode.forEach((sku, on) -> add(hits, CodeFindingKind.MISSING_BARCODE, sku, Set.of(), on,
                Wording.of("codes.missingBarcode", label(sku))));
    }

    /** One finding per (seller SKU, barcode), however many warehouse lines repeat the bad code. */
    private static void badCheckDigits(List<CodeRecord> records, List<Hit> hits) {
        Map<List<String>, List<CodeRecord>> bad = new LinkedHashMap<>();
        Map<List<String>, Wording> problems = new LinkedHashMap<>();
        for (CodeRecord r : records) {
            if (blank(r.barcode())) {
                continue;
            }
            Gtin.problem(r.barcode()).ifPresent(p -> {
                List<String> key = List.of(nz(r.sellerSku()), Gtin.key(r.barcode()));
                bad.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
                problems.putIfAbsent(key, p);
            });
        }
        bad.forEach((key, on) -> add(hits, CodeFindingKind.BAD_CHECK_DIGIT, key.get(0), Set.of(), on,
                Wording.of("codes.badGtin", inSentence(key.get(0)), problems.get(key))));
    }

    private static void oneToMany(List<CodeRecord> records, List<Hit> hits, Map<String, String> names) {
        List<CodeRecord> withSku = records.stream().filter(r -> !blank(r.sellerSku())).toList();
        // One seller SKU, several barcodes: the warehouse and the listing may scan different products.
        fanOut(withSku, CodeRecord::sellerSku, r -> blank(r.barcode()) ? null : Gtin.key(r.barcode()),
                r -> Gtin.normalise(r.barcode()), hits, true,
                (key, values, on) -> Wording.of("codes.manyBarcodes", label(key), values.size(), quoted(values)));
        fanOut(withSku, CodeRecord::sellerSku, r -> trimmedOrNull(r.tiktokSku()), r -> r.tiktokSku().trim(), hits,
                true, (key, values, on) -> Wording.of("codes.manyTikTokSkus", label(key), values.size(),
                        quoted(values)));
        fanOut(withSku, r -> blank(r.wmsSku()) ? null : r.sellerSku() + '\u0000' + nz(r.warehouse()).trim(),
                r -> r.wmsSku().trim(), r -> r.wmsSku().trim(), hits, true,
                (key, values, on) -> Wording.of("codes.manyWmsIds", label(key.substring(0, key.indexOf('\u0000'))),
                        values.size(), warehouseName(key.substring(key.indexOf('\u0000') + 1), names),
                        quoted(values)));
        // The reverse direction: one code shared by several seller SKUs.
        fanOut(withSku, r -> blank(r.barcode()) ? null : Gtin.key(r.barcode()), CodeRecord::sellerSku,
                CodeRecord::sellerSku, hits, false,
                (key, values, on) -> Wording.of("codes.sharedBarcode", Gtin.normalise(on.get(0).barcode()),
                        values.size(), quoted(values)));
        fanOut(withSku, r -> trimmedOrNull(r.tiktokSku()), CodeRecord::sellerSku, CodeRecord::sellerSku, hits,
                false, (key, values, on) -> Wording.of("codes.sharedTikTokSku", key, values.size(),
                        quoted(values)));
        fanOut(withSku, r -> blank(r.wmsSku()) ? null : nz(r.warehouse()).trim() + '\u0000' + r.wmsSku().trim(),
                CodeRecord::sellerSku, CodeRecord::sellerSku, hits, false,
                (key, values, on) -> Wording.of("codes.sharedWmsId", key.substring(key.indexOf('\u0000') + 1),
                        warehouseName(key.substring(0, key.indexOf('\u0000')), names), values.size(),
                        quoted(values)));
    }

    private interface Describe {
        Wording detail(String key, Set<String> shownValues, List<CodeRecord> on);
    }

    /**
     * Groups records by {@code key} and reports each key seen with more than one distinct {@code value}.
     * {@code keyIsSku}: whether the key is the seller SKU (else the values are, and all of them count).
     */
    private static void fanOut(List<CodeRecord> records, Function<CodeRecord, String> key,
                               Function<CodeRecord, String> value, Function<CodeRecord, String> shown,
                               List<Hit> hits, boolean keyIsSku, Describe describe) {
        Map<String, Map<String, List<CodeRecord>>> groups = new LinkedHashMap<>();
        for (CodeRecord r : records) {
            String k = key.apply(r);
            String v = k == null ? null : value.apply(r);
            if (k == null || v == null) {
                continue;
            }
            groups.computeIfAbsent(k, x -> new LinkedHashMap<>()).computeIfAbsent(v, x -> new ArrayList<>()).add(r);
        }
        groups.forEach((k, byValue) -> {
            if (byValue.size() < 2) {
                return;
            }
            List<CodeRecord> on = byValue.values().stream().flatMap(List::stream).toList();
            Set<String> shownValues = byValue.values().stream().map(list -> shown.apply(list.get(0)))
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            Set<String> skus = on.stream().map(CodeRecord::sellerSku).collect(Collectors.toCollection(TreeSet::new));
            String sku = keyIsSku ? on.get(0).sellerSku() : skus.iterator().next();
            add(hits, CodeFindingKind.ONE_TO_MANY, sku, skus, on, describe.detail(k, shownValues, on));
        });
    }

    /** The same whole link listed more than once: harmless alone, but it hides edits made to one copy. */
    private static void duplicates(List<CodeRecord> records, List<Hit> hits) {
        Map<List<String>, List<CodeRecord>> links = new LinkedHashMap<>();
        for (CodeRecord r : records) {
            List<String> link = List.of(nz(r.tiktokSku()).trim(), nz(r.sellerSku()), Gtin.key(r.barcode()),
                    nz(r.warehouse()).trim(), nz(r.wmsSku()).trim());
            links.computeIfAbsent(link, k -> new ArrayList<>()).add(r);
        }
        links.forEach((link, on) -> {
            if (on.size() > 1) {
                add(hits, CodeFindingKind.DUPLICATE_LINK, link.get(1), Set.of(), on,
                        Wording.of("codes.duplicateLink", inSentence(link.get(1)), on.size(),
                                on.get(0).line() > 0 ? Wording.of("codes.lines", lines(on)) : ""));
            }
        });
    }

    /** Seller SKUs equal once lower-cased and stripped of whitespace, but not identical. */
    private static void variants(List<CodeRecord> records, List<Hit> hits) {
        Map<String, Map<String, List<CodeRecord>>> groups = new LinkedHashMap<>();
        for (CodeRecord r : records) {
            if (blank(r.sellerSku())) {
                continue;
            }
            String folded = r.sellerSku().replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
            groups.computeIfAbsent(folded, k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.sellerSku(), k -> new ArrayList<>()).add(r);
        }
        groups.forEach((folded, bySku) -> {
            if (bySku.size() < 2) {
                return;
            }
            List<CodeRecord> on = bySku.values().stream().flatMap(List::stream).toList();
            String shown = quoted(bySku.keySet());
            add(hits, CodeFindingKind.CASE_OR_SPACE_VARIANT, on.get(0).sellerSku(), bySku.keySet(), on,
                    Wording.of("codes.caseOrSpace", shown));
        });
    }

    private static String lines(List<CodeRecord> on) {
        return on.stream().map(r -> Integer.toString(r.line())).collect(Collectors.joining(", "));
    }

    /** A seller SKU inside a sentence: "seller SKU A-1". */
    private static Wording inSentence(String sku) {
        return blank(sku) ? Wording.of("codes.noSellerSku") : Wording.of("codes.sellerSku", sku);
    }

    /** Values as a list a person can read, quoted so a trailing space shows: "A-1", "a-1 ". */
    private static String quoted(Set<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", "));
    }

    /** A seller SKU opening a sentence: "Seller SKU A-1". */
    private static Wording label(String sku) {
        return blank(sku) ? Wording.of("codes.noSellerSku.first") : Wording.of("codes.sellerSku.first", sku);
    }

    /** "warehouse Moreno Valley (CA)": its display name where known, else the warehouse as the record has it. */
    private static Wording warehouseName(String warehouse, Map<String, String> names) {
        return warehouse.isEmpty() ? Wording.of("codes.unnamedWarehouse")
                : Wording.of("codes.warehouse", names.getOrDefault(warehouse, warehouse));
    }

    private static String trimmedOrNull(String s) {
        return blank(s) ? null : s.trim();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}

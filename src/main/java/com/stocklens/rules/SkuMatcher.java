package com.stocklens.rules;

import com.stocklens.domain.MatchMethod;
import com.stocklens.domain.SkuIdentity;
import com.stocklens.domain.SkuMapping;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Decides which SKU identity a warehouse's item belongs to, in this order:
 * <ol>
 *   <li>a person's mapping of that source's code ({@link MatchMethod#MANUAL});</li>
 *   <li>the code is an identity's seller SKU exactly ({@link MatchMethod#AUTO_SKU});</li>
 *   <li>the code equals exactly one identity's seller SKU once case and spaces are ignored
 *       ({@link MatchMethod#AUTO_SKU_FOLDED});</li>
 *   <li>the item's barcode, a valid GTIN compared by {@link Gtin#key} (UPC-A 12 = EAN-13 with a leading
 *       0), belongs to exactly one identity ({@link MatchMethod#AUTO_BARCODE});</li>
 *   <li>else, when two or more identities fit by rule 3 or 4, {@link MatchMethod#CONFLICT} (never guessed),
 *       otherwise {@link MatchMethod#UNMAPPED}: both keep the item under its own code.</li>
 * </ol>
 * A barcode with a wrong check digit never matches: it is more likely a typo than a shared product.
 * Pure and immutable; build one per sync from the identities and manual mappings of that moment.
 */
public final class SkuMatcher {
    /** The outcome for one code. {@code sellerSku} is null unless {@code method.mapped()}. */
    public record Match(String sellerSku, MatchMethod method, List<String> candidates) {
        public Match {
            Objects.requireNonNull(method, "method");
            candidates = List.copyOf(candidates);
        }

        static Match to(String sellerSku, MatchMethod method) {
            return new Match(sellerSku, method, List.of());
        }
    }

    private final Set<String> exact = new HashSet<>();
    private final Map<String, List<String>> folded = new HashMap<>();
    private final Map<String, List<String>> byBarcode = new HashMap<>();
    private final Map<String, String> manual = new HashMap<>();

    private SkuMatcher() {
    }

    /**
     * @param identities the known identities (duplicates by seller SKU are merged)
     * @param mappings   stored mappings; only the MANUAL ones take part
     */
    public static SkuMatcher of(Collection<SkuIdentity> identities, Collection<SkuMapping> mappings) {
        SkuMatcher m = new SkuMatcher();
        for (SkuIdentity id : identities) {
            if (!m.exact.add(id.sellerSku())) {
                continue;
            }
            m.folded.computeIfAbsent(fold(id.sellerSku()), k -> new ArrayList<>(1)).add(id.sellerSku());
        }
        for (SkuIdentity id : identities) {
            for (String barcode : id.barcodes()) {
                if (Gtin.isValid(barcode)) {
                    List<String> skus = m.byBarcode.computeIfAbsent(Gtin.key(barcode), k -> new ArrayList<>(1));
                    if (!skus.contains(id.sellerSku())) {
                        skus.add(id.sellerSku());
                    }
                }
            }
        }
        for (SkuMapping s : mappings) {
            if (s.method() == MatchMethod.MANUAL) {
                m.manual.put(key(s.sourceId(), s.code()), s.sellerSku());
            }
        }
        return m;
    }

    /**
     * The identity of one item of one source.
     *
     * @param sourceId the warehouse source
     * @param code     the code the warehouse knows the item by
     * @param barcode  the item's barcode, or null
     */
    public Match match(String sourceId, String code, String barcode) {
        Objects.requireNonNull(code, "code");
        String assigned = manual.get(key(sourceId, code));
        if (assigned != null) {
            return Match.to(assigned, MatchMethod.MANUAL);
        }
        if (exact.contains(code)) {
            return Match.to(code, MatchMethod.AUTO_SKU);
        }
        List<String> byFold = folded.getOrDefault(fold(code), List.of());
        if (byFold.size() == 1) {
            return Match.to(byFold.get(0), MatchMethod.AUTO_SKU_FOLDED);
        }
        List<String> byCode = barcode != null && Gtin.isValid(barcode)
                ? byBarcode.getOrDefault(Gtin.key(barcode), List.of()) : List.of();
        if (byCode.size() == 1) {
            return Match.to(byCode.get(0), MatchMethod.AUTO_BARCODE);
        }
        Set<String> candidates = new LinkedHashSet<>(byFold);
        candidates.addAll(byCode);
        if (candidates.size() > 1) {
            return new Match(null, MatchMethod.CONFLICT, candidates.stream().sorted().toList());
        }
        return Match.to(null, MatchMethod.UNMAPPED);
    }

    /** Whether {@code sellerSku} is a known identity. */
    public boolean isIdentity(String sellerSku) {
        return exact.contains(sellerSku);
    }

    /** The code with every kind of space removed and letters upper-cased: what "case/space-insensitive" compares. */
    public static String fold(String code) {
        StringBuilder b = new StringBuilder(code.length());
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                b.append(c);
            }
        }
        return b.toString().toUpperCase(Locale.ROOT);
    }

    private static String key(String sourceId, String code) {
        return sourceId + '\u0000' + code;
    }
}

package com.stocklens.ui.mapping;

import com.stocklens.domain.MatchMethod;
import com.stocklens.domain.SkuIdentity;
import com.stocklens.domain.SkuMapping;
import com.stocklens.rules.Gtin;
import com.stocklens.service.MappingBoard;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One line of the SKU mapping table: an identity with every warehouse's code for it, or a code no
 * identity claims (unmapped, or in conflict between several). Immutable; texts are precomputed so sorting
 * and filtering compare plain fields.
 *
 * @param status     CONFLICT / UNMAPPED for a code line; for an identity the most notable way its codes were
 *                   matched (MANUAL before AUTO_BARCODE before AUTO_SKU_FOLDED before AUTO_SKU), null when no
 *                   warehouse holds it
 * @param sellerSku  the identity, null on a code line
 * @param name       the identity's name, null when unknown
 * @param tiktokIds  TikTok SKU ids, comma-separated (empty when not listed)
 * @param barcodes   distinct barcodes, comma-separated
 * @param codes      each warehouse's code: its source's name when it is the seller SKU, else {@code name: code}
 * @param candidates for a CONFLICT, the identities that fit
 * @param sourceId   a code line's source (pre-fills the form), else the first mapped source or null
 * @param code       a code line's code, else the first code that differs from the seller SKU, or null
 */
public record MappingRowViewModel(MatchMethod status, String sellerSku, String name, String tiktokIds,
                                  String barcodes, String codes, List<String> candidates, String sourceId,
                                  String code) {
    private static final List<MatchMethod> NOTABLE = List.of(MatchMethod.MANUAL, MatchMethod.AUTO_BARCODE,
            MatchMethod.AUTO_SKU_FOLDED, MatchMethod.AUTO_SKU);

    public MappingRowViewModel {
        candidates = List.copyOf(candidates);
    }

    /** Needs a person: unmapped or in conflict. */
    public boolean problem() {
        return status == MatchMethod.UNMAPPED || status == MatchMethod.CONFLICT;
    }

    /** Conflicts first, then unmapped, manual, barcode, case/space, exact, not stocked. */
    int rank() {
        if (status == null) {
            return 9;
        }
        return switch (status) {
            case CONFLICT -> 0;
            case UNMAPPED -> 1;
            case MANUAL -> 2;
            case AUTO_BARCODE -> 3;
            case AUTO_SKU_FOLDED -> 4;
            case AUTO_SKU -> 5;
        };
    }

    /** The text a filter looks in, lower case. */
    String haystack() {
        return String.join(" ", sellerSku == null ? "" : sellerSku, name == null ? "" : name, tiktokIds, barcodes,
                codes).toLowerCase(Locale.ROOT);
    }

    static final Comparator<MappingRowViewModel> ORDER = Comparator.comparingInt(MappingRowViewModel::rank)
            .thenComparing(r -> r.sellerSku != null ? r.sellerSku : r.code);

    /** The table's lines for a board, in display order; each code under its source's name. */
    public static List<MappingRowViewModel> of(MappingBoard board) {
        Map<String, List<SkuMapping>> bySku = new LinkedHashMap<>();
        List<MappingRowViewModel> out = new ArrayList<>();
        for (SkuMapping m : board.mappings()) {
            if (m.method().mapped()) {
                bySku.computeIfAbsent(m.sellerSku(), k -> new ArrayList<>()).add(m);
            } else {
                out.add(new MappingRowViewModel(m.method(), null, null, "", m.barcode() == null ? "" : m.barcode(),
                        board.sourceName(m.sourceId()) + ": " + m.code(), m.candidates(), m.sourceId(),
                        m.code()));
            }
        }
        for (SkuIdentity i : board.identities()) {
            List<SkuMapping> ms = bySku.getOrDefault(i.sellerSku(), List.of());
            MatchMethod status = NOTABLE.stream().filter(n -> ms.stream().anyMatch(m -> m.method() == n))
                    .findFirst().orElse(null);
            SkuMapping firstOther = ms.stream().filter(m -> !m.code().equals(i.sellerSku())).findFirst()
                    .orElse(ms.isEmpty() ? null : ms.get(0));
            out.add(new MappingRowViewModel(status, i.sellerSku(), i.name(), String.join(", ", i.tiktokSkuIds()),
                    distinctBarcodes(i.barcodes()),
                    ms.stream().map(m -> {
                        String source = board.sourceName(m.sourceId());
                        return m.code().equals(i.sellerSku()) ? source : source + ": " + m.code();
                    }).collect(Collectors.joining(", ")),
                    List.of(), firstOther == null ? null : firstOther.sourceId(),
                    firstOther == null ? null : firstOther.code()));
        }
        out.sort(ORDER);
        return out;
    }

    /** UPC-A and its EAN-13 are one code: shown once. */
    static String distinctBarcodes(List<String> barcodes) {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String b : barcodes) {
            byKey.putIfAbsent(Gtin.key(b), Gtin.normalise(b));
        }
        return String.join(", ", byKey.values());
    }
}

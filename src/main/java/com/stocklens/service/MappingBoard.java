package com.stocklens.service;

import com.stocklens.domain.MatchMethod;
import com.stocklens.domain.SkuIdentity;
import com.stocklens.domain.SkuMapping;
import com.stocklens.domain.SourceInfo;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Everything the SKU mapping screen shows.
 *
 * @param identities the seller SKU identities, by seller SKU
 * @param mappings   every source's codes and how they resolve, by source and code
 * @param sources     the warehouse sources a code can be assigned for
 * @param sourceNames source id → display name, for every source a code comes from (file-fed ones too)
 */
public record MappingBoard(List<SkuIdentity> identities, List<SkuMapping> mappings, List<SourceInfo> sources,
                           Map<String, String> sourceNames) {
    public static final MappingBoard EMPTY = new MappingBoard(List.of(), List.of(), List.of());

    public MappingBoard {
        identities = List.copyOf(identities);
        mappings = List.copyOf(mappings);
        sources = List.copyOf(sources);
        sourceNames = Map.copyOf(sourceNames);
    }

    /** A board that names only the sources it offers. */
    public MappingBoard(List<SkuIdentity> identities, List<SkuMapping> mappings, List<SourceInfo> sources) {
        this(identities, mappings, sources, sources.stream()
                .collect(Collectors.toMap(SourceInfo::id, SourceInfo::displayName, (a, b) -> a)));
    }

    /** A source's display name, its id when the board does not know it. */
    public String sourceName(String sourceId) {
        return sourceNames.getOrDefault(sourceId, sourceId);
    }

    /** Codes no identity claims. */
    public List<SkuMapping> unmapped() {
        return mappings.stream().filter(m -> m.method() == MatchMethod.UNMAPPED).toList();
    }

    /** Codes more than one identity fits. */
    public List<SkuMapping> conflicts() {
        return mappings.stream().filter(m -> m.method() == MatchMethod.CONFLICT).toList();
    }

    /** The mappings tied to one identity. */
    public List<SkuMapping> mappingsOf(String sellerSku) {
        return mappings.stream().filter(m -> sellerSku.equals(m.sellerSku())).toList();
    }
}

package com.stocklens.service;

import com.stocklens.domain.MatchMethod;
import com.stocklens.domain.SkuIdentity;
import com.stocklens.domain.SkuMapping;
import com.stocklens.domain.SourceInfo;
import java.util.List;

/**
 * Everything the SKU mapping screen shows.
 *
 * @param identities the seller SKU identities, by seller SKU
 * @param mappings   every source's codes and how they resolve, by source and code
 * @param sources    the warehouse sources a code can be assigned for
 */
public record MappingBoard(List<SkuIdentity> identities, List<SkuMapping> mappings, List<SourceInfo> sources) {
    public static final MappingBoard EMPTY = new MappingBoard(List.of(), List.of(), List.of());

    public MappingBoard {
        identities = List.copyOf(identities);
        mappings = List.copyOf(mappings);
        sources = List.copyOf(sources);
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

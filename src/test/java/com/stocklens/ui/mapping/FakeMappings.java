package com.stocklens.ui.mapping;

import com.stocklens.domain.MatchMethod;
import com.stocklens.domain.Provider;
import com.stocklens.domain.SkuIdentity;
import com.stocklens.domain.SkuMapping;
import com.stocklens.domain.SourceInfo;
import com.stocklens.domain.SourceKind;
import com.stocklens.service.MappingBoard;
import com.stocklens.service.SkuMappings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An in-memory mapping service: two identities, a partner code matched by barcode, one unmapped, one conflict. */
final class FakeMappings implements SkuMappings {
    static final SourceInfo SHIPBOB = new SourceInfo("shipbob:main", SourceKind.WAREHOUSE, Provider.SHIPBOB, "ShipBob");
    static final SourceInfo SHIPMONK = new SourceInfo("shipmonk:main", SourceKind.WAREHOUSE, Provider.SHIPMONK, "ShipMonk");
    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<SkuMapping> mappings = new CopyOnWriteArrayList<>(List.of(
            m(SHIPBOB, "TTS-PS-BLK-01", "TTS-PS-BLK-01", MatchMethod.AUTO_SKU, List.of()),
            m(SHIPBOB, "TTS-PS-WHT-01", "TTS-PS-WHT-01", MatchMethod.AUTO_SKU, List.of()),
            m(SHIPMONK, "CA1-10042", "TTS-PS-BLK-01", MatchMethod.AUTO_BARCODE, List.of()),
            m(SHIPMONK, "CA1-99999", null, MatchMethod.UNMAPPED, List.of()),
            m(SHIPMONK, "CA1-10077", null, MatchMethod.CONFLICT, List.of("TTS-PS-BLK-01", "TTS-PS-WHT-01"))));

    private static SkuMapping m(SourceInfo s, String code, String sku, MatchMethod method, List<String> candidates) {
        return new SkuMapping(s.id(), code, sku, method, "6901234567892", candidates, SkuMapping.SYSTEM, Instant.EPOCH);
    }

    @Override
    public MappingBoard read() {
        return new MappingBoard(List.of(
                new SkuIdentity("TTS-PS-BLK-01", "Phone stand - Black", List.of("1729000000000000001"), List.of("6901234567892")),
                new SkuIdentity("TTS-PS-WHT-01", "Phone stand - White", List.of("1729000000000000002"), List.of())),
                new ArrayList<>(mappings), List.of(SHIPBOB, SHIPMONK));
    }

    @Override
    public SkuMapping assign(String sourceId, String code, String sellerSku, String who) {
        calls.add("assign " + sourceId + " " + code + " " + sellerSku + " " + who);
        if (sellerSku.startsWith("NOPE")) {
            throw new IllegalArgumentException("'" + sellerSku + "' is not a known seller SKU");
        }
        SkuMapping m = new SkuMapping(sourceId, code, sellerSku, MatchMethod.MANUAL, null, List.of(), who, Instant.EPOCH);
        mappings.removeIf(x -> x.sourceId().equals(sourceId) && x.code().equals(code));
        mappings.add(m);
        return m;
    }

    @Override
    public SkuMapping clear(String sourceId, String code, String who) {
        calls.add("clear " + sourceId + " " + code);
        throw new IllegalArgumentException("no manual mapping");
    }
}

package com.stocklens.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.MatchMethod;
import com.stocklens.domain.SkuIdentity;
import com.stocklens.domain.SkuMapping;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SkuMatcherTest {
    private static final String SRC = "shipmonk:main";
    /** UPC-A 036000291452 is EAN-13 0036000291452. */
    private static final String UPC = "036000291452";
    private static final String EAN_OF_UPC = "0036000291452";
    private static final String OTHER = ean("501234567890");

    private static String ean(String payload) {
        return payload + Gtin.checkDigit(payload);
    }

    private static SkuIdentity id(String sku, String... barcodes) {
        return new SkuIdentity(sku, null, List.of(), List.of(barcodes));
    }

    private static SkuMapping manual(String source, String code, String sku) {
        return new SkuMapping(source, code, sku, MatchMethod.MANUAL, null, List.of(), "li", Instant.EPOCH);
    }

    private static SkuMatcher matcher(List<SkuIdentity> ids, SkuMapping... mappings) {
        return SkuMatcher.of(ids, List.of(mappings));
    }

    @Test
    void exactSellerSkuMatches() {
        var m = matcher(List.of(id("TTS-A-01", EAN_OF_UPC))).match(SRC, "TTS-A-01", null);
        assertThat(m.method()).isEqualTo(MatchMethod.AUTO_SKU);
        assertThat(m.sellerSku()).isEqualTo("TTS-A-01");
    }

    @Test
    void caseAndSpacesAreIgnoredWhenOnlyOneIdentityFits() {
        SkuMatcher m = matcher(List.of(id("TTS-A-01")));
        assertThat(m.match(SRC, "tts-a-01", null)).isEqualTo(new SkuMatcher.Match("TTS-A-01", MatchMethod.AUTO_SKU_FOLDED, List.of()));
        assertThat(m.match(SRC, " TTS-A-01\u00a0", null).method()).isEqualTo(MatchMethod.AUTO_SKU_FOLDED);
        assertThat(m.match(SRC, "TTS -A- 01", null).method()).as("inner spaces").isEqualTo(MatchMethod.AUTO_SKU_FOLDED);
        assertThat(m.match(SRC, "TTS-A-1", null).method()).as("a different code").isEqualTo(MatchMethod.UNMAPPED);
        assertThat(m.match(SRC, "TTS_A_01", null).method()).as("punctuation is not folded").isEqualTo(MatchMethod.UNMAPPED);
    }

    @Test
    void exactBeatsFoldedWhenTwoIdentitiesDifferOnlyInCase() {
        SkuMatcher m = matcher(List.of(id("TTS-A-01"), id("tts-a-01")));
        assertThat(m.match(SRC, "tts-a-01", null).sellerSku()).isEqualTo("tts-a-01");
        var ambiguous = m.match(SRC, "Tts-A-01", null);
        assertThat(ambiguous.method()).isEqualTo(MatchMethod.CONFLICT);
        assertThat(ambiguous.sellerSku()).isNull();
        assertThat(ambiguous.candidates()).containsExactly("TTS-A-01", "tts-a-01");
    }

    @Test
    void ambiguousCaseVariantIsSettledByAUniqueBarcode() {
        SkuMatcher m = matcher(List.of(id("TTS-A-01", OTHER), id("tts-a-01", EAN_OF_UPC)));
        assertThat(m.match(SRC, "Tts-A-01", UPC)).isEqualTo(new SkuMatcher.Match("tts-a-01", MatchMethod.AUTO_BARCODE, List.of()));
    }

    @Test
    void barcodeMatchesAcrossUpcAndEan() {
        SkuMatcher m = matcher(List.of(id("TTS-A-01", EAN_OF_UPC), id("TTS-B-01", OTHER)));
        assertThat(m.match(SRC, "CA1-10042", UPC)).isEqualTo(new SkuMatcher.Match("TTS-A-01", MatchMethod.AUTO_BARCODE, List.of()));
        assertThat(m.match(SRC, "CA1-10042", "0" + EAN_OF_UPC).sellerSku()).as("GTIN-14").isEqualTo("TTS-A-01");
        assertThat(m.match(SRC, "CA1-10042", "0036 0002 9145 2").sellerSku()).as("spaces").isEqualTo("TTS-A-01");
        assertThat(m.match(SRC, "CA1-10043", OTHER).sellerSku()).isEqualTo("TTS-B-01");
    }

    @Test
    void invalidOrMissingBarcodesNeverMatch() {
        String bad = UPC.substring(0, 11) + ((UPC.charAt(11) - '0' + 1) % 10);
        SkuMatcher m = matcher(List.of(id("TTS-A-01", bad), id("TTS-B-01", EAN_OF_UPC)));
        assertThat(m.match(SRC, "X-1", bad).method()).as("bad check digit on both sides").isEqualTo(MatchMethod.UNMAPPED);
        assertThat(m.match(SRC, "X-1", null).method()).isEqualTo(MatchMethod.UNMAPPED);
        assertThat(m.match(SRC, "X-1", " ").method()).isEqualTo(MatchMethod.UNMAPPED);
        assertThat(m.match(SRC, "X-1", UPC.substring(1)).method()).as("11 digits is no GTIN").isEqualTo(MatchMethod.UNMAPPED);
    }

    @Test
    void sharedBarcodeIsAConflictNotAGuess() {
        SkuMatcher m = matcher(List.of(id("TTS-A-01", UPC), id("TTS-A-02", EAN_OF_UPC), id("TTS-B-01", OTHER)));
        var r = m.match(SRC, "CA1-10042", EAN_OF_UPC);
        assertThat(r.method()).isEqualTo(MatchMethod.CONFLICT);
        assertThat(r.sellerSku()).isNull();
        assertThat(r.candidates()).containsExactly("TTS-A-01", "TTS-A-02");
        assertThat(m.match(SRC, "TTS-A-02", EAN_OF_UPC).method()).as("its own seller SKU still matches exactly")
                .isEqualTo(MatchMethod.AUTO_SKU);
    }

    @Test
    void oneIdentityListingABarcodeTwiceIsNoConflict() {
        SkuMatcher m = matcher(List.of(id("TTS-A-01", UPC, EAN_OF_UPC)));
        assertThat(m.match(SRC, "CA1-1", UPC).method()).isEqualTo(MatchMethod.AUTO_BARCODE);
    }

    @Test
    void manualMappingBeatsEveryRuleButOnlyForItsSource() {
        SkuMatcher m = matcher(List.of(id("TTS-A-01", EAN_OF_UPC), id("TTS-B-01")),
                manual(SRC, "TTS-A-01", "TTS-B-01"), manual(SRC, "CA1-9", "CA1-9"));
        assertThat(m.match(SRC, "TTS-A-01", UPC)).isEqualTo(new SkuMatcher.Match("TTS-B-01", MatchMethod.MANUAL, List.of()));
        assertThat(m.match("winit:main", "TTS-A-01", UPC).method()).isEqualTo(MatchMethod.AUTO_SKU);
        assertThat(m.match(SRC, "CA1-9", UPC)).as("kept under its own code on purpose")
                .isEqualTo(new SkuMatcher.Match("CA1-9", MatchMethod.MANUAL, List.of()));
    }

    @Test
    void nothingKnownMeansUnmapped() {
        var r = matcher(List.of()).match(SRC, "CA1-10042", UPC);
        assertThat(r).isEqualTo(new SkuMatcher.Match(null, MatchMethod.UNMAPPED, List.of()));
        assertThat(r.method().mapped()).isFalse();
    }

    @Test
    void onlyManualMappingsOfTheStoreTakePart() {
        SkuMapping auto = new SkuMapping(SRC, "CA1-1", "TTS-A-01", MatchMethod.AUTO_BARCODE, UPC, List.of(),
                SkuMapping.SYSTEM, Instant.EPOCH);
        assertThat(matcher(List.of(id("TTS-A-01")), auto).match(SRC, "CA1-1", null).method())
                .as("a stale auto match is re-decided, not replayed").isEqualTo(MatchMethod.UNMAPPED);
    }
}

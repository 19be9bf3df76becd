package com.stocklens.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.CodeCheckResult;
import com.stocklens.domain.CodeFinding;
import com.stocklens.domain.CodeFindingKind;
import com.stocklens.domain.CodeRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each kind of finding at its boundary: one record short of it finds nothing. */
class ThreeCodeCheckTest {
    private static final String EAN_A = "4006381333931";
    private static final String EAN_B = "5012345678900";
    private static final String UPC = "036000291452";

    private final List<CodeRecord> records = new ArrayList<>();

    private ThreeCodeCheckTest line(String tiktok, String seller, String barcode, String warehouse, String wms) {
        records.add(new CodeRecord(records.size() + 2, tiktok, seller, barcode, warehouse, wms));
        return this;
    }

    private CodeCheckResult check() {
        return ThreeCodeCheck.check(records);
    }

    private List<CodeFinding> of(CodeCheckResult r, CodeFindingKind kind) {
        return r.findings().stream().filter(f -> f.kind() == kind).toList();
    }

    @Test
    void cleanCodesInSeveralWarehousesFindNothing() {
        line("1001", "A-1", EAN_A, "us-east", "W1")
                .line("1001", "A-1", EAN_A, "us-west", "W1")   // same WMS id in another warehouse: fine
                .line("1002", "B-1", EAN_B, "us-east", "W2")
                .line("1003", "C-1", UPC, "us-east", "W3");
        CodeCheckResult r = check();
        assertThat(r.findings()).isEmpty();
        assertThat(r.isClean()).isTrue();
        assertThat(r.skus()).isEqualTo(3);
        assertThat(r.flaggedSkus()).isZero();
        assertThat(r.mismatchRate()).isZero();
        assertThat(ThreeCodeCheck.check(List.of()).isClean()).isTrue();
    }

    @Test
    void missingLinksAreReportedPerSkuAndPerWarehouseLine() {
        line("", "A-1", EAN_A, "us-east", "W1")
                .line(null, "A-1", EAN_A, "us-west", "W9")
                .line("1002", "B-1", "  ", "us-east", "W2")
                .line("1003", "C-1", UPC, "us-east", "")
                .line("1004", "D-1", "96385074", "us-east", "W4");
        CodeCheckResult r = check();
        assertThat(of(r, CodeFindingKind.MISSING_TIKTOK_SKU)).singleElement().satisfies(f -> {
            assertThat(f.sellerSku()).isEqualTo("A-1");
            assertThat(f.lines()).containsExactly(2, 3);
            assertThat(f.detail().english()).contains("A-1").contains("no TikTok SKU");
        });
        assertThat(of(r, CodeFindingKind.MISSING_BARCODE)).singleElement()
                .satisfies(f -> assertThat(f.lines()).containsExactly(4));
        assertThat(of(r, CodeFindingKind.MISSING_WMS_SKU)).singleElement().satisfies(f -> {
            assertThat(f.sellerSku()).isEqualTo("C-1");
            assertThat(f.detail().english()).contains("us-east");
        });
        assertThat(r.findings()).hasSize(3);
        assertThat(r.skus()).isEqualTo(4);
        assertThat(r.flaggedSkus()).isEqualTo(3);
        assertThat(r.mismatchRate()).isEqualTo(75.0);
    }

    @Test
    void badCheckDigitOnceForASkuHoweverManyWarehouses() {
        line("1001", "A-1", "4006381333932", "us-east", "W1")
                .line("1001", "A-1", "4006381333932", "us-west", "W1")
                .line("1002", "B-1", "12345", "us-east", "W2")
                .line("1003", "C-1", "0036000291452", "us-east", "W3");  // UPC-A as EAN-13: valid
        CodeCheckResult r = check();
        List<CodeFinding> bad = of(r, CodeFindingKind.BAD_CHECK_DIGIT);
        assertThat(bad).hasSize(2);
        assertThat(bad.get(0).lines()).containsExactly(2, 3);
        assertThat(bad.get(0).detail().english()).contains("4006381333932").contains("check digit 2").contains("give 1");
        assertThat(bad.get(1).detail().english()).contains("5 digits");
        assertThat(r.findings()).hasSize(2);
    }

    @Test
    void oneSellerSkuWithTwoBarcodesOrTwoTikTokSkus() {
        line("1001", "A-1", EAN_A, "us-east", "W1")
                .line("1001", "A-1", EAN_B, "us-west", "W1")
                .line("2001", "B-1", UPC, "us-east", "W2")
                .line("2002", "B-1", "0036000291452", "us-west", "W2");  // same barcode, other TikTok SKU
        CodeCheckResult r = check();
        List<CodeFinding> many = of(r, CodeFindingKind.ONE_TO_MANY);
        assertThat(many).hasSize(2);
        assertThat(many.get(0).sellerSku()).isEqualTo("A-1");
        assertThat(many.get(0).lines()).containsExactly(2, 3);
        assertThat(many.get(0).detail().english()).contains("2 different barcodes").contains(EAN_A).contains(EAN_B);
        assertThat(many.get(1).sellerSku()).isEqualTo("B-1");
        assertThat(many.get(1).detail().english()).contains("2 different TikTok SKUs");
        assertThat(r.findings()).hasSize(2).as("UPC-A and its EAN-13 form are one barcode");
    }

    @Test
    void oneBarcodeOnTwoSellerSkusCountsBothAsFlagged() {
        line("1001", "A-1", UPC, "us-east", "W1")
                .line("1002", "B-1", "00036000291452", "us-east", "W2")
                .line("1003", "C-1", EAN_A, "us-east", "W3");
        CodeCheckResult r = check();
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(CodeFindingKind.ONE_TO_MANY);
            assertThat(f.lines()).containsExactly(2, 3);
            assertThat(f.detail().english()).contains("Barcode " + UPC).contains("2 seller SKUs").contains("A-1").contains("B-1");
        });
        assertThat(r.flaggedSkus()).isEqualTo(2);
    }

    @Test
    void oneWarehouseIdOnTwoSellerSkusAndOneSkuWithTwoIdsInOneWarehouse() {
        line("1001", "A-1", EAN_A, "us-east", "W1")
                .line("1002", "B-1", EAN_B, "us-east", "W1")
                .line("1002", "B-1", EAN_B, "us-west", "W1");  // same id, other warehouse: fine
        CodeCheckResult r = check();
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(CodeFindingKind.ONE_TO_MANY);
            assertThat(f.lines()).containsExactly(2, 3);
            assertThat(f.detail().english()).contains("W1").contains("us-east").contains("2 seller SKUs");
        });

        records.clear();
        line("1001", "A-1", EAN_A, "us-east", "W1").line("1001", "A-1", EAN_A, "us-east", "W7");
        assertThat(check().findings()).singleElement()
                .satisfies(f -> assertThat(f.detail().english()).contains("2 different SKU ids in warehouse us-east"));
    }

    @Test
    void findingsNameWarehousesByTheirDisplayNameInEitherLanguage() {
        line("1001", "A-1", EAN_A, "shipbob:228", "W1").line("1001", "A-1", EAN_A, "shipbob:228", "W7");
        CodeCheckResult r = ThreeCodeCheck.check(records, Map.of("shipbob:228", "Moreno Valley (CA)"));

        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.detail().english()).isEqualTo(
                    "Seller SKU A-1 has 2 different SKU ids in warehouse Moreno Valley (CA): \"W1\", \"W7\".");
            assertThat(f.detail().in(Locale.SIMPLIFIED_CHINESE)).isEqualTo(
                    "卖家 SKU A-1 在 仓库 Moreno Valley (CA) 中有 2 个不同的 SKU 编号：\"W1\", \"W7\"。");
        });
    }

    @Test
    void oneTikTokSkuOnTwoSellerSkus() {
        line("1001", "A-1", EAN_A, "us-east", "W1").line("1001", "B-1", EAN_B, "us-east", "W2");
        assertThat(check().findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(CodeFindingKind.ONE_TO_MANY);
            assertThat(f.detail().english()).contains("TikTok SKU 1001");
        });
    }

    @Test
    void theSameLinkTwiceIsADuplicateNotAOneToMany() {
        line("1001", "A-1", EAN_A, "us-east", "W1")
                .line("1002", "B-1", EAN_B, "us-east", "W2")
                .line(" 1001", "A-1", "4006381-333931", "us-east ", "W1");
        CodeCheckResult r = check();
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(CodeFindingKind.DUPLICATE_LINK);
            assertThat(f.sellerSku()).isEqualTo("A-1");
            assertThat(f.lines()).containsExactly(2, 4);
            assertThat(f.detail().english()).contains("2 times").contains("lines 2, 4");
        });
        assertThat(r.flaggedSkus()).isEqualTo(1);
    }

    @Test
    void sellerSkusDifferingOnlyInCaseOrSpaces() {
        line("1001", "abc-1", EAN_A, "us-east", "W1")
                .line("1002", "ABC-1 ", EAN_B, "us-east", "W2")
                .line("1003", "ABC -2", UPC, "us-east", "W3");
        CodeCheckResult r = check();
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(CodeFindingKind.CASE_OR_SPACE_VARIANT);
            assertThat(f.lines()).containsExactly(2, 3);
            assertThat(f.detail().english()).contains("\"abc-1\"").contains("\"ABC-1 \"");
        });
        assertThat(r.skus()).isEqualTo(3);
        assertThat(r.flaggedSkus()).isEqualTo(2);
    }

    @Test
    void findingsAreGroupedByKindThenLine() {
        line("1001", "A-1", "4006381333932", "us-east", "")
                .line("", "B-1", EAN_B, "us-east", "W2");
        assertThat(check().findings()).extracting(CodeFinding::kind).containsExactly(
                CodeFindingKind.MISSING_TIKTOK_SKU, CodeFindingKind.MISSING_WMS_SKU, CodeFindingKind.BAD_CHECK_DIGIT);
    }

    @Test
    void aLineWithoutSellerSkuIsJudgedOnItsOwnCodesAndCountsNoSku() {
        line("1001", "", EAN_A, "us-east", "W1").line(null, null, null, null, null);
        CodeCheckResult r = check();
        assertThat(r.skus()).isZero();
        assertThat(r.flaggedSkus()).isZero();
        assertThat(r.mismatchRate()).isZero();
        assertThat(r.findings()).extracting(CodeFinding::kind).containsExactly(CodeFindingKind.MISSING_TIKTOK_SKU,
                CodeFindingKind.MISSING_BARCODE, CodeFindingKind.MISSING_WMS_SKU);
        assertThat(r.findings()).allSatisfy(f -> {
            assertThat(f.sellerSku()).isNull();
            assertThat(f.lines()).containsExactly(3);
            assertThat(f.detail().english()).startsWith("A line without a seller SKU");
        });
    }
}

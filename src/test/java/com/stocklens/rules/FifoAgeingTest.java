package com.stocklens.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.AgeBucket;
import com.stocklens.domain.AgeProfile;
import com.stocklens.domain.DailyOnHand;
import com.stocklens.domain.Lot;
import com.stocklens.domain.Lot.LotSource;
import com.stocklens.domain.ReturnedUnits;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hand-worked FIFO cases; "today" is 2026-06-30 throughout, so day N ago is age N + 1. */
class FifoAgeingTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 30);

    private static LocalDate ago(int days) {
        return TODAY.minusDays(days);
    }

    private static Lot lot(int daysAgo, int units) {
        return new Lot("SKU", "shipbob:228", ago(daysAgo), units, LotSource.PROVIDER);
    }

    private static Map<AgeBucket, Integer> buckets(Object... bucketAndUnits) {
        Map<AgeBucket, Integer> m = new EnumMap<>(AgeBucket.class);
        for (AgeBucket b : AgeBucket.values()) {
            m.put(b, 0);
        }
        for (int i = 0; i < bucketAndUnits.length; i += 2) {
            m.put((AgeBucket) bucketAndUnits[i], (Integer) bucketAndUnits[i + 1]);
        }
        return m;
    }

    private static AgeProfile lots(int onHand, Lot... lots) {
        return FifoAgeing.fromLots("SKU", "shipbob:228", List.of(lots), onHand, TODAY);
    }

    private static AgeProfile history(List<ReturnedUnits> returns, DailyOnHand... days) {
        return FifoAgeing.fromHistory("SKU", "shipbob:228", List.of(days), returns, TODAY);
    }

    // --- ages and bucket boundaries ------------------------------------------------------------

    @ParameterizedTest(name = "received {0} days ago → age {1} → {2}")
    @CsvSource({
        "0, 1, D0_30",
        "29, 30, D0_30",
        "30, 31, D31_60",
        "59, 60, D31_60",
        "60, 61, D61_90",
        "89, 90, D61_90",
        "90, 91, D91_180",
        "179, 180, D91_180",
        "180, 181, D181_270",
        "269, 270, D181_270",
        "270, 271, D271_365",
        "364, 365, D271_365",
        "365, 366, D365_PLUS",
        "800, 801, D365_PLUS"})
    void receiptDayIsDayOne(int daysAgo, int age, AgeBucket bucket) {
        assertThat(FifoAgeing.ageDays(ago(daysAgo), TODAY)).isEqualTo(age);
        AgeProfile p = lots(5, lot(daysAgo, 5));
        assertThat(p.units()).isEqualTo(buckets(bucket, 5));
        assertThat(p.oldestDays()).isEqualTo(age);
        assertThat(p.unaged()).isZero();
    }

    @Test
    void aLotDatedAfterTodayIsDayOne() {
        assertThat(FifoAgeing.ageDays(TODAY.plusDays(2), TODAY)).isEqualTo(1);
    }

    // --- provider lots -------------------------------------------------------------------------

    @Test
    void lotsMatchingOnHandAreBucketedAsTheyAre() {
        AgeProfile p = lots(60, lot(400, 10), lot(200, 20), lot(10, 30));
        assertThat(p.units()).isEqualTo(buckets(AgeBucket.D365_PLUS, 10, AgeBucket.D181_270, 20, AgeBucket.D0_30, 30));
        assertThat(p.oldestDays()).isEqualTo(401);
        assertThat(p.total()).isEqualTo(60);
        assertThat(p.olderThan(180)).isEqualTo(30);
    }

    @Test
    void excessLotUnitsAreConsumedFromTheOldestLotFirst() {
        // Lots 10 (400 d) + 20 (200 d) + 30 (10 d) = 60, on hand 45: 15 consumed = the 10 oldest, then 5 of the 200-day lot.
        AgeProfile p = lots(45, lot(10, 30), lot(400, 10), lot(200, 20));
        assertThat(p.units()).isEqualTo(buckets(AgeBucket.D181_270, 15, AgeBucket.D0_30, 30));
        assertThat(p.oldestDays()).isEqualTo(201);
        assertThat(p.unaged()).isZero();
    }

    @Test
    void onHandBeyondTheLotsIsUnaged() {
        AgeProfile p = lots(50, lot(100, 20), lot(5, 10));
        assertThat(p.units()).isEqualTo(buckets(AgeBucket.D91_180, 20, AgeBucket.D0_30, 10));
        assertThat(p.unaged()).isEqualTo(20);
        assertThat(p.total()).isEqualTo(50);
    }

    @Test
    void noStockNoAge() {
        AgeProfile p = lots(0, lot(100, 20));
        assertThat(p.total()).isZero();
        assertThat(p.oldestDays()).isNull();
        assertThat(lots(7).unaged()).isEqualTo(7);
        assertThat(lots(7).oldestDays()).isNull();
    }

    // --- observed history ----------------------------------------------------------------------

    @Test
    void stockOnTheFirstObservedDayIsUnagedAndReceiptsAreDatedTheirDay() {
        AgeProfile p = history(null,
                new DailyOnHand(ago(100), 40),
                new DailyOnHand(ago(95), 40),
                new DailyOnHand(ago(60), 100),   // +60 received, age 61
                new DailyOnHand(ago(3), 130));   // +30 received, age 4
        assertThat(p.unaged()).isEqualTo(40);
        assertThat(p.units()).isEqualTo(buckets(AgeBucket.D61_90, 60, AgeBucket.D0_30, 30));
        assertThat(p.oldestDays()).isEqualTo(61);
    }

    @Test
    void aSaleLargerThanTheOldestLayerSpillsIntoTheNext() {
        AgeProfile p = history(null,
                new DailyOnHand(ago(300), 0),
                new DailyOnHand(ago(200), 10),   // layer A: 10 units, age 201
                new DailyOnHand(ago(100), 30),   // layer B: 20 units, age 101
                new DailyOnHand(ago(50), 15));   // −15: all 10 of A, then 5 of B
        assertThat(p.units()).isEqualTo(buckets(AgeBucket.D91_180, 15));
        assertThat(p.oldestDays()).isEqualTo(101);
        assertThat(p.unaged()).isZero();
    }

    @Test
    void sellingConsumesTheUnagedFirstBecauseItIsTheOldest() {
        AgeProfile p = history(null,
                new DailyOnHand(ago(200), 10),   // unaged 10
                new DailyOnHand(ago(150), 30),   // +20, age 151
                new DailyOnHand(ago(20), 25));   // −5 from the unaged
        assertThat(p.unaged()).isEqualTo(5);
        assertThat(p.units()).isEqualTo(buckets(AgeBucket.D91_180, 20));
    }

    @Test
    void returnsAreNotReceiptsAndGoBackToTheLayerSoldLast() {
        AgeProfile p = history(List.of(new ReturnedUnits(ago(10), 4)),
                new DailyOnHand(ago(300), 0),
                new DailyOnHand(ago(250), 10),   // A: 10, age 251
                new DailyOnHand(ago(200), 30),   // B: 20, age 201
                new DailyOnHand(ago(40), 18),    // −12: A 10, B 2 → B 18
                new DailyOnHand(ago(10), 22));   // +4, all returns: 2 back to B (sold last), then 2 to A
        assertThat(p.units()).isEqualTo(buckets(AgeBucket.D181_270, 22));
        assertThat(p.units().get(AgeBucket.D0_30)).isZero();
        assertThat(p.oldestDays()).isEqualTo(251);
    }

    @Test
    void returnsSpillIntoOlderConsumedLayersThenUnaged() {
        AgeProfile p = history(List.of(new ReturnedUnits(ago(5), 8)),
                new DailyOnHand(ago(300), 0),
                new DailyOnHand(ago(250), 3),    // A: 3, age 251
                new DailyOnHand(ago(100), 8),    // B: 5, age 101
                new DailyOnHand(ago(50), 2),     // −6: A 3, B 3 → B 2
                new DailyOnHand(ago(5), 10));    // +8 returns: 3 to B, 3 to A, 2 never seen consumed → unaged
        assertThat(p.units()).isEqualTo(buckets(AgeBucket.D91_180, 5, AgeBucket.D181_270, 3));
        assertThat(p.unaged()).isEqualTo(2);
        assertThat(p.total()).isEqualTo(10);
    }

    @Test
    void aReturnAndAReceiptOnOneDaySplitTheIncrease() {
        AgeProfile p = history(List.of(new ReturnedUnits(ago(10), 2)),
                new DailyOnHand(ago(300), 0),
                new DailyOnHand(ago(200), 10),   // A: 10, age 201
                new DailyOnHand(ago(100), 5),    // −5 from A
                new DailyOnHand(ago(10), 20));   // +15 = 2 returns (to A) + 13 received (age 11)
        assertThat(p.units()).isEqualTo(buckets(AgeBucket.D181_270, 7, AgeBucket.D0_30, 13));
    }

    @Test
    void aReturnOnADayWithNetDecreaseMeansMoreWasSold() {
        AgeProfile p = history(List.of(new ReturnedUnits(ago(10), 2)),
                new DailyOnHand(ago(300), 0),
                new DailyOnHand(ago(200), 10),   // A: 10
                new DailyOnHand(ago(100), 20),   // B: 10, age 101
                new DailyOnHand(ago(10), 17));   // −3 net with 2 returns in: 5 sold (A), 2 back to A
        assertThat(p.units()).isEqualTo(buckets(AgeBucket.D181_270, 7, AgeBucket.D91_180, 10));
    }

    @Test
    void aDayWithBothAReceiptAndAKnownSaleConsumesFirstThenDatesTheWholeReceipt() {
        AgeProfile p = history(null,
                new DailyOnHand(ago(300), 0),
                new DailyOnHand(ago(200), 10),      // A: 10, age 201
                new DailyOnHand(ago(30), 25, 5));   // +15 net, 5 shipped: A −5, receipt of 20 (age 31)
        assertThat(p.units()).isEqualTo(buckets(AgeBucket.D181_270, 5, AgeBucket.D31_60, 20));
    }

    @Test
    void withoutTheOutflowADayWithBothLooksLikeASmallerReceipt() {
        AgeProfile p = history(null,
                new DailyOnHand(ago(300), 0),
                new DailyOnHand(ago(200), 10),
                new DailyOnHand(ago(30), 25));
        assertThat(p.units()).isEqualTo(buckets(AgeBucket.D181_270, 10, AgeBucket.D31_60, 15));
    }

    @Test
    void unitsShippedBeyondTheOpeningStockComeOutOfTheSameDaysReceipt() {
        AgeProfile p = history(null,
                new DailyOnHand(ago(100), 2),        // unaged 2
                new DailyOnHand(ago(50), 10, 6));    // +8 net, 6 shipped: receipt 14, 2 unaged + 4 of it gone
        assertThat(p.unaged()).isZero();
        assertThat(p.units()).isEqualTo(buckets(AgeBucket.D31_60, 10));
    }

    @Test
    void historyIsSortedAndFutureDaysIgnored() {
        AgeProfile p = FifoAgeing.fromHistory("SKU", "w", List.of(
                new DailyOnHand(TODAY.plusDays(1), 999),
                new DailyOnHand(ago(10), 15),
                new DailyOnHand(ago(20), 5)), List.of(), TODAY);
        assertThat(p.unaged()).isEqualTo(5);
        assertThat(p.units()).isEqualTo(buckets(AgeBucket.D0_30, 10));
        assertThat(FifoAgeing.fromHistory("SKU", "w", List.of(), null, TODAY).total()).isZero();
    }

    @Test
    void boundariesHoldForObservedReceiptsToo() {
        AgeProfile p = history(null,
                new DailyOnHand(ago(400), 0),
                new DailyOnHand(ago(365), 1),    // 366 → 365+
                new DailyOnHand(ago(364), 2),    // 365 → 271–365
                new DailyOnHand(ago(180), 3),    // 181
                new DailyOnHand(ago(179), 4),    // 180
                new DailyOnHand(ago(90), 5),     // 91
                new DailyOnHand(ago(89), 6),     // 90
                new DailyOnHand(ago(30), 7),     // 31
                new DailyOnHand(ago(29), 8));    // 30
        assertThat(p.units()).isEqualTo(buckets(AgeBucket.D365_PLUS, 1, AgeBucket.D271_365, 1,
                AgeBucket.D181_270, 1, AgeBucket.D91_180, 2, AgeBucket.D61_90, 1, AgeBucket.D31_60, 1,
                AgeBucket.D0_30, 1));
        assertThat(p.oldestDays()).isEqualTo(366);
    }
}

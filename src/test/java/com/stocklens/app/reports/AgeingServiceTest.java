package com.stocklens.app.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.AgeBucket;
import com.stocklens.domain.AgeProfile;
import com.stocklens.domain.BeijingTime;
import com.stocklens.domain.Lot;
import com.stocklens.domain.Lot.LotSource;
import com.stocklens.domain.Reading;
import com.stocklens.domain.Sku;
import com.stocklens.domain.SkuCodes;
import com.stocklens.domain.StockLevel;
import com.stocklens.domain.StockRow;
import com.stocklens.service.AgeTrendPoint;
import com.stocklens.store.AgeingInputs;
import com.stocklens.store.Database;
import com.stocklens.store.SnapshotRepository;
import com.stocklens.store.StoreFixtures;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Lots and history through the real store (V4 lot rows, one transaction per snapshot) into profiles. */
class AgeingServiceTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 30);
    private static final String WH = StoreFixtures.MORENO.id();

    private Database db;
    private SnapshotRepository snapshots;
    private AgeingService ageing;

    @BeforeEach
    void open() {
        db = Database.inMemory("ageing-" + System.nanoTime());
        snapshots = new SnapshotRepository(db.jdbi());
        ageing = new AgeingService(new AgeingInputs(db.jdbi()), Clock.fixed(noonBeijing(TODAY), BeijingTime.ZONE));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static Instant noonBeijing(LocalDate day) {
        return day.atTime(12, 0).atZone(BeijingTime.ZONE).toInstant();
    }

    private static StockRow row(String sku, int onHand, Integer returnsPending) {
        return new StockRow(sku, WH, null, new StockLevel(onHand, onHand, 0, 0, 0, null, returnsPending));
    }

    private static Lot lot(String sku, int daysAgo, int units) {
        return new Lot(sku, WH, TODAY.minusDays(daysAgo), units, LotSource.PROVIDER);
    }

    private void commit(LocalDate day, List<StockRow> rows, List<Lot> lots) {
        Instant at = noonBeijing(day);
        List<Sku> skus = rows.stream().map(r -> new Sku(SkuCodes.ofSellerSku(r.sellerSku()), null)).toList();
        Reading reading = Reading.ofWarehouse(at, List.of(StoreFixtures.MORENO), skus, rows, lots, 1);
        snapshots.commit(StoreFixtures.SHIPBOB, snapshots.beginRun(StoreFixtures.SHIPBOB.id(), at), reading, at, 10);
    }

    private Map<String, AgeProfile> current() {
        return ageing.current().stream().collect(Collectors.toMap(AgeProfile::sellerSku, Function.identity()));
    }

    @Test
    void providerLotsOfTheLatestSnapshotAgeItsRows() {
        commit(TODAY.minusDays(3), List.of(row("A", 99, 0)), List.of(lot("A", 500, 99)));
        commit(TODAY, List.of(row("A", 30, 0), row("B", 0, 0)),
                List.of(lot("A", 400, 10), lot("A", 5, 15), lot("A", 5, 10)));

        Map<String, AgeProfile> profiles = current();

        // Only rows with stock; 35 lot units against 30 on hand: 5 of the oldest lot are gone.
        assertThat(profiles).containsOnlyKeys("A");
        AgeProfile a = profiles.get("A");
        assertThat(a.units().get(AgeBucket.D365_PLUS)).isEqualTo(5);
        assertThat(a.units().get(AgeBucket.D0_30)).isEqualTo(25);
        assertThat(a.oldestDays()).isEqualTo(401);
        assertThat(a.total()).isEqualTo(30);
        assertThat(a.warehouseId()).isEqualTo(WH);
        // Same-day lots share one row.
        int lotRows = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM lot").mapTo(Integer.class).one());
        assertThat(lotRows).isEqualTo(3);
    }

    @Test
    void withoutLotsOurOwnHistoryDatesTheReceiptsAndReturnsAreNotYoung() {
        commit(TODAY.minusDays(100), List.of(row("C", 10, 2)), List.of());
        commit(TODAY.minusDays(50), List.of(row("C", 40, 2)), List.of());
        // A later snapshot the same day is that day's close.
        commit(TODAY.minusDays(50), List.of(row("C", 40, 2)), List.of());
        commit(TODAY.minusDays(20), List.of(row("C", 38, 0)), List.of());
        commit(TODAY, List.of(row("C", 58, 0)), List.of());

        AgeProfile c = current().get("C");

        // Day −100: 10 unaged. Day −50: +30 received (age 51). Day −20: −2 net while 2 returns went back on
        // the shelf: 4 consumed from the unaged, the 2 returns back to it. Today: +20 received (age 1).
        assertThat(c.unaged()).isEqualTo(8);
        assertThat(c.units().get(AgeBucket.D31_60)).isEqualTo(30);
        assertThat(c.units().get(AgeBucket.D0_30)).isEqualTo(20);
        assertThat(c.total()).isEqualTo(58);
        assertThat(c.oldestDays()).isEqualTo(51);
    }

    @Test
    void lotsAreWrittenWithTheirSnapshotOrNotAtAll() {
        Instant at = noonBeijing(TODAY);
        Reading reading = Reading.ofWarehouse(at, List.of(StoreFixtures.MORENO),
                List.of(new Sku(SkuCodes.ofSellerSku("A"), null)), List.of(row("A", 5, 0)), List.of(lot("A", 3, 5)), 1);
        // No such run: the commit fails and takes its lot rows with it.
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> snapshots.commit(StoreFixtures.SHIPBOB, 999_999L, reading, at, 10));
        int lotRows = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM lot").mapTo(Integer.class).one());
        assertThat(lotRows).isZero();
        assertThat(ageing.current()).isEmpty();
    }

    @Test
    void aRowWithNoHistoryButTodayIsAllUnaged() {
        commit(TODAY, List.of(row("D", 12, null)), List.of());
        AgeProfile d = current().get("D");
        assertThat(d.unaged()).isEqualTo(12);
        assertThat(d.oldestDays()).isNull();
    }

    @Test
    void theTrendIsTheShareOfAgedUnitsOver180DaysPerDayWithLots() {
        commit(TODAY.minusDays(2), List.of(row("A", 100, 0)), List.of(lot("A", 200, 25), lot("A", 10, 75)));
        commit(TODAY.minusDays(1), List.of(row("A", 100, 0)), List.of());
        commit(TODAY, List.of(row("A", 90, 0), row("B", 10, 0)),
                List.of(lot("A", 200, 15), lot("A", 10, 75), lot("B", 300, 5)));

        List<AgeTrendPoint> trend = ageing.over180Trend(TODAY.minusDays(5), TODAY);

        assertThat(trend).extracting(AgeTrendPoint::day).containsExactly(TODAY.minusDays(2), TODAY);
        assertThat(trend.get(0).over180Share()).isEqualTo(25.0);
        assertThat(trend.get(0).units()).isEqualTo(100);
        // Today: A 15 of 90 old; B 5 aged (the other 5 unaged) all old: 20 of 95.
        assertThat(trend.get(1).over180Share()).isCloseTo(100.0 * 20 / 95, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(trend.get(1).units()).isEqualTo(95);
        assertThat(ageing.over180Trend(TODAY.minusDays(1), TODAY.minusDays(1))).isEmpty();
    }

    @Test
    void theTrendOfChosenWarehousesCountsTheirLotsAlone() {
        commit(TODAY, List.of(row("A", 100, 0)), List.of(lot("A", 200, 25), lot("A", 10, 75)));
        assertThat(ageing.over180Trend(TODAY, TODAY, Set.of(WH))).extracting(AgeTrendPoint::over180Share)
                .containsExactly(25.0);
        assertThat(ageing.over180Trend(TODAY, TODAY, Set.of("winit:UKBH"))).as("no lots there").isEmpty();
        assertThat(ageing.over180Trend(TODAY, TODAY, Set.of())).isEqualTo(ageing.over180Trend(TODAY, TODAY));
    }

    @Test
    void asOfAPastMomentTheLotsOfThenAreAgedToThatDay() {
        // Day −40: 50 units received 100 days before it. Today: 20 of them left plus 30 fresh (lot 5 days old).
        commit(TODAY.minusDays(40), List.of(row("A", 50, 0)), List.of(lot("A", 140, 50)));
        commit(TODAY, List.of(row("A", 50, 0)), List.of(lot("A", 140, 20), lot("A", 5, 30)));
        Instant past = noonBeijing(TODAY.minusDays(40)).plusSeconds(3600);

        AgeProfile then = ageing.at(past).get(0);
        AgeProfile now = current().get("A");

        // Hand-computed: at day −40 the lot received on day −140 is 101 days old (receipt day = day 1), all 50
        // units in 91–180; today the 20 left are 141 days old and 30 are 6 days old.
        assertThat(then.total()).isEqualTo(50);
        assertThat(then.oldestDays()).isEqualTo(101);
        assertThat(then.units().get(AgeBucket.D91_180)).isEqualTo(50);
        assertThat(then.units().getOrDefault(AgeBucket.D0_30, 0)).isZero();
        assertThat(now.oldestDays()).isEqualTo(141);
        assertThat(now.units().get(AgeBucket.D91_180)).isEqualTo(20);
        assertThat(now.units().get(AgeBucket.D0_30)).isEqualTo(30);
        // Before the first snapshot there was nothing to age.
        assertThat(ageing.at(noonBeijing(TODAY.minusDays(41)))).isEmpty();
    }

    @Test
    void asOfAPastMomentOurOwnHistoryStopsThere() {
        commit(TODAY.minusDays(100), List.of(row("C", 10, 0)), List.of());
        commit(TODAY.minusDays(50), List.of(row("C", 40, 0)), List.of());
        commit(TODAY, List.of(row("C", 60, 0)), List.of());

        AgeProfile then = ageing.at(noonBeijing(TODAY.minusDays(30))).get(0);

        // At day −30: 10 unaged from before our history, 30 received on day −50: 21 days old then (51 today).
        assertThat(then.total()).isEqualTo(40);
        assertThat(then.unaged()).isEqualTo(10);
        assertThat(then.oldestDays()).isEqualTo(21);
        assertThat(then.units().get(AgeBucket.D0_30)).isEqualTo(30);
        assertThat(current().get("C").oldestDays()).isEqualTo(51);
    }
}

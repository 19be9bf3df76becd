package com.stocklens.app.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stocklens.domain.AgeBucket;
import com.stocklens.domain.AgeProfile;
import com.stocklens.rules.HealthLine;
import com.stocklens.rules.ListingStatus;
import com.stocklens.service.DailyDemand;
import com.stocklens.store.JdbiHealthData;
import com.stocklens.store.JdbiHealthData.Row;
import com.stocklens.store.JdbiHealthData.SnapshotDay;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** From raw snapshot days to the calculator's lines: carry-forward, "no data" days, sales attribution. */
class HealthReportServiceTest {
    private static final LocalDate FROM = LocalDate.of(2026, 7, 1);
    private static final LocalDate END = LocalDate.of(2026, 7, 10);

    @Test
    void quarterParsing() {
        assertThat(HealthReportService.quarter("2026Q3"))
                .isEqualTo(new HealthReportService.Period(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30)));
        assertThat(HealthReportService.quarter("2026-q1").to()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(HealthReportService.quarter("2024Q4").to()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThatThrownBy(() -> HealthReportService.quarter("2026Q5")).hasMessageContaining("2026Q5");
        assertThatThrownBy(() -> new HealthReportService.Period(END, FROM)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void daysBeforeHistoryAreNoDataAndGapsCarryTheLastSnapshotForward() {
        // History starts on 07-06 (snapshot 100 units), the app is off on 07-07 and 07-08, 07-09 shows 40.
        List<SnapshotDay> days = List.of(
                new SnapshotDay("shipbob:main", LocalDate.of(2026, 7, 6), List.of(new Row("A", "w1", 100, 90, 5))),
                new SnapshotDay("shipbob:main", LocalDate.of(2026, 7, 9), List.of(new Row("A", "w1", 40, 30, 0))),
                new SnapshotDay("shipbob:main", LocalDate.of(2026, 7, 10), List.of(new Row("B", "w1", 7, 7, 0))));
        JdbiHealthData.History h = new JdbiHealthData.History(LocalDate.of(2026, 7, 6), days, Map.of("A", "Mug"),
                true, Set.of("A"));
        Map<String, List<DailyDemand>> sales = Map.of("A", series("A", 2), "B", series("B", 0));
        Map<AgeBucket, Integer> units = new EnumMap<>(AgeBucket.class);
        units.put(AgeBucket.D181_270, 3);
        units.put(AgeBucket.D0_30, 27);
        List<HealthLine> lines = HealthReportService.lines(h, sales,
                List.of(new AgeProfile("A", "w1", units, 200, 0)), FROM, END, 28);

        HealthLine a = lines.get(0);
        assertThat(a.sellerSku()).isEqualTo("A");
        assertThat(a.name()).isEqualTo("Mug");
        // 07-06..07-08 at 100 (carried), 07-09 at 40, 07-10 missing from the snapshot → 0.
        assertThat(a.onHandByDay()).containsExactly(100, 100, 100, 40, 0);
        assertThat(a.unitsSold()).isEqualTo(10); // 2 a day over the 5 days with history only
        assertThat(a.available()).isEqualTo(0);
        assertThat(a.inTransit()).isEqualTo(0);
        assertThat(a.dailyDemand()).isEqualTo(2.0);
        assertThat(a.over180Units()).isEqualTo(3);
        assertThat(a.agedUnits()).isEqualTo(30);
        assertThat(a.oldestDays()).isEqualTo(200);
        assertThat(a.listing()).isEqualTo(ListingStatus.ACTIVE);

        HealthLine b = lines.get(1);
        assertThat(b.onHandByDay()).containsExactly(0, 0, 0, 0, 7);
        assertThat(b.listing()).isEqualTo(ListingStatus.UNMAPPED);
        assertThat(b.agedUnits()).isZero();
    }

    @Test
    void salesOfASkuInTwoWarehousesFollowTheirOnHandUnitDays() {
        List<SnapshotDay> days = List.of(new SnapshotDay("shipbob:main", null,
                List.of(new Row("A", "w1", 30, 30, 0), new Row("A", "w2", 10, 10, 0))));
        JdbiHealthData.History h = new JdbiHealthData.History(LocalDate.of(2026, 1, 1), days, Map.of(), false,
                Set.of());
        List<HealthLine> lines = HealthReportService.lines(h, Map.of("A", series("A", 4)), List.of(), FROM, END, 28);
        assertThat(lines).extracting(HealthLine::warehouseId).containsExactly("w1", "w2");
        assertThat(lines.get(0).onHandByDay()).hasSize(10); // carried in from before the period
        assertThat(lines.get(0).unitsSold()).isEqualTo(30); // 40 sold × 3/4
        assertThat(lines.get(1).unitsSold()).isEqualTo(10);
        assertThat(lines.get(0).dailyDemand()).isEqualTo(3.0);
        assertThat(lines.get(0).listing()).isEqualTo(ListingStatus.UNKNOWN); // no TikTok reading at all
    }

    /** {@code perDay} units every day over the trailing-90 window ending {@link #END}, none out of stock. */
    private static List<DailyDemand> series(String sku, int perDay) {
        List<DailyDemand> out = new ArrayList<>();
        for (LocalDate d = END.minusDays(89); !d.isAfter(END); d = d.plusDays(1)) {
            out.add(new DailyDemand(sku, d, perDay, false));
        }
        return out;
    }
}

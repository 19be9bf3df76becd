package com.stocklens.app.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stocklens.domain.AgeBucket;
import com.stocklens.domain.AgeProfile;
import com.stocklens.domain.SalesCount;
import com.stocklens.rules.HealthCalculator;
import com.stocklens.rules.HealthLine;
import com.stocklens.rules.ListingStatus;
import com.stocklens.store.AvailableDays;
import com.stocklens.store.JdbiDemandReader;
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
        // A sold 2 a day through w1 over the 90 days ending END; sales history starts then.
        WarehouseDemandService.Demand sales = demand(sales("A", "w1", 2), Map.of());
        Map<AgeBucket, Integer> units = new EnumMap<>(AgeBucket.class);
        units.put(AgeBucket.D181_270, 3);
        units.put(AgeBucket.D0_30, 27);
        List<HealthLine> lines = HealthReportService.lines(h, sales,
                List.of(new AgeProfile("A", "w1", units, 200, 0)), Set.of(), FROM, END, END, 28);

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
    void salesFollowTheirWarehouseAndSalesOfUnknownWarehouseSplitEvenlyOverTheCarriers() {
        // Issue 17: demand per warehouse from the sale lines' warehouse, no longer split by on-hand unit-days.
        // A sells 3 a day through w1 and 1 a day with no known warehouse; w1 and w2 carry it → the unknown
        // unit splits ½ / ½: w1 3.5 a day (35 over the 10 days), w2 0.5 a day (5): 40 in all, counted once.
        List<SnapshotDay> days = List.of(new SnapshotDay("shipbob:main", null,
                List.of(new Row("A", "w1", 30, 30, 0), new Row("A", "w2", 10, 10, 0))));
        JdbiHealthData.History h = new JdbiHealthData.History(LocalDate.of(2026, 1, 1), days, Map.of(), false,
                Set.of());
        List<SalesCount> sold = new ArrayList<>(sales("A", "w1", 3));
        sold.addAll(sales("A", null, 1));
        List<HealthLine> lines = HealthReportService.lines(h, demand(sold, Map.of("A", Set.of("w1", "w2"))),
                List.of(), Set.of(), FROM, END, END, 28);
        assertThat(lines).extracting(HealthLine::warehouseId).containsExactly("w1", "w2");
        assertThat(lines.get(0).onHandByDay()).hasSize(10); // carried in from before the period
        assertThat(lines.get(0).unitsSold()).isEqualTo(35.0);
        assertThat(lines.get(1).unitsSold()).isEqualTo(5.0);
        assertThat(lines.get(0).periodUnitsSold() + lines.get(1).periodUnitsSold()).isEqualTo(40.0);
        assertThat(lines.get(0).dailyDemand()).isEqualTo(3.5);
        assertThat(lines.get(1).dailyDemand()).isEqualTo(0.5);
        assertThat(lines.get(0).listing()).isEqualTo(ListingStatus.UNKNOWN); // no TikTok reading at all
    }

    @Test
    void daysBeforeSalesHistoryAreNoDataAndTheCloseCountsAsInStock() {
        // Stock history from 07-01 (carried in); sales history only from 07-08 (3 complete days of the 10),
        // 1 a day through w1. The period's close (07-11, today: not a complete day) holds 5 units.
        List<SnapshotDay> days = List.of(
                new SnapshotDay("shipbob:main", null, List.of(new Row("A", "w1", 0, 0, 0))),
                new SnapshotDay("shipbob:main", END.plusDays(1), List.of(new Row("A", "w1", 5, 5, 0))));
        JdbiHealthData.History h = new JdbiHealthData.History(LocalDate.of(2026, 1, 1), days, Map.of(), false,
                Set.of());
        List<SalesCount> sold = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2026, 7, 8); !d.isAfter(END); d = d.plusDays(1)) {
            sold.add(new SalesCount("A", "w1", d, 1));
        }
        List<HealthLine> lines = HealthReportService.lines(h, demand(sold, Map.of()), List.of(), Set.of(), FROM, END,
                END.plusDays(1), 28);
        HealthLine a = lines.get(0);
        // Turnover rests on the 3 days both histories cover: on hand 0, 0, 0 and 3 units sold.
        assertThat(a.onHandByDay()).containsExactly(0, 0, 0);
        assertThat(a.unitsSold()).isEqualTo(3.0);
        assertThat(a.periodUnitsSold()).isEqualTo(3.0);
        // d̄ over the window's days with sales history only (07-08..07-10): 3 ÷ 3 = 1.
        assertThat(a.dailyDemand()).isEqualTo(1.0);
        // Never in stock on a complete day, but 5 on hand at the close: in stock for 动销率.
        assertThat(a.inStock()).isTrue();
        assertThat(a.available()).isEqualTo(5);
    }

    @Test
    void anOverdueCalibrationBlocksTheLineItsUnitsAreStranded() {
        List<SnapshotDay> days = List.of(new SnapshotDay("shipbob:main", null,
                List.of(new Row("A", "w1", 30, 30, 0), new Row("A", "w2", 10, 10, 0))));
        JdbiHealthData.History h = new JdbiHealthData.History(LocalDate.of(2026, 1, 1), days, Map.of(), true,
                Set.of("A"));
        List<HealthLine> lines = HealthReportService.lines(h, demand(List.of(), Map.of()), List.of(), Set.of("A@w2"),
                FROM, END, END, 28);
        assertThat(lines).extracting(HealthLine::listing).containsExactly(ListingStatus.ACTIVE, ListingStatus.BLOCKED);
        // 10 available units in w2 are stranded: TikTok restricts new orders there.
        assertThat(HealthCalculator.strandedOf(lines.get(1))).isEqualTo(10);
    }

    /** {@code perDay} units every day over the trailing-90 window ending {@link #END} through {@code warehouse}. */
    private static List<SalesCount> sales(String sku, String warehouse, int perDay) {
        List<SalesCount> out = new ArrayList<>();
        for (LocalDate d = END.minusDays(89); !d.isAfter(END); d = d.plusDays(1)) {
            out.add(new SalesCount(sku, warehouse, d, perDay));
        }
        return out;
    }

    /** The demand model over the trailing 90 days ending {@link #END}, no stock-out day known. */
    private static WarehouseDemandService.Demand demand(List<SalesCount> sales, Map<String, Set<String>> carriers) {
        LocalDate salesFrom = sales.stream().map(SalesCount::day).min(LocalDate::compareTo).orElse(null);
        return WarehouseDemandService.Demand.of(new JdbiDemandReader.WarehouseDemandData(sales, carriers, Map.of(),
                AvailableDays.View.NONE, salesFrom), END.minusDays(89), END);
    }
}

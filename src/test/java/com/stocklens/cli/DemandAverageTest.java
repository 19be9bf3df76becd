package com.stocklens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.app.reports.WarehouseDemandService;
import com.stocklens.service.DailyDemand;
import com.stocklens.store.AvailableDays;
import com.stocklens.store.JdbiDemandReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code demand}'s d̄ of a SKU: days before sales history began are no data, not days without sales. */
class DemandAverageTest {
    private static final LocalDate FROM = LocalDate.of(2026, 11, 1);
    private static final LocalDate TO = LocalDate.of(2026, 11, 4);

    private static WarehouseDemandService.Demand historyFrom(LocalDate salesFrom) {
        return WarehouseDemandService.Demand.of(new JdbiDemandReader.WarehouseDemandData(List.of(), Map.of(),
                Map.of(), AvailableDays.View.NONE, salesFrom), FROM, TO);
    }

    private static List<DailyDemand> series(int... units) {
        return List.of(new DailyDemand("A", FROM, units[0], false), new DailyDemand("A", FROM.plusDays(1), units[1], false),
                new DailyDemand("A", FROM.plusDays(2), units[2], true), new DailyDemand("A", FROM.plusDays(3), units[3], false));
    }

    @Test
    void averagesTheCoveredDaysThatWereNotStockOutDays() {
        // History from the 2nd: the 1st is no data; the 3rd a stock-out day; (6 + 2) / 2.
        assertThat(DemandCommand.average(series(0, 6, 9, 2), historyFrom(FROM.plusDays(1)))).isEqualTo(4.0);
        // History covering all four days: (0 + 6 + 2) / 3.
        assertThat(DemandCommand.average(series(0, 6, 9, 2), historyFrom(FROM.minusDays(5)))).isCloseTo(8 / 3.0,
                org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void withoutHistoryOrAnInStockDayItIsUnknown() {
        assertThat(DemandCommand.average(series(0, 0, 0, 0), historyFrom(null))).isNull();
        assertThat(DemandCommand.average(series(0, 0, 0, 0), historyFrom(TO.plusDays(1)))).isNull();
        // Only the 3rd covered, and out of stock.
        assertThat(DemandCommand.average(series(0, 0, 5, 0).subList(0, 3), historyFrom(FROM.plusDays(2)))).isNull();
    }
}

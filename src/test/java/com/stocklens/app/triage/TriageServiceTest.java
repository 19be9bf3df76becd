package com.stocklens.app.triage;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.AlertKind;
import com.stocklens.domain.Snapshot;
import com.stocklens.domain.Thresholds;
import com.stocklens.service.DailyDemand;
import com.stocklens.service.DemandReader;
import com.stocklens.service.FlagBoard;
import com.stocklens.service.FlagReader;
import com.stocklens.service.History;
import com.stocklens.service.StockBoard;
import com.stocklens.service.StockBoardReader;
import com.stocklens.service.TriageItem;
import com.stocklens.service.TriageList;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The service reads the flags, the board of the same moment and the demand window, and ranks them. */
class TriageServiceTest {
    private final List<LocalDate[]> asked = new ArrayList<>();

    /** MUG: 4 and 6 sold on in-stock days, nothing on a stock-out day → 5.0 a day; CASE: 2 a day; LAMP: 1. */
    private final DemandReader demand = (from, to) -> {
        asked.add(new LocalDate[] {from, to});
        return Map.of(
                "MUG-001", List.of(day("MUG-001", 4, false), day("MUG-001", 6, false), day("MUG-001", 0, true)),
                "CASE-IP15", List.of(day("CASE-IP15", 2, false), day("CASE-IP15", 2, false)),
                "LAMP-RGB", List.of(day("LAMP-RGB", 1, false)));
    };

    private static DailyDemand day(String sku, int units, boolean stockOut) {
        return new DailyDemand(sku, LocalDate.of(2026, 3, 1), units, stockOut);
    }

    private TriageService service(FlagReader flags, StockBoardReader board, DemandReader demandReader) {
        return new TriageService(flags, board, demandReader, () -> Thresholds.DEFAULTS,
                Clock.fixed(TriageRankingTest.NOW, ZoneOffset.UTC));
    }

    @Test
    void ranksTheFlagsOfNowOnTheBoardOfNowWithTheDemandWindowBeforeToday() {
        TriageList list = service(TriageRankingTest::flags, TriageRankingTest::board, demand).now();

        // 06:30 UTC is 14:30 on 2 March in Beijing: the window is the 28 Beijing days up to 1 March.
        assertThat(asked).hasSize(1);
        assertThat(asked.get(0)).containsExactly(LocalDate.of(2026, 2, 2), LocalDate.of(2026, 3, 1));
        assertThat(list.actNow()).extracting(TriageItem::sellerSku).containsSubsequence("CASE-IP15", "MUG-001");
        assertThat(list.actNow().get(3).dailySales()).isEqualTo(5.0);
    }

    @Test
    void averagesOverInStockDaysOnly() {
        assertThat(TriageService.averageInStock(List.of(day("A", 4, false), day("A", 6, false), day("A", 0, true))))
                .isEqualTo(5.0);
        assertThat(TriageService.averageInStock(List.of(day("A", 0, true)))).isZero();
    }

    @Test
    void aFailingDemandReadRanksByUnitsAlone() {
        DemandReader broken = (from, to) -> {
            throw new IllegalStateException("db gone");
        };
        TriageList list = service(TriageRankingTest::flags, TriageRankingTest::board, broken).now();

        assertThat(list.actNow()).filteredOn(i -> i.alertKey() != null).allMatch(i -> i.impact() == null);
    }

    @Test
    void aPastBoardIsRankedOnTheStockBoardOfItsMoment() {
        Instant then = TriageRankingTest.NOW.minusSeconds(3600);
        List<Instant> boardsAskedFor = new ArrayList<>();
        StockBoardReader board = new StockBoardReader() {
            @Override
            public StockBoard read() {
                throw new AssertionError("a past moment reads the board of then, not now");
            }

            @Override
            public History history() {
                return new History() {
                    @Override
                    public List<Snapshot> moments() {
                        return List.of();
                    }

                    @Override
                    public StockBoard boardAt(Instant at) {
                        boardsAskedFor.add(at);
                        return TriageRankingTest.board();
                    }
                };
            }
        };
        FlagBoard now = TriageRankingTest.flags();
        FlagBoard past = new FlagBoard(now.tasks(), now.alerts(), now.evaluatedAt(), then, null);

        TriageList list = service(TriageRankingTest::flags, board, null).rank(past);

        assertThat(boardsAskedFor).containsExactly(then);
        assertThat(list.at()).isEqualTo(then);
    }

    @Test
    void withoutAStaleSourceShowingTheBoardIsNotReadAndTheListIsTheSame() {
        FlagBoard all = TriageRankingTest.flags();
        FlagBoard noStale = new FlagBoard(all.tasks(), all.alerts().stream()
                .filter(r -> r.alert().kind() != AlertKind.STALE_SOURCE).toList(), all.evaluatedAt(), null, null);
        assertThat(noStale.alerts()).hasSizeLessThan(all.alerts().size());
        StockBoardReader untouchable = () -> {
            throw new AssertionError("no stale source shows: the ranking needs no board");
        };

        TriageList list = service(() -> noStale, untouchable, demand).now();

        TriageList onTheBoard = TriageRanking.rank(noStale, TriageRankingTest.board(),
                service(() -> noStale, TriageRankingTest::board, demand).dailySales(TriageRankingTest.NOW),
                TriageRankingTest.NOW);
        assertThat(list).isEqualTo(onTheBoard);
        assertThat(list.actNow()).isNotEmpty();
    }

    @Test
    void aStaleSourceShowingReadsTheBoardForTheLinesItBlocks() {
        List<String> reads = new ArrayList<>();
        StockBoardReader board = () -> {
            reads.add("read");
            return TriageRankingTest.board();
        };

        TriageList list = service(TriageRankingTest::flags, board, demand).now();

        assertThat(reads).hasSize(1);
        assertThat(list.actNow()).anyMatch(i -> i.alertKind() == AlertKind.STALE_SOURCE && i.blockedLines() > 0);
    }
}

package com.stocklens.app.triage;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.AlertKind;
import com.stocklens.domain.DemandMean;
import com.stocklens.domain.Snapshot;
import com.stocklens.domain.Thresholds;
import com.stocklens.service.FlagBoard;
import com.stocklens.service.FlagReader;
import com.stocklens.service.History;
import com.stocklens.service.SkuDemandReader;
import com.stocklens.service.StockBoard;
import com.stocklens.service.StockBoardReader;
import com.stocklens.service.TriageItem;
import com.stocklens.service.TriageList;
import com.stocklens.service.TriageSection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The service reads the flags, the board of the same moment and the demand window, and ranks them. */
class TriageServiceTest {
    private final List<LocalDate[]> asked = new ArrayList<>();
    private final List<Set<String>> askedSkus = new ArrayList<>();

    /** MUG: 5.0 a day over 2 in-stock days; CASE: 2 a day; LAMP: 1; SOCK and the digest's SKUs: unknown. */
    private final SkuDemandReader demand = (from, to, skus) -> {
        asked.add(new LocalDate[] {from, to});
        askedSkus.add(Set.copyOf(skus));
        Map<String, DemandMean> known = Map.of("MUG-001", new DemandMean(5.0, 2), "CASE-IP15", new DemandMean(2.0, 28),
                "LAMP-RGB", new DemandMean(1.0, 28), "NOT-ASKED", new DemandMean(9.0, 28));
        Map<String, DemandMean> out = new HashMap<>();
        skus.forEach(sku -> {
            if (known.containsKey(sku)) {
                out.put(sku, known.get(sku));
            }
        });
        return out;
    };

    private TriageService service(FlagReader flags, StockBoardReader board, SkuDemandReader sales) {
        return new TriageService(flags, board, sales, () -> Thresholds.DEFAULTS,
                Clock.fixed(TriageRankingTest.NOW, ZoneOffset.UTC));
    }

    @Test
    void ranksTheFlagsOfNowOnTheBoardOfNowWithTheDemandWindowBeforeToday() {
        TriageList list = service(TriageRankingTest::flags, TriageRankingTest::board, demand).now();

        // 06:30 UTC is 14:30 on 2 March in Beijing: the window is the 28 Beijing days up to 1 March.
        assertThat(asked).hasSize(1);
        assertThat(asked.get(0)).containsExactly(LocalDate.of(2026, 2, 2), LocalDate.of(2026, 3, 1));
        // Only the SKUs whose units at risk are weighed, showing now, are asked for.
        assertThat(askedSkus.get(0)).containsExactlyInAnyOrder("CASE-IP15", "LAMP-RGB", "MUG-001", "SOCK-5PK", "X", "Y");
        assertThat(list.actNow()).extracting(TriageItem::sellerSku).containsSubsequence("CASE-IP15", "MUG-001");
        assertThat(list.actNow().get(3).dailySales()).isEqualTo(5.0);
        assertThat(list.actNow().get(3).salesDays()).isEqualTo(2);
        TriageItem sock = list.section(TriageSection.AT_RISK).get(3);
        assertThat(sock.sellerSku()).isEqualTo("SOCK-5PK");
        assertThat(sock.dailySales()).isNull();
        assertThat(sock.impact()).isNull();
    }

    @Test
    void withNoAlertToWeighNoDemandIsRead() {
        FlagBoard onlyTasks = new FlagBoard(TriageRankingTest.flags().tasks(), List.of(), TriageRankingTest.NOW);

        TriageList list = service(() -> onlyTasks, TriageRankingTest::board, demand).now();

        assertThat(asked).isEmpty();
        assertThat(list.actNow()).isNotEmpty();
    }

    @Test
    void aFailingDemandReadRanksByUnitsAlone() {
        SkuDemandReader broken = (from, to, skus) -> {
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
                service(() -> noStale, TriageRankingTest::board, demand)
                        .dailySales(TriageRanking.skusWithImpact(noStale, TriageRankingTest.NOW), TriageRankingTest.NOW),
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

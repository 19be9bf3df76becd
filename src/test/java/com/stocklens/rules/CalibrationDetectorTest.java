package com.stocklens.rules;

import static com.stocklens.rules.Pairs.NOW;
import static com.stocklens.rules.Pairs.SHIPBOB;
import static com.stocklens.rules.Pairs.TIKTOK;
import static com.stocklens.rules.Pairs.fresh;
import static com.stocklens.rules.Pairs.level;
import static com.stocklens.rules.Pairs.pair;
import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.AlertKind;
import com.stocklens.domain.CalibrationState;
import com.stocklens.domain.CalibrationTask;
import com.stocklens.domain.Declaration;
import com.stocklens.domain.DeclaredCause;
import com.stocklens.domain.SourceStatus;
import com.stocklens.domain.StockPair;
import com.stocklens.domain.Thresholds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationDetectorTest {
    private static final Thresholds T = Thresholds.DEFAULTS;
    private static final List<SourceStatus> FRESH = List.of(fresh(SHIPBOB), fresh(TIKTOK));
    private static final Duration TOL = Duration.ofSeconds(60);

    private static CalibrationChanges detect(List<StockPair> pairs, List<SourceStatus> sources,
                                             List<CalibrationTask> open) {
        return CalibrationDetector.detect(NOW, T, pairs, sources, open, TOL);
    }

    private static CalibrationTask openTask(long id, String sku, int wh, int tt, CalibrationState state) {
        Declaration d = state == CalibrationState.DECLARED
                ? new Declaration(DeclaredCause.DAMAGE, null, "amy", NOW.minusSeconds(60)) : null;
        return new CalibrationTask(id, sku, "shipbob:1", NOW.minus(Duration.ofMinutes(30)),
                NOW.plus(Duration.ofMinutes(90)), wh, tt, state, d, null, List.of());
    }

    @Test
    void opensATaskWithTheDeadlineAndFigures() {
        CalibrationChanges c = detect(List.of(pair(level(1000, 500), 506), pair("SKU-2", level(1000, 500), 505, 0)),
                FRESH, List.of());
        assertThat(c.toOpen()).singleElement().satisfies(t -> {
            assertThat(t.id()).isZero();
            assertThat(t.sellerSku()).isEqualTo("SKU-1");
            assertThat(t.detectedAt()).isEqualTo(NOW);
            assertThat(t.deadline()).isEqualTo(NOW.plus(Duration.ofHours(2)));
            assertThat(t.warehouseQuantity()).isEqualTo(500);
            assertThat(t.tiktokQuantity()).isEqualTo(506);
            assertThat(t.state()).isEqualTo(CalibrationState.OPEN);
        });
        assertThat(c.toUpdate()).isEmpty();
        assertThat(c.toResolve()).isEmpty();
    }

    @Test
    void neverOpensASecondTaskWhileOneIsOpenOrDeclared() {
        for (CalibrationState s : List.of(CalibrationState.OPEN, CalibrationState.DECLARED)) {
            CalibrationChanges same = detect(List.of(pair(level(1000, 500), 506)), FRESH,
                    List.of(openTask(7, "SKU-1", 500, 506, s)));
            assertThat(same.isEmpty()).as("%s, same figures", s).isTrue();
            CalibrationChanges moved = detect(List.of(pair(level(1000, 500), 520)), FRESH,
                    List.of(openTask(7, "SKU-1", 500, 506, s)));
            assertThat(moved.toOpen()).isEmpty();
            assertThat(moved.toUpdate()).singleElement().satisfies(t -> {
                assertThat(t.id()).isEqualTo(7);
                assertThat(t.tiktokQuantity()).isEqualTo(520);
                assertThat(t.state()).isEqualTo(s);
                assertThat(t.deadline()).isEqualTo(NOW.plus(Duration.ofMinutes(90)));
            });
        }
    }

    @Test
    void resolvesWhenTheGapCloses() {
        CalibrationChanges c = detect(List.of(pair(level(1000, 500), 505)), FRESH,
                List.of(openTask(7, "SKU-1", 500, 506, CalibrationState.DECLARED)));
        assertThat(c.toResolve()).singleElement().satisfies(t -> {
            assertThat(t.id()).isEqualTo(7);
            assertThat(t.state()).isEqualTo(CalibrationState.RESOLVED);
            assertThat(t.closedAt()).isEqualTo(NOW);
            assertThat(t.declaration()).isNotNull();
        });
    }

    @Test
    void aStaleSideNeverOpensNorResolvesButRaisesStaleSource() {
        Instant old = NOW.minus(Duration.ofMinutes(16));
        StockPair staleTikTok = new StockPair("SKU-1", "shipbob:1", SHIPBOB.id(), level(1000, 500), 520, 0, NOW, old);
        List<SourceStatus> sources = List.of(fresh(SHIPBOB), new SourceStatus(TIKTOK, old, "HTTP 500"));
        assertThat(detect(List.of(staleTikTok), sources, List.of()).isEmpty()).isTrue();
        StockPair closedButStale = new StockPair("SKU-1", "shipbob:1", SHIPBOB.id(), level(1000, 500), 500, 0, NOW, old);
        assertThat(detect(List.of(closedButStale), sources, List.of(openTask(7, "SKU-1", 500, 520,
                CalibrationState.OPEN))).isEmpty()).isTrue();

        // The warehouse source stale by its status, though the pair's own time looks fine.
        List<SourceStatus> staleWarehouse = List.of(new SourceStatus(SHIPBOB, old, null), fresh(TIKTOK));
        assertThat(detect(List.of(pair(level(1000, 500), 520)), staleWarehouse, List.of()).isEmpty()).isTrue();

        FlagEvaluation e = FlagEvaluator.evaluate(FlagInputs.of(NOW, T, List.of(staleTikTok), sources, List.of()));
        assertThat(e.calibration().isEmpty()).isTrue();
        assertThat(e.alerts()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.STALE_SOURCE);
            assertThat(a.key()).isEqualTo("STALE_SOURCE:tiktok:main");
            assertThat(a.actual()).isEqualTo(16 * 60);
            assertThat(a.limit()).isEqualTo(15 * 60);
        });
        // The oversell condition could not be judged: it is neither raised nor cleared.
        assertThat(e.undecidedKeys()).contains("OVERSELL_RISK:SKU-1@shipbob:1");
    }

    @Test
    void exactlyAtTheStalenessWindowStillCounts() {
        Instant edge = NOW.minus(Duration.ofMinutes(15));
        StockPair p = new StockPair("SKU-1", "shipbob:1", SHIPBOB.id(), level(1000, 500), 520, 0, edge, edge);
        List<SourceStatus> sources = List.of(new SourceStatus(SHIPBOB, edge, null), new SourceStatus(TIKTOK, edge, null));
        assertThat(detect(List.of(p), sources, List.of()).toOpen()).hasSize(1);
    }

    @Test
    void unknownFiguresNeverOpenNorResolve() {
        assertThat(detect(List.of(pair(level(1000, null), 520)), FRESH, List.of()).isEmpty()).isTrue();
        assertThat(detect(List.of(pair(level(1000, 500), null)), FRESH,
                List.of(openTask(7, "SKU-1", 500, 520, CalibrationState.OPEN))).isEmpty()).isTrue();
    }

    @Test
    void aPairMissingFromTheBoardKeepsItsTask() {
        assertThat(detect(List.of(), FRESH, List.of(openTask(7, "SKU-1", 500, 520, CalibrationState.OPEN)))
                .isEmpty()).isTrue();
    }
}

package com.stocklens.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.Snapshot;
import com.stocklens.service.History;
import com.stocklens.service.StockBoard;
import com.stocklens.ui.FakeSyncEvents;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The time control without a toolkit: same-thread executors, a fixed clock. */
class TimeTravelViewModelTest {
    private static final Instant NOW = Instant.parse("2026-11-27T04:00:00Z");
    private static final Instant M1 = Instant.parse("2026-11-27T01:00:00Z");
    private static final Instant M2 = Instant.parse("2026-11-27T02:00:00Z");
    private static final Instant M3 = Instant.parse("2026-11-27T03:00:00Z");

    private final List<Snapshot> snapshots = new ArrayList<>(List.of(
            new Snapshot(1, "shipbob:main", M1, 3), new Snapshot(2, "tiktok:main", M1, 3),
            new Snapshot(3, "shipbob:main", M2, 3), new Snapshot(4, "shipbob:main", M3, 3)));
    private final FakeSyncEvents events = new FakeSyncEvents();
    private TimeTravelViewModel vm;

    @BeforeEach
    void start() {
        History history = new History() {
            @Override
            public List<Snapshot> moments() {
                return List.copyOf(snapshots);
            }

            @Override
            public StockBoard boardAt(Instant at) {
                return StockBoard.EMPTY;
            }
        };
        vm = new TimeTravelViewModel(history, events, Clock.fixed(NOW, ZoneOffset.UTC), Runnable::run, Runnable::run);
        vm.start();
    }

    @Test
    void momentsAreTheDistinctSnapshotTimesAndStartAtNow() {
        assertThat(vm.moments()).containsExactly(M1, M2, M3);
        assertThat(vm.asOfProperty().get()).isNull();
        assertThat(vm.pastProperty().get()).isFalse();
        assertThat(vm.positionProperty().get()).as("the last slider position is now").isEqualTo(3);
    }

    @Test
    void stepsBackAndForwardThroughMomentsAndForwardPastTheLastIsNow() {
        vm.stepBack();
        assertThat(vm.asOfProperty().get()).isEqualTo(M3);
        assertThat(vm.asOfNow()).isEqualTo(M3);
        assertThat(vm.pastProperty().get()).isTrue();
        vm.stepBack();
        vm.stepBack();
        assertThat(vm.asOfProperty().get()).isEqualTo(M1);
        vm.stepBack();
        assertThat(vm.asOfProperty().get()).as("the first moment is as far back as it goes").isEqualTo(M1);
        assertThat(vm.positionProperty().get()).isZero();
        vm.stepForward();
        vm.stepForward();
        assertThat(vm.asOfProperty().get()).isEqualTo(M3);
        vm.stepForward();
        assertThat(vm.asOfProperty().get()).isNull();
        assertThat(vm.pastProperty().get()).isFalse();
    }

    @Test
    void aPickedTimeBetweenMomentsIsShownAsPickedAndStepsFromThere() {
        Instant between = M2.plusSeconds(1800);
        vm.goTo(between);
        assertThat(vm.asOfProperty().get()).isEqualTo(between);
        assertThat(vm.positionProperty().get()).as("slider sits on the moment in effect").isEqualTo(1);
        vm.stepBack();
        assertThat(vm.asOfProperty().get()).as("back from between two moments: the one in effect").isEqualTo(M2);
        vm.goTo(between);
        vm.stepForward();
        assertThat(vm.asOfProperty().get()).isEqualTo(M3);
    }

    @Test
    void aTimeAtOrAfterNowIsNowAndBackToNowClearsThePast() {
        vm.goTo(NOW);
        assertThat(vm.asOfProperty().get()).isNull();
        vm.goTo(M1.minusSeconds(60));
        assertThat(vm.asOfProperty().get()).as("before the first snapshot: allowed, no data yet")
                .isEqualTo(M1.minusSeconds(60));
        assertThat(vm.positionProperty().get()).isZero();
        vm.backToNow();
        assertThat(vm.asOfNow()).isNull();
        assertThat(vm.positionProperty().get()).isEqualTo(3);
    }

    @Test
    void sliderPositionsMapToMomentsAndTheLastToNow() {
        vm.goToPosition(1);
        assertThat(vm.asOfProperty().get()).isEqualTo(M2);
        vm.goToPosition(3);
        assertThat(vm.asOfProperty().get()).isNull();
    }

    @Test
    void aSyncAddsItsMomentAndKeepsTheChoice() {
        vm.goTo(M2);
        Instant m4 = Instant.parse("2026-11-27T03:30:00Z");
        snapshots.add(new Snapshot(5, "shipbob:main", m4, 3));
        events.fire();
        assertThat(vm.moments()).containsExactly(M1, M2, M3, m4);
        assertThat(vm.asOfProperty().get()).isEqualTo(M2);
        assertThat(vm.positionProperty().get()).isEqualTo(1);
        vm.close();
        assertThat(events.subscribers()).isZero();
    }
}

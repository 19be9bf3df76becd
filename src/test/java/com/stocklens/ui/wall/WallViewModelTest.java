package com.stocklens.ui.wall;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.StockLevel;
import com.stocklens.rules.Urgency;
import com.stocklens.service.BoardRow;
import com.stocklens.service.FlagBoard;
import com.stocklens.service.Notice;
import com.stocklens.service.NoticeKind;
import com.stocklens.service.SourceFreshness;
import com.stocklens.service.StockBoard;
import com.stocklens.ui.FakeBoards;
import com.stocklens.ui.FakeSyncEvents;
import com.stocklens.ui.Messages;
import com.stocklens.ui.NameMemory;
import com.stocklens.ui.UiContext;
import com.stocklens.ui.flags.FakeFlags;
import com.stocklens.ui.flags.FlagsViewModel;
import com.stocklens.ui.flags.TaskRowViewModel;
import com.stocklens.ui.flags.ToastsViewModel;
import com.stocklens.ui.stock.StockViewModel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Wall mode without a toolkit: page rotation on a test clock, countdowns, unknown totals, offline. */
class WallViewModelTest {
    private static final Instant T0 = FakeBoards.NOW;

    /** A clock the test sets; the view models read it when they apply a board. */
    private static final class TestClock extends Clock {
        volatile Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final TestClock clock = new TestClock();
    private final FakeSyncEvents syncEvents = new FakeSyncEvents();
    private final AtomicReference<StockBoard> board = new AtomicReference<>(FakeBoards.small());
    private final FakeFlags flags = new FakeFlags(clock, FakeFlags.showcase(T0));
    private WallViewModel wall;

    private WallViewModel wall(Duration rotate) {
        StockViewModel stock = new StockViewModel(board::get, syncEvents, clock, Duration.ofMinutes(15),
                Runnable::run, Runnable::run);
        FlagsViewModel flagsVm = new FlagsViewModel(flags, flags, flags, WallViewModel.NO_DIALOGS,
                NameMemory.inMemory("wall"), clock, FakeFlags.WINDOW, Runnable::run, Runnable::run);
        wall = new WallViewModel(stock, flagsVm, new ToastsViewModel(flags.notices(), Runnable::run), rotate, T0);
        wall.start();
        return wall;
    }

    @AfterEach
    void close() {
        if (wall != null) {
            wall.close();
        }
    }

    private void tickTo(Duration sinceStart) {
        clock.now = T0.plus(sinceStart);
        wall.tick(clock.now);
    }

    @Test
    void pagesRotateAtTheIntervalAndWrapAround() {
        wall(Duration.ofSeconds(20));
        assertThat(wall.getPage()).isEqualTo(WallViewModel.Page.FLAGS);
        assertThat(wall.pageIndicator()).isEqualTo("1 / 3");
        for (int s = 1; s < 20; s++) {
            tickTo(Duration.ofSeconds(s));
        }
        assertThat(wall.getPage()).as("19 s in").isEqualTo(WallViewModel.Page.FLAGS);
        tickTo(Duration.ofSeconds(20));
        assertThat(wall.getPage()).isEqualTo(WallViewModel.Page.STOCK);
        assertThat(wall.pageIndicator()).isEqualTo("2 / 3");
        tickTo(Duration.ofSeconds(40));
        assertThat(wall.getPage()).isEqualTo(WallViewModel.Page.SOURCES);
        tickTo(Duration.ofSeconds(60));
        assertThat(wall.getPage()).isEqualTo(WallViewModel.Page.FLAGS);
    }

    @Test
    void flippingByHandRestartsTheInterval() {
        wall(Duration.ofSeconds(20));
        tickTo(Duration.ofSeconds(15));
        wall.next();
        assertThat(wall.getPage()).isEqualTo(WallViewModel.Page.STOCK);
        tickTo(Duration.ofSeconds(25));
        assertThat(wall.getPage()).as("only 10 s since the flip").isEqualTo(WallViewModel.Page.STOCK);
        tickTo(Duration.ofSeconds(35));
        assertThat(wall.getPage()).isEqualTo(WallViewModel.Page.SOURCES);
        wall.previous();
        wall.previous();
        assertThat(wall.getPage()).isEqualTo(WallViewModel.Page.FLAGS);
        wall.previous();
        assertThat(wall.getPage()).as("wraps backwards").isEqualTo(WallViewModel.Page.SOURCES);
    }

    @Test
    void openTasksMostUrgentFirstWithCountdownsThatTickEachSecond() {
        wall(Duration.ofSeconds(20));
        List<TaskRowViewModel> tasks = wall.openTasks();
        // The declared task (106) is not on the wall; the overdue one comes first, the calm one last.
        assertThat(tasks).extracting(TaskRowViewModel::id).containsExactly(105L, 104L, 103L, 102L, 101L);
        assertThat(tasks.get(0).getCountdown()).isEqualTo("-00:03:12");
        assertThat(tasks.get(0).getUrgency()).isEqualTo(Urgency.OVERDUE);
        assertThat(tasks.get(1).getCountdown()).isEqualTo("00:08:05");
        assertThat(tasks.get(1).getUrgency()).isEqualTo(Urgency.CRITICAL);
        tickTo(Duration.ofSeconds(1));
        assertThat(tasks.get(1).getCountdown()).isEqualTo("00:08:04");
        assertThat(tasks.get(0).getCountdown()).isEqualTo("-00:03:13");
        tickTo(Duration.ofMinutes(8).plusSeconds(5));
        assertThat(tasks.get(1).getCountdown()).isEqualTo("-00:00:00");
        assertThat(tasks.get(1).getUrgency()).isEqualTo(Urgency.OVERDUE);
    }

    @Test
    void aBucketNoWarehouseReportsShowsADashNeverZero() {
        StockBoard small = FakeBoards.small();
        // Nobody reports frozen; everybody reports on hand, one of them as a real 0.
        List<BoardRow> rows = small.rows().stream().map(r -> new BoardRow(r.sku(), r.warehouse(),
                new StockLevel(r.level().onHand() == 40 ? 0 : r.level().onHand(), r.level().available(),
                        r.level().reserved(), r.level().inTransit(), r.level().qcHold(), null,
                        r.level().returnPendingQc()),
                r.tiktokAvailable(), r.tiktokCommitted(), r.warehouseSnapshotAt(), r.tiktokSnapshotAt())).toList();
        board.set(new StockBoard(rows, small.warehouses(), small.sources()));
        wall(Duration.ofSeconds(20));
        Messages en = new Messages(UiContext.ENGLISH);
        assertThat(wall.total("frozen").getSum()).isNull();
        assertThat(WallViewModel.totalText(wall.total("frozen").getSum(), en)).isEqualTo("—");
        assertThat(WallViewModel.totalText(wall.total("onHand").getSum(), en)).isEqualTo("110");
        assertThat(WallViewModel.totalText(0L, en)).isEqualTo("0");
        assertThat(WallViewModel.totalText(12345L, en)).isEqualTo("12,345");
    }

    @Test
    void staleSourcesComeFirstAndTheirAgesGrowWithTheClock() {
        wall(Duration.ofSeconds(20));
        assertThat(wall.sources()).isNotEmpty();
        assertThat(wall.sources().get(0).sourceName()).isEqualTo("GoodCang 谷仓");
        assertThat(wall.sources().get(0).isStale()).isTrue();
        assertThat(wall.staleCount()).isEqualTo(1);
        tickTo(Duration.ofMinutes(20));
        // 20 minutes later every source is past the 15-minute window.
        assertThat(wall.staleCount()).isEqualTo(wall.sources().size());
        assertThat(wall.sources().get(0).getAge()).isEqualTo(Duration.ofMinutes(40));
    }

    @Test
    void offlineWhenEveryPolledSourceFailedItsLastAttempt() {
        StockBoard small = FakeBoards.small();
        wall(Duration.ofSeconds(20));
        assertThat(wall.offlineProperty().get().offline()).isFalse();
        List<SourceFreshness> failing = small.sources().stream().map(f -> new SourceFreshness(f.source(),
                f.lastSnapshotAt(), T0.plusSeconds(60), "connection refused", f.rows(), f.requests(),
                f.durationMillis())).toList();
        board.set(new StockBoard(small.rows(), small.warehouses(), failing));
        syncEvents.fire();
        assertThat(wall.offlineProperty().get().offline()).isTrue();
        // The newest cached snapshot: TikTok's, 8 s before T0.
        assertThat(wall.offlineProperty().get().cachedAt()).isEqualTo(T0.minusSeconds(8));
        board.set(small);
        syncEvents.fire();
        assertThat(wall.offlineProperty().get().offline()).isFalse();
    }

    @Test
    void noticesGoToTheStripAndLeaveByThemselves() {
        wall(Duration.ofSeconds(20));
        assertThat(wall.noticeProperty().get()).isNull();
        Notice n = new Notice(T0,
                NoticeKind.CALIBRATION_DUE_10, "MUG-001", "shipbob:228", "Moreno Valley (CA)",
                null, 101L, 540L, null);
        flags.notice(n);
        assertThat(wall.noticeProperty().get()).isEqualTo(n);
        tickTo(WallViewModel.NOTICE_LIFETIME.minusSeconds(1));
        assertThat(wall.noticeProperty().get()).isEqualTo(n);
        tickTo(WallViewModel.NOTICE_LIFETIME);
        assertThat(wall.noticeProperty().get()).isNull();
    }

    @Test
    void theWallNeverOpensADialog() {
        assertThat(WallViewModel.NO_DIALOGS.editDeclaration(null).toCompletableFuture().join()).isFalse();
        assertThat(WallViewModel.NO_DIALOGS.confirm("t", "m").toCompletableFuture().join()).isFalse();
    }

    @Test
    void anEmptyBoardHasNoTasksAndNoSources() {
        flags.setBoard(FlagBoard.EMPTY);
        board.set(StockBoard.EMPTY);
        wall(Duration.ofSeconds(20));
        assertThat(wall.openTasks()).isEmpty();
        assertThat(wall.sources()).isEmpty();
        assertThat(wall.offlineProperty().get().offline()).as("no polled source: not offline").isFalse();
        assertThat(WallViewModel.totalText(wall.total("onHand").getSum(), new Messages(UiContext.CHINESE)))
                .isEqualTo("—");
    }
}

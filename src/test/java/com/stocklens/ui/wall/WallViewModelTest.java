package com.stocklens.ui.wall;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.AlertKind;
import com.stocklens.domain.Provider;
import com.stocklens.domain.SourceInfo;
import com.stocklens.domain.SourceKind;
import com.stocklens.domain.StockLevel;
import com.stocklens.rules.Urgency;
import com.stocklens.service.BoardRow;
import com.stocklens.service.FlagBoard;
import com.stocklens.service.Notice;
import com.stocklens.service.NoticeKind;
import com.stocklens.service.NoticePreferences;
import com.stocklens.service.NoticeSettings;
import com.stocklens.service.SourceFreshness;
import com.stocklens.service.StockBoard;
import com.stocklens.service.TriageItem;
import com.stocklens.ui.FakeBoards;
import com.stocklens.ui.FakeSyncEvents;
import com.stocklens.ui.Messages;
import com.stocklens.ui.NameMemory;
import com.stocklens.ui.UiContext;
import com.stocklens.ui.flags.FakeFlags;
import com.stocklens.ui.flags.FlagsViewModel;
import com.stocklens.ui.flags.TaskRowViewModel;
import com.stocklens.ui.notices.NotificationCenterViewModel;
import com.stocklens.ui.stock.StockViewModel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
        FlagsViewModel flagsVm = new FlagsViewModel(flags, flags.triage(), flags, flags, WallViewModel.NO_DIALOGS,
                NameMemory.inMemory("wall"), clock, FakeFlags.WINDOW, Runnable::run, Runnable::run);
        wall = new WallViewModel(stock, flagsVm, notifications(flags), rotate, T0, false);
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
    void oneNotificationPerEvaluationGoesToTheStripAndLeavesByItself() {
        wall(Duration.ofSeconds(20));
        assertThat(wall.noticeProperty().get()).isNull();
        Notice opened = new Notice(T0, NoticeKind.CALIBRATION_OPENED, "MUG-001", "shipbob:228",
                "Moreno Valley (CA)", null, 101L, 7200L, null);
        Notice slow = new Notice(T0, NoticeKind.ALERT_RAISED, null, null, null, AlertKind.SLOW_MOVING, null, null,
                "40");
        flags.notices(List.of(opened, slow));
        // The slow-moving burst is a digest kind: it does not pop up, so the notification is the task alone.
        assertThat(wall.noticeProperty().get().notices()).containsExactly(opened);
        tickTo(WallViewModel.NOTICE_LIFETIME.minusSeconds(1));
        assertThat(wall.noticeProperty().get()).isNotNull();
        tickTo(WallViewModel.NOTICE_LIFETIME);
        assertThat(wall.noticeProperty().get()).isNull();
    }

    @Test
    void theFlagsPageIsTheDesksTriageListInItsOrderWithTheBadgesCount() {
        // The desk's triage: the window's red flags over the same services.
        FlagsViewModel desk = new FlagsViewModel(flags, flags.triage(), flags, flags, WallViewModel.NO_DIALOGS,
                NameMemory.inMemory("desk"), clock, FakeFlags.WINDOW, Runnable::run, Runnable::run);
        desk.start();
        wall(Duration.ofSeconds(20));

        assertThat(wall.actNow()).isEqualTo(desk.triageProperty().get().actNow());
        assertThat(wall.actNow()).hasSize(desk.badgeCountProperty().get());
        // Calibrations by deadline first (the declared one is not there), then the orders at risk, then stale.
        assertThat(wall.actNow()).extracting(TriageItem::taskId).startsWith(105L, 104L, 103L, 102L, 101L);
        assertThat(wall.actNow()).extracting(TriageItem::kind)
                .contains("OVERSELL_RISK", "STALE_SOURCE")
                .doesNotContain("SLOW_MOVING", "BELOW_SAFETY_STOCK");
        assertThat(wall.task(wall.actNow().get(0))).get().extracting(TaskRowViewModel::getCountdown)
                .isEqualTo("-00:03:12");
        desk.close();
    }

    @Test
    void aFileFedWarehousePastTheWindowIsStaleOnTheWallAsOnTheDesk() {
        StockBoard small = FakeBoards.small();
        SourceInfo manila = new SourceInfo("csv:PH-MNL", SourceKind.WAREHOUSE, Provider.CSV,
                "Manila partner warehouse");
        List<SourceFreshness> sources = new ArrayList<>(small.sources());
        sources.add(new SourceFreshness(manila, T0.minus(Duration.ofHours(5)), T0.minus(Duration.ofHours(5)), null,
                75, 0, 0));
        board.set(new StockBoard(small.rows(), small.warehouses(), sources));
        wall(Duration.ofSeconds(20));
        // GoodCang (20 min) and the 5-hour-old file: the desk's freshness bar shows both red.
        assertThat(wall.staleCount()).isEqualTo(2);
    }

    /** The notification centre as the wall has it: default settings in memory, leading nowhere. */
    static NotificationCenterViewModel notifications(FakeFlags flags) {
        return new NotificationCenterViewModel(flags.notices(), NoticePreferences.inMemory(NoticeSettings.DEFAULT),
                NotificationCenterViewModel.Opener.NOWHERE, FakeBoards.CLOCK, WallViewModel.NOTICE_LIFETIME,
                Runnable::run, Runnable::run);
    }
}

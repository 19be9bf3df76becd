package com.stocklens.notify;

import static com.stocklens.notify.PushTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.connector.http.FakeTime;
import com.stocklens.connector.http.RateLimit;
import com.stocklens.domain.Alert;
import com.stocklens.domain.AlertKind;
import com.stocklens.domain.AlertState;
import com.stocklens.domain.CalibrationState;
import com.stocklens.domain.CalibrationTask;
import com.stocklens.domain.Wording;
import com.stocklens.service.FlagEvents;
import com.stocklens.service.FlagsChanged;
import com.stocklens.service.Notice;
import com.stocklens.service.NoticeKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NoticeCenterTest {
    private static final Instant T0 = Instant.parse("2025-01-01T04:00:00Z");
    private static final String WH = "shipbob:228";

    private final MutableClock clock = new MutableClock(T0);
    private final FakeFlagEvents flagEvents = new FakeFlagEvents();
    private final List<CalibrationTask> open = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Notice> notices = new LinkedBlockingQueue<>();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose.reversed()) {
            c.close();
        }
    }

    private NoticeCenter center(TeamPushService push) {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
        // A period of an hour: the tests drive the deadline checks themselves.
        NoticeCenter center = new NoticeCenter(flagEvents, () -> List.copyOf(open),
                Map.of(WH, "Moreno Valley (CA)")::get, push, clock, scheduler, Duration.ofHours(1));
        toClose.add(center);
        center.subscribe(notices::add);
        return center;
    }

    private static CalibrationTask task(long id, Instant deadline, CalibrationState state) {
        return new CalibrationTask(id, "TTS-PS-BLK-01", WH, deadline.minus(Duration.ofHours(2)), deadline,
                120, 132, state, null, null, List.of());
    }

    private List<Notice> drain() {
        List<Notice> out = new ArrayList<>();
        notices.drainTo(out);
        return out;
    }

    @Test
    void flagsChangedBecomesOneNoticePerOpenedTaskAndRaisedAlert() throws Exception {
        center(null);
        CalibrationTask opened = task(7, T0.plus(Duration.ofMinutes(118)), CalibrationState.OPEN);
        Alert oversell = new Alert("OVERSELL_RISK:TTS-PS-BLK-01@" + WH, AlertKind.OVERSELL_RISK, "TTS-PS-BLK-01",
                WH, null, T0, 132, 120, Wording.text("TikTok 132 > warehouse 120"), AlertState.ACTIVE, null, null);
        Alert stale = new Alert("STALE_SOURCE:shipbob", AlertKind.STALE_SOURCE, null, null, "shipbob", T0,
                1200, 900, null, AlertState.ACTIVE, null, null);

        flagEvents.fire(new FlagsChanged(T0, List.of(opened), List.of(), List.of(oversell, stale)));

        Notice first = notices.poll(5, TimeUnit.SECONDS);
        Notice second = notices.poll(5, TimeUnit.SECONDS);
        Notice third = notices.poll(5, TimeUnit.SECONDS);
        assertThat(first.kind()).isEqualTo(NoticeKind.CALIBRATION_OPENED);
        assertThat(first.taskId()).isEqualTo(7L);
        assertThat(first.sellerSku()).isEqualTo("TTS-PS-BLK-01");
        assertThat(first.warehouseName()).isEqualTo("Moreno Valley (CA)");
        assertThat(first.secondsLeft()).isEqualTo(Duration.ofMinutes(118).getSeconds());
        assertThat(second.kind()).isEqualTo(NoticeKind.ALERT_RAISED);
        assertThat(second.alertKind()).isEqualTo(AlertKind.OVERSELL_RISK);
        assertThat(Wording.decode(second.detail()).english()).isEqualTo("TikTok 132 > warehouse 120");
        assertThat(third.alertKind()).isEqualTo(AlertKind.STALE_SOURCE);
        assertThat(third.detail()).isEqualTo("shipbob");
        assertThat(notices.poll(100, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void theNoticesOfOneEvaluationAlsoArriveTogetherAsOneBatch() throws Exception {
        NoticeCenter center = center(null);
        BlockingQueue<List<Notice>> batches = new LinkedBlockingQueue<>();
        toClose.add(center.subscribeBatches(batches::add));
        CalibrationTask opened = task(7, T0.plus(Duration.ofMinutes(118)), CalibrationState.OPEN);
        Alert oversell = new Alert("OVERSELL_RISK:TTS-PS-BLK-01@" + WH, AlertKind.OVERSELL_RISK, "TTS-PS-BLK-01",
                WH, null, T0, 132, 120, Wording.text("TikTok 132 > warehouse 120"), AlertState.ACTIVE, null, null);

        flagEvents.fire(new FlagsChanged(T0, List.of(opened), List.of(), List.of(oversell)));
        flagEvents.fire(new FlagsChanged(T0, List.of(), List.of(), List.of()));

        List<Notice> batch = batches.poll(5, TimeUnit.SECONDS);
        assertThat(batch).extracting(Notice::kind).containsExactly(NoticeKind.CALIBRATION_OPENED,
                NoticeKind.ALERT_RAISED);
        // An evaluation that changed nothing sends no batch at all.
        assertThat(batches.poll(200, TimeUnit.MILLISECONDS)).isNull();
        assertThat(drain()).hasSize(2);
    }

    @Test
    void moreThanThreeNewAlertsOfOneKindBecomeOneSummaryNotice() throws Exception {
        center(null);
        List<Alert> three = new ArrayList<>();
        List<Alert> four = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Alert a = new Alert("BELOW_SAFETY_STOCK:SKU-" + i + "@" + WH, AlertKind.BELOW_SAFETY_STOCK, "SKU-" + i, WH,
                    null, T0, 3, 40, null, AlertState.ACTIVE, null, null);
            four.add(a);
            if (i < NoticeCenter.BURST) {
                three.add(new Alert("OVERSELL_RISK:SKU-" + i + "@" + WH, AlertKind.OVERSELL_RISK, "SKU-" + i, WH,
                        null, T0, 9, 5, null, AlertState.ACTIVE, null, null));
            }
        }
        List<Alert> raised = new ArrayList<>(three);
        raised.addAll(four);

        flagEvents.fire(new FlagsChanged(T0, List.of(), List.of(), raised));

        List<Notice> got = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            got.add(notices.poll(5, TimeUnit.SECONDS));
        }
        assertThat(notices.poll(100, TimeUnit.MILLISECONDS)).isNull();
        assertThat(got).filteredOn(n -> n.alertKind() == AlertKind.OVERSELL_RISK).hasSize(3)
                .allSatisfy(n -> assertThat(n.sellerSku()).isNotNull());
        assertThat(got).filteredOn(n -> n.alertKind() == AlertKind.BELOW_SAFETY_STOCK).singleElement()
                .satisfies(n -> {
                    assertThat(n.sellerSku()).isNull();
                    assertThat(n.warehouseId()).isNull();
                    assertThat(n.detail()).isEqualTo("4");
                });
    }

    @Test
    void remindersFireOnceAtThirtyAndTenMinutes() {
        NoticeCenter center = center(null);
        Instant deadline = T0.plus(Duration.ofMinutes(31));
        open.add(task(1, deadline, CalibrationState.OPEN));

        center.checkDeadlines();
        assertThat(drain()).as("31 min left").isEmpty();

        clock.set(deadline.minus(Duration.ofMinutes(30)));
        center.checkDeadlines();
        List<Notice> at30 = drain();
        assertThat(at30).extracting(Notice::kind).containsExactly(NoticeKind.CALIBRATION_DUE_30);
        assertThat(at30.get(0).secondsLeft()).isEqualTo(1800L);
        assertThat(at30.get(0).taskId()).isEqualTo(1L);

        clock.set(deadline.minus(Duration.ofMinutes(29)));
        center.checkDeadlines();
        center.checkDeadlines();
        assertThat(drain()).as("repeated checks between thresholds").isEmpty();

        clock.set(deadline.minus(Duration.ofMinutes(10)).minusSeconds(1));
        center.checkDeadlines();
        assertThat(drain()).as("10 min and 1 s left").isEmpty();

        clock.set(deadline.minus(Duration.ofMinutes(10)));
        center.checkDeadlines();
        assertThat(drain()).extracting(Notice::kind).containsExactly(NoticeKind.CALIBRATION_DUE_10);

        clock.set(deadline.minus(Duration.ofMinutes(2)));
        center.checkDeadlines();
        clock.set(deadline.plusSeconds(1));
        center.checkDeadlines();
        assertThat(drain()).as("after DUE_10, and overdue").isEmpty();
    }

    @Test
    void aTaskFirstSeenInsideTenMinutesGetsOnlyTheTenMinuteReminder() {
        NoticeCenter center = center(null);
        open.add(task(2, T0.plus(Duration.ofMinutes(8)), CalibrationState.OPEN));
        center.checkDeadlines();
        center.checkDeadlines();
        assertThat(drain()).extracting(Notice::kind).containsExactly(NoticeKind.CALIBRATION_DUE_10);
    }

    @Test
    void overdueAndDeclaredTasksGetNoReminder() {
        NoticeCenter center = center(null);
        open.add(task(3, T0.minus(Duration.ofMinutes(1)), CalibrationState.OPEN));
        open.add(task(4, T0, CalibrationState.OPEN));
        open.add(task(5, T0.plus(Duration.ofMinutes(5)), CalibrationState.DECLARED));
        center.checkDeadlines();
        assertThat(drain()).isEmpty();
    }

    @Test
    void aFailingTaskReadDoesNotStopTheSchedule() throws Exception {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
        List<Integer> calls = new CopyOnWriteArrayList<>();
        NoticeCenter center = new NoticeCenter(flagEvents, () -> {
            calls.add(1);
            if (calls.size() == 1) {
                throw new IllegalStateException("database busy");
            }
            return List.of(task(6, T0.plus(Duration.ofMinutes(20)), CalibrationState.OPEN));
        }, id -> null, null, clock, scheduler, Duration.ofMillis(20));
        toClose.add(center);
        center.subscribe(notices::add);

        Notice due = notices.poll(5, TimeUnit.SECONDS);
        assertThat(due).isNotNull();
        assertThat(due.kind()).isEqualTo(NoticeKind.CALIBRATION_DUE_30);
        assertThat(due.warehouseName()).isNull();
        assertThat(calls.size()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void noticesArePushedToTheTeamInChineseThenEnglishAndPushFailuresComeBackAsNotices() throws Exception {
        MockWebServer server = new MockWebServer();
        server.start();
        toClose.add(server);
        TeamPushService push = new TeamPushService(new FakeTime().factory(), PushTestSupport.policy(),
                new RateLimit(10, Duration.ofMinutes(1)), Clock.fixed(T0, ZoneOffset.UTC), System::nanoTime);
        toClose.add(push);
        push.setRobots(List.of(TeamRobot.unsigned(TeamRobot.Platform.WECOM,
                server.url("/cgi-bin/webhook/send?key=k").toString())));
        server.enqueue(json("{\"errcode\":0,\"errmsg\":\"ok\"}"));
        server.enqueue(json("{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}"));
        center(push);

        CalibrationTask opened = task(9, T0.plus(Duration.ofMinutes(118)), CalibrationState.OPEN);
        flagEvents.fire(new FlagsChanged(T0, List.of(opened), List.of(), List.of()));

        RecordedRequest pushed = server.takeRequest(5, TimeUnit.SECONDS);
        String content = PushTestSupport.body(pushed).path("markdown").path("content").asText();
        String[] lines = content.split("\n");
        assertThat(lines[1]).isEqualTo("【库存校准】TTS-PS-BLK-01 @ Moreno Valley (CA)：差异 +12（TikTok 132 / 仓库 120），"
                + "剩余 01:58:00，截止 北京时间 01-01 13:58，请在截止前申报原因");
        assertThat(lines[2]).startsWith("Calibration task: TTS-PS-BLK-01 @ Moreno Valley (CA), gap +12");
        assertThat(notices.poll(5, TimeUnit.SECONDS).kind()).isEqualTo(NoticeKind.CALIBRATION_OPENED);

        // The second push is refused by the platform: the desktop hears about it, the app carries on.
        flagEvents.fire(new FlagsChanged(T0, List.of(task(10, T0.plus(Duration.ofMinutes(119)),
                CalibrationState.OPEN)), List.of(), List.of()));
        assertThat(notices.poll(5, TimeUnit.SECONDS).kind()).isEqualTo(NoticeKind.CALIBRATION_OPENED);
        Notice failed = notices.poll(5, TimeUnit.SECONDS);
        assertThat(failed.kind()).isEqualTo(NoticeKind.PUSH_FAILED);
        assertThat(failed.detail()).contains("企业微信").contains("WeCom").contains("45009");
        assertThat(server.takeRequest(5, TimeUnit.SECONDS)).as("the refused push").isNotNull();
        // A push failure is never pushed itself.
        assertThat(server.takeRequest(300, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void alertMessageNamesTheKindInBothLanguages() {
        Alert alert = new Alert("BELOW_SAFETY_STOCK:X@" + WH, AlertKind.BELOW_SAFETY_STOCK, "X", WH, null, T0,
                40, 65, Wording.text("available 30 + in transit 10 < reorder point 65"), AlertState.ACTIVE, null, null);
        TeamMessage m = NoticeText.alert(alert, "Moreno Valley (CA)");
        assertThat(m.title()).contains("StockLens");
        assertThat(m.text().split("\n")).containsExactly(
                "【低于安全库存】X @ Moreno Valley (CA)（实际 40，阈值 65）",
                "Below safety stock: X @ Moreno Valley (CA) (actual 40, limit 65)",
                "available 30 + in transit 10 < reorder point 65");
    }

    @Test
    void alertMessageCarriesTheWorkingInBothLanguages() {
        Alert alert = new Alert("OVERSOLD:X@" + WH, AlertKind.OVERSOLD, "X", WH, null, T0, 12, 9,
                Wording.of("oversold.committed", 12, 9, 3), AlertState.ACTIVE, null, null);
        TeamMessage m = NoticeText.alert(alert, "Moreno Valley (CA)");
        assertThat(m.text().split("\n")).endsWith(
                "TikTok 已占用 12 > 仓库在仓 9：3 件已下单却无货可发（已超卖）",
                "TikTok committed 12 > warehouse on hand 9: 3 ordered units cannot ship (already oversold)");
    }

    @Test
    void closingUnsubscribesFromFlagEvents() {
        NoticeCenter center = center(null);
        assertThat(flagEvents.listeners).hasSize(1);
        center.close();
        assertThat(flagEvents.listeners).isEmpty();
    }

    /** Stands in for the flag engine's event stream. */
    static final class FakeFlagEvents implements FlagEvents {
        final List<Consumer<FlagsChanged>> listeners = new CopyOnWriteArrayList<>();

        @Override
        public AutoCloseable subscribe(Consumer<FlagsChanged> listener) {
            listeners.add(listener);
            return () -> listeners.remove(listener);
        }

        void fire(FlagsChanged changed) {
            listeners.forEach(l -> l.accept(changed));
        }
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant value) {
            now = value;
        }

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
}

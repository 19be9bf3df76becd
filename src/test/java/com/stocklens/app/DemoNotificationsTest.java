package com.stocklens.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.app.settings.LaunchOptions;
import com.stocklens.sandbox.SandboxClock;
import com.stocklens.service.Notice;
import com.stocklens.service.NoticePreferences;
import com.stocklens.service.NoticeSettings;
import com.stocklens.service.Notices;
import com.stocklens.service.TriageList;
import com.stocklens.ui.notices.NotificationCenterViewModel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's own flags through the real notice centre and the window's notification centre (no toolkit):
 * each evaluation is at most one notification, whatever it raised; the triage's top part is what the badge
 * counts. Prints what it saw, for the record.
 */
class DemoNotificationsTest {
    @TempDir
    Path dir;

    private AppRuntime runtime;
    private SandboxClock clock;

    @BeforeEach
    void open() {
        clock = new SandboxClock(Instant.parse("2026-11-27T06:00:00Z"));
        runtime = AppRuntime.open(new LaunchOptions(true, dir, null, Duration.ofSeconds(10), Duration.ofMinutes(15)),
                clock);
    }

    @AfterEach
    void close() {
        runtime.close();
    }

    @Test
    void eachDemoEvaluationIsAtMostOneNotification() throws Exception {
        Notices notices = runtime.startNotices();
        List<Notice> each = new CopyOnWriteArrayList<>();
        List<List<Notice>> batches = new CopyOnWriteArrayList<>();
        notices.subscribe(each::add);
        notices.subscribeBatches(batches::add);
        NotificationCenterViewModel center = new NotificationCenterViewModel(notices,
                NoticePreferences.inMemory(NoticeSettings.DEFAULT), NotificationCenterViewModel.Opener.NOWHERE, clock,
                NotificationCenterViewModel.POPUP_LIFETIME, Runnable::run, Runnable::run);
        center.start();

        // Three sync cycles; each evaluation that changes something (scheduled after the sync, or the one
        // syncOnce runs) sends its notices as one batch.
        for (int i = 0; i < 3; i++) {
            runtime.syncOnce();
            clock.advance(Duration.ofSeconds(10));
        }
        awaitQuiet(batches);
        int popping = 0;
        for (List<Notice> batch : batches) {
            long pops = batch.stream().filter(NoticeSettings.DEFAULT::popsUp).count();
            popping += pops > 0 ? 1 : 0;
            System.out.printf("evaluation: %d notice(s) (before: %d toast(s), at most 5 on screen) -> %d popping, "
                    + "%s notification%n", batch.size(), batch.size(), pops, pops > 0 ? "one" : "no");
        }
        TriageList triage = runtime.triage().now();
        System.out.printf("%d evaluation(s) with notices, %d notice(s) in all, %d notification(s); triage: %d to act "
                        + "on (the badge), %d in the digest%n", batches.size(), each.size(),
                center.popupsShownProperty().get(), triage.actNow().size(), triage.digestCount());

        assertThat(batches).isNotEmpty();
        assertThat(center.popupsShownProperty().get()).isEqualTo(popping).isLessThanOrEqualTo(batches.size());
        assertThat(each).hasSize(batches.stream().mapToInt(List::size).sum());
        assertThat(center.history()).hasSize(each.size());
        center.close();
    }

    /** Until no batch has come for three seconds (the evaluations after the last sync have settled). */
    private static void awaitQuiet(List<List<Notice>> batches) throws InterruptedException {
        int seen = -1;
        for (int i = 0; i < 20 && seen != batches.size(); i++) {
            seen = batches.size();
            Thread.sleep(3000);
        }
    }
}

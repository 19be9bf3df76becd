package com.stocklens.ui.notices;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.AlertKind;
import com.stocklens.service.FlagBoard;
import com.stocklens.service.Notice;
import com.stocklens.service.NoticeKind;
import com.stocklens.service.NoticePreferences;
import com.stocklens.service.NoticeSettings;
import com.stocklens.ui.FakeBoards;
import com.stocklens.ui.flags.FakeFlags;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The notification centre without a toolkit: one notification per occasion, the bell, the settings. */
class NotificationCenterViewModelTest {
    private static final Instant NOW = FakeBoards.NOW;

    private final FakeFlags flags = new FakeFlags(FakeBoards.CLOCK, FlagBoard.EMPTY);
    private final NoticePreferences preferences = NoticePreferences.inMemory(NoticeSettings.DEFAULT);
    private final List<Object> opened = new ArrayList<>();
    private final NotificationCenterViewModel center = new NotificationCenterViewModel(flags.notices(), preferences,
            new NotificationCenterViewModel.Opener() {
                @Override
                public void open(Notice notice) {
                    opened.add(notice);
                }

                @Override
                public void openAll() {
                    opened.add("triage");
                }
            }, FakeBoards.CLOCK, NotificationCenterViewModel.POPUP_LIFETIME, Runnable::run, Runnable::run);

    private static Notice task(long id) {
        return new Notice(NOW, NoticeKind.CALIBRATION_OPENED, "SKU-" + id, "shipbob:228", "Moreno Valley (CA)", null,
                id, 7200L, null);
    }

    private static Notice alert(AlertKind kind, String sku) {
        return new Notice(NOW, NoticeKind.ALERT_RAISED, sku, "shipbob:228", "Moreno Valley (CA)", kind, null, null,
                "detail");
    }

    private static Notice burst(AlertKind kind, int count) {
        return new Notice(NOW, NoticeKind.ALERT_RAISED, null, null, null, kind, null, null, Integer.toString(count));
    }

    /** What the demo's first evaluation raises: six tasks, oversell, and bursts of housekeeping kinds. */
    private static List<Notice> demoFirstEvaluation() {
        List<Notice> batch = new ArrayList<>();
        for (long id = 1; id <= 6; id++) {
            batch.add(task(id));
        }
        batch.add(alert(AlertKind.OVERSELL_RISK, "TTS-RNG-12-06"));
        batch.add(alert(AlertKind.OVERSELL_RISK, "TTS-SCK-S-05"));
        batch.add(alert(AlertKind.MISSING_PREALLOCATION, "TTS-PS-PNK-05"));
        batch.add(burst(AlertKind.BELOW_SAFETY_STOCK, 58));
        batch.add(burst(AlertKind.SLOW_MOVING, 97));
        batch.add(alert(AlertKind.STALE_SOURCE, null));
        return batch;
    }

    @Test
    void anEvaluationBecomesAtMostOneNotificationOfTheKindsThatPopUp() {
        center.start();
        flags.notices(demoFirstEvaluation());

        assertThat(center.popupsShownProperty().get()).isEqualTo(1);
        NotificationCenterViewModel.Popup popup = center.popupProperty().get();
        // Only the new tasks and the new oversell risks pop up; the rest waits in the bell.
        assertThat(popup.notices()).extracting(Notice::kind).containsOnly(NoticeKind.CALIBRATION_OPENED,
                NoticeKind.ALERT_RAISED);
        assertThat(popup.notices()).hasSize(8);
        assertThat(popup.single()).isNull();
        assertThat(center.history()).hasSize(12);
        assertThat(center.unreadProperty().get()).isEqualTo(8);

        // Housekeeping alone never pops up.
        flags.notices(List.of(burst(AlertKind.BELOW_SAFETY_STOCK, 4), alert(AlertKind.MISSING_PREALLOCATION, "X")));
        assertThat(center.popupsShownProperty().get()).isEqualTo(1);
        assertThat(center.history()).hasSize(14);
    }

    @Test
    void itGoesByItselfAndClosingItOpensNothing() {
        center.start();
        flags.notices(List.of(task(7)));
        center.tick(NOW.plus(NotificationCenterViewModel.POPUP_LIFETIME).minusSeconds(1));
        assertThat(center.popupProperty().get()).isNotNull();
        center.tick(NOW.plus(NotificationCenterViewModel.POPUP_LIFETIME));
        assertThat(center.popupProperty().get()).isNull();

        flags.notices(List.of(task(8)));
        center.dismiss();
        assertThat(center.popupProperty().get()).isNull();
        assertThat(opened).isEmpty();
    }

    @Test
    void aClickOnItsBodyOpensTheOneItemOrTheTriageList() {
        center.start();
        Notice one = task(9);
        flags.notices(List.of(one));
        center.openPopup();
        assertThat(opened).containsExactly(one);
        assertThat(center.popupProperty().get()).isNull();

        flags.notices(List.of(task(10), alert(AlertKind.OVERSELL_RISK, "Y")));
        center.openPopup();
        assertThat(opened).containsExactly(one, "triage");

        // A burst of oversell is several things: the triage list.
        flags.notices(List.of(burst(AlertKind.OVERSELL_RISK, 5)));
        assertThat(center.popupProperty().get().single()).isNull();
    }

    @Test
    void kindsAreChosenMutedAndKeptInThePreferences() {
        center.start();
        center.setPopsUp("BELOW_SAFETY_STOCK", true);
        center.setPopsUp(NoticeSettings.CALIBRATION_OPENED, false);
        assertThat(preferences.load().popups()).contains("BELOW_SAFETY_STOCK", "OVERSELL_RISK")
                .doesNotContain(NoticeSettings.CALIBRATION_OPENED);
        flags.notices(List.of(task(1)));
        assertThat(center.popupProperty().get()).isNull();
        flags.notices(List.of(burst(AlertKind.BELOW_SAFETY_STOCK, 3)));
        assertThat(center.popupProperty().get()).isNotNull();
        center.dismiss();

        center.setMuted(true);
        assertThat(preferences.load().muted()).isTrue();
        flags.notices(List.of(alert(AlertKind.OVERSELL_RISK, "Z")));
        assertThat(center.popupProperty().get()).isNull();
        // Muted pop-ups still count in the bell.
        assertThat(center.unreadProperty().get()).isEqualTo(2);
        center.markAllRead();
        assertThat(center.unreadProperty().get()).isZero();
    }

    @Test
    void theSameThingToldAgainWithinTheHourNeitherPopsUpNorCounts() {
        center.start();
        flags.notices(List.of(task(1), alert(AlertKind.OVERSELL_RISK, "FLAP")));
        assertThat(center.popupsShownProperty().get()).isEqualTo(1);
        center.dismiss();
        // The gap closed and opened again between two syncs: a new task id, the same SKU × warehouse.
        Notice reopened = new Notice(NOW, NoticeKind.CALIBRATION_OPENED, "SKU-1", "shipbob:228", "Moreno Valley (CA)",
                null, 99L, 7200L, null);
        flags.notices(List.of(reopened, alert(AlertKind.OVERSELL_RISK, "FLAP")));
        assertThat(center.popupsShownProperty().get()).isEqualTo(1);
        assertThat(center.unreadProperty().get()).isEqualTo(2);
        assertThat(center.history()).hasSize(4);
    }

    @Test
    void theHistoryIsBounded() {
        center.start();
        for (int i = 0; i < NotificationCenterViewModel.HISTORY_CAP + 20; i++) {
            flags.notices(List.of(alert(AlertKind.SLOW_MOVING, "S" + i)));
        }
        assertThat(center.history()).hasSize(NotificationCenterViewModel.HISTORY_CAP);
        assertThat(center.history().get(0).notice().sellerSku()).isEqualTo("S219");
        center.close();
        flags.notices(List.of(task(1)));
        assertThat(center.popupProperty().get()).isNull();
    }
}

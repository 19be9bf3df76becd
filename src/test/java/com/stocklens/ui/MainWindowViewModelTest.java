package com.stocklens.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.AlertKind;
import com.stocklens.rules.Urgency;
import com.stocklens.service.FlagBoard;
import com.stocklens.service.Notice;
import com.stocklens.service.NoticeKind;
import com.stocklens.ui.flags.FakeFlags;
import com.stocklens.ui.flags.FlagTexts;
import com.stocklens.ui.history.CompareViewModel;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the window shell decides, without a toolkit: same-thread executors, fake services. */
class MainWindowViewModelTest {
    private static final Instant PAST = FakeBoards.NOW.minusSeconds(3600);
    private final Messages en = new Messages(UiContext.ENGLISH);
    private MainWindowViewModel viewModel;

    private MainWindowViewModel started(FakeFlags flags, boolean demo) {
        UiContext context = TestUiContext.builder().demo(demo).flags(flags, "li.wei").build();
        viewModel = new MainWindowViewModel(context, en, new FakeDialogs(null), Runnable::run);
        viewModel.start();
        return viewModel;
    }

    @AfterEach
    void close() {
        if (viewModel != null) {
            viewModel.close();
        }
    }

    @Test
    void opensOnTheStockBoardAndOnTheTriageListWhenTheFirstJudgedFlagsHoldSomethingToActOn() {
        assertThat(started(new FakeFlags(FakeBoards.CLOCK, FlagBoard.EMPTY), false).screen()).isEqualTo(Screen.STOCK);
        viewModel.close();
        assertThat(started(new FakeFlags(FakeBoards.CLOCK, FakeFlags.showcase(FakeBoards.NOW)), false).screen())
                .isEqualTo(Screen.TRIAGE);
    }

    @Test
    void aFreshWorkspaceWaitsForTheFirstEvaluationAndThenDecidesOnce() {
        // Never judged yet (a fresh workspace's first read): the window stays on stock and waits.
        FakeFlags flags = new FakeFlags(FakeBoards.CLOCK, FlagBoard.EMPTY);
        started(flags, false);
        assertThat(viewModel.screen()).isEqualTo(Screen.STOCK);
        flags.setBoard(FakeFlags.showcase(FakeBoards.NOW));
        flags.fire();
        assertThat(viewModel.screen()).as("the first judged flags hold open tasks").isEqualTo(Screen.TRIAGE);
        viewModel.choose(Screen.STOCK);
        flags.fire();
        assertThat(viewModel.screen()).isEqualTo(Screen.STOCK);
    }

    @Test
    void aScreenThePersonPickedIsNeverLeftOnItsOwn() {
        FakeFlags flags = new FakeFlags(FakeBoards.CLOCK, FakeFlags.showcase(FakeBoards.NOW));
        UiContext context = TestUiContext.builder().flags(flags, "li.wei").build();
        viewModel = new MainWindowViewModel(context, en, new FakeDialogs(null), Runnable::run);
        viewModel.choose(Screen.AGEING); // --screen AGEING, before the first read
        viewModel.start();
        assertThat(viewModel.screen()).isEqualTo(Screen.AGEING);

        viewModel.showStock("  MUG-350  ");
        assertThat(viewModel.screen()).isEqualTo(Screen.STOCK);
        assertThat(viewModel.stock().filterTextProperty().get()).isEqualTo("MUG-350");
    }

    @Test
    void theBadgeCountsWhatTheTriageListHoldsToActOnColouredByTheWorstTask() {
        // Judged, and nothing to act on: the window stays on stock for good.
        FakeFlags flags = new FakeFlags(FakeBoards.CLOCK, new FlagBoard(List.of(), List.of(), FakeBoards.NOW));
        started(flags, false);
        assertThat(viewModel.badgeCountProperty().get()).isZero();
        assertThat(viewModel.badgeUrgencyProperty().get()).isNull();

        flags.setBoard(FakeFlags.showcase(FakeBoards.NOW));
        flags.fire();
        // 5 open tasks, the oversell, the missing pre-allocation and the stale source; safety stock is digest.
        assertThat(viewModel.badgeCountProperty().get()).isEqualTo(8)
                .isEqualTo(viewModel.flags().triageProperty().get().actNow().size());
        assertThat(viewModel.badgeUrgencyProperty().get()).isEqualTo(Urgency.OVERDUE);
        assertThat(viewModel.screen()).as("not the first judged flags: the window stays where it is")
                .isEqualTo(Screen.STOCK);
    }

    @Test
    void aNotificationLeadsToItsTask() {
        FakeFlags flags = new FakeFlags(FakeBoards.CLOCK, FakeFlags.showcase(FakeBoards.NOW));
        started(flags, false);
        viewModel.choose(Screen.STOCK);
        viewModel.openNotice(new Notice(FakeBoards.NOW, NoticeKind.CALIBRATION_DUE_10, "YOGA-MAT", "shipbob:228",
                "Moreno Valley (CA)", null, 104L, 485L, null));
        assertThat(viewModel.screen()).isEqualTo(Screen.FLAGS);
        assertThat(viewModel.flags().focusedTaskIdProperty().get()).isEqualTo(104L);
    }

    @Test
    void underAPastMomentEachScreenSaysWhatItShowsOfItOrWhyItCannot() {
        started(new FakeFlags(FakeBoards.CLOCK, FlagBoard.EMPTY), false);
        String when = Formats.beijingTime(PAST);
        viewModel.choose(Screen.FLAGS);
        assertThat(viewModel.pastNoteProperty().get()).isNull();

        viewModel.timeTravel().goTo(PAST);
        // The shell moves its red flags to the moment, built red-flag screen or not.
        assertThat(viewModel.flags().asOfProperty().get()).isEqualTo(PAST);
        // The fake keeps no history: every alert kind is "not recorded" at a past moment.
        FlagTexts texts = new FlagTexts(en);
        assertThat(viewModel.pastNoteProperty().get())
                .startsWith(en.format("history.past.flags", when))
                .contains(texts.alertKind(AlertKind.values()[0]));
        assertThat(viewModel.pastNoticeProperty().get()).isNull();

        viewModel.choose(Screen.HEALTH);
        assertThat(viewModel.pastNoteProperty().get()).isEqualTo(en.format("history.past.health", when));
        viewModel.choose(Screen.CODES);
        assertThat(viewModel.pastNoteProperty().get()).isNull();
        assertThat(viewModel.pastNoticeProperty().get()).isEqualTo(en.format("history.codesNowOnly", when));
        viewModel.choose(Screen.STOCK);
        assertThat(viewModel.pastNoticeProperty().get()).isNull();
        assertThat(viewModel.pastNoteProperty().get()).isNull();
        viewModel.choose(Screen.CODES);

        viewModel.timeTravel().backToNow();
        assertThat(viewModel.pastNoticeProperty().get()).isNull();
        assertThat(viewModel.pastNoteProperty().get()).isNull();
    }

    @Test
    void theBannerSaysDemoOrWhoseSnapshotAndASnapshotIsReadOnly() {
        started(new FakeFlags(FakeBoards.CLOCK, FlagBoard.EMPTY), true);
        assertThat(viewModel.title()).isEqualTo(en.get("app.title"));
        assertThat(viewModel.bannerProperty().get())
                .isEqualTo(new MainWindowViewModel.Banner(MainWindowViewModel.BannerKind.DEMO, en.get("demo.banner")));
        assertThat(viewModel.readOnlyProperty().get()).isFalse();

        viewModel.showSnapshot("Acme Shop", PAST);
        assertThat(viewModel.bannerProperty().get()).isEqualTo(new MainWindowViewModel.Banner(
                MainWindowViewModel.BannerKind.SNAPSHOT,
                en.format("snapshot.banner", "Acme Shop", Formats.beijingTime(PAST))));
        assertThat(viewModel.readOnlyProperty().get()).isTrue();
    }

    @Test
    void liveModeHasNoBannerAndComparingStartsAtTheMomentShown() {
        started(new FakeFlags(FakeBoards.CLOCK, FlagBoard.EMPTY), false);
        assertThat(viewModel.bannerProperty().get()).isNull();
        viewModel.timeTravel().goTo(PAST);
        CompareViewModel compare = viewModel.compare();
        assertThat(compare.fromProperty().get()).isEqualTo(PAST);
        assertThat(compare.toProperty().get()).as("now").isNull();
    }
}

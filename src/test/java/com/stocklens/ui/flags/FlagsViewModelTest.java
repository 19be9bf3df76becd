package com.stocklens.ui.flags;

import static com.stocklens.ui.flags.FakeFlags.alert;
import static com.stocklens.ui.flags.FakeFlags.hint;
import static com.stocklens.ui.flags.FakeFlags.task;
import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.AlertKind;
import com.stocklens.domain.AlertState;
import com.stocklens.domain.CalibrationState;
import com.stocklens.domain.CalibrationTask;
import com.stocklens.domain.DeclaredCause;
import com.stocklens.domain.HintKind;
import com.stocklens.domain.StockLevel;
import com.stocklens.domain.Wording;
import com.stocklens.rules.Urgency;
import com.stocklens.service.BoardRow;
import com.stocklens.service.FlagBoard;
import com.stocklens.service.FlagReader;
import com.stocklens.service.Notice;
import com.stocklens.service.NoticeKind;
import com.stocklens.service.ReportFormat;
import com.stocklens.service.TaskRow;
import com.stocklens.ui.DialogService;
import com.stocklens.ui.FakeBoards;
import com.stocklens.ui.Messages;
import com.stocklens.ui.NameMemory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The red-flag panel's state without a toolkit: fixed clock, same-thread executors, fake services. */
class FlagsViewModelTest {
    private static final Instant NOW = FakeBoards.NOW;
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Executor SAME_THREAD = Runnable::run;

    /** Answers the declare dialog by running {@code fill} on the form, then pressing OK (or Cancel). */
    private static final class ScriptedDialogs implements DialogService {
        Consumer<DeclarationFormViewModel> fill = f -> { };
        boolean ok = true;
        final List<DeclarationFormViewModel> opened = new ArrayList<>();

        @Override
        public CompletableFuture<Boolean> editDeclaration(DeclarationFormViewModel form) {
            opened.add(form);
            fill.accept(form);
            return CompletableFuture.completedFuture(ok);
        }

        Path evidenceFile;
        final List<String> suggested = new ArrayList<>();

        @Override
        public CompletableFuture<Optional<Path>> chooseSaveFile(String titleKey,
                String suggestedName, ReportFormat format) {
            throw new AssertionError("the flags screen saves no report");
        }

        @Override
        public CompletableFuture<Optional<Path>> chooseEvidenceFile(String suggestedName) {
            suggested.add(suggestedName);
            return CompletableFuture.completedFuture(Optional.ofNullable(evidenceFile));
        }
    }

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final NameMemory who = NameMemory.inMemory("zhang.san");

    private FlagsViewModel viewModel(FakeFlags flags, Executor background) {
        return new FlagsViewModel(flags, flags.triage(), flags, flags, dialogs, who, CLOCK, Duration.ofHours(2),
                background, SAME_THREAD);
    }

    private FlagsViewModel started(FlagBoard board) {
        FakeFlags flags = new FakeFlags(CLOCK, board);
        FlagsViewModel vm = viewModel(flags, SAME_THREAD);
        vm.start();
        return vm;
    }

    private static FlagBoard board(TaskRow... tasks) {
        return new FlagBoard(List.of(tasks), List.of(), NOW);
    }

    private static TaskRow mug(long id, Duration left) {
        return task(id, "MUG-" + id, "Mug", FakeBoards.SHIPBOB_CA, NOW, left, 80, 92);
    }

    // ---- countdown ------------------------------------------------------------------------------

    @Test
    void countdownReadsHoursMinutesSecondsAndGoesNegativeWhenOverdue() {
        // Deadline exactly two hours after NOW.
        FlagsViewModel vm = started(board(mug(1, Duration.ofHours(2))));
        TaskRowViewModel row = vm.tasks().get(0);
        assertThat(row.getCountdown()).isEqualTo("02:00:00");

        vm.tick(NOW.plusSeconds(1));
        assertThat(row.getCountdown()).isEqualTo("01:59:59");

        vm.tick(NOW.plus(Duration.ofHours(2)).minusSeconds(1));
        assertThat(row.getCountdown()).isEqualTo("00:00:01");
        assertThat(row.getUrgency()).isEqualTo(Urgency.CRITICAL);

        vm.tick(NOW.plus(Duration.ofHours(2)));
        assertThat(row.getCountdown()).isEqualTo("-00:00:00");
        assertThat(row.getUrgency()).isEqualTo(Urgency.OVERDUE);

        vm.tick(NOW.plus(Duration.ofHours(2)).plusSeconds(5));
        assertThat(row.getCountdown()).isEqualTo("-00:00:05");
        assertThat(row.getUrgency()).isEqualTo(Urgency.OVERDUE);
    }

    @Test
    void countdownTruncatesToWholeSecondsAndDoesNotCapHours() {
        assertThat(TaskRowViewModel.countdownText(Duration.ofMillis(1999))).isEqualTo("00:00:01");
        assertThat(TaskRowViewModel.countdownText(Duration.ofHours(26).plusMinutes(3))).isEqualTo("26:03:00");
        assertThat(TaskRowViewModel.countdownText(Duration.ofMinutes(-61))).isEqualTo("-01:01:00");
    }

    // ---- urgency --------------------------------------------------------------------------------

    @Test
    void urgencyChangesExactlyAtFiftyTwentyFiveAndTenPercentOfTheWindow() {
        FlagsViewModel vm = started(board(mug(1, Duration.ofHours(2))));
        TaskRowViewModel row = vm.tasks().get(0);
        Instant deadline = NOW.plus(Duration.ofHours(2));
        assertThat(row.window()).isEqualTo(Duration.ofHours(2));

        // [time left, expected] around each boundary: exactly at it, and one second before reaching it.
        Object[][] cases = {
                {Duration.ofMinutes(60).plusSeconds(1), Urgency.CALM},
                {Duration.ofMinutes(60), Urgency.NOTICE},
                {Duration.ofMinutes(30).plusSeconds(1), Urgency.NOTICE},
                {Duration.ofMinutes(30), Urgency.WARNING},
                {Duration.ofMinutes(12).plusSeconds(1), Urgency.WARNING},
                {Duration.ofMinutes(12), Urgency.CRITICAL},
                {Duration.ofSeconds(1), Urgency.CRITICAL},
                {Duration.ZERO, Urgency.OVERDUE},
        };
        for (Object[] c : cases) {
            vm.tick(deadline.minus((Duration) c[0]));
            assertThat(row.getUrgency()).as("%s left", c[0]).isEqualTo(c[1]);
        }
    }

    /** The rules' urgency with {@code left} to go of a {@code window}. */
    private static Urgency urgency(Duration left, Duration window) {
        return Urgency.of(NOW.minus(window), NOW, NOW.minus(left));
    }

    @Test
    void urgencyIsTakenOfTheTasksOwnWindowAndFallsBackToTheSetting() {
        assertThat(urgency(Duration.ofMinutes(30), Duration.ofHours(1))).isEqualTo(Urgency.NOTICE);
        assertThat(urgency(Duration.ofMinutes(30), Duration.ofHours(4))).isEqualTo(Urgency.WARNING);
        assertThat(urgency(Duration.ofMinutes(24), Duration.ofHours(4))).isEqualTo(Urgency.CRITICAL);
        // A task without a usable detection time (detectedAt == deadline) uses the configured 2 h.
        Instant deadline = NOW.plus(Duration.ofMinutes(30));
        TaskRow odd = new TaskRow(new CalibrationTask(9, "X", "shipbob:228", deadline, deadline,
                1, 9, CalibrationState.OPEN, null, null, List.of()), "x", FakeBoards.SHIPBOB_CA);
        TaskRowViewModel row = new TaskRowViewModel(odd, Duration.ofHours(2), NOW);
        assertThat(row.window()).isEqualTo(Duration.ofHours(2));
        assertThat(row.getUrgency()).isEqualTo(Urgency.WARNING);
    }

    @Test
    void aTaskWithoutAnyWindowIsOverdueAsTheRulesSay() {
        // Neither its own window nor the setting: the rules' answer (OVERDUE), not a calm card.
        Instant deadline = NOW.plus(Duration.ofMinutes(30));
        TaskRow odd = new TaskRow(new CalibrationTask(9, "X", "shipbob:228", deadline, deadline,
                1, 9, CalibrationState.OPEN, null, null, List.of()), "x", FakeBoards.SHIPBOB_CA);
        TaskRowViewModel row = new TaskRowViewModel(odd, Duration.ZERO, NOW);
        assertThat(row.getUrgency()).isEqualTo(Urgency.OVERDUE);
        assertThat(row.getUrgency()).isEqualTo(Urgency.of(deadline, deadline, NOW));
    }

    // ---- order, badge ---------------------------------------------------------------------------

    @Test
    void openTasksAreSortedByDeadlineAndDeclaredOnesFollow() {
        FlagBoard showcase = FakeFlags.showcase(NOW);
        FlagsViewModel vm = started(showcase);
        assertThat(vm.tasks()).extracting(TaskRowViewModel::id).containsExactly(105L, 104L, 103L, 102L, 101L, 106L);
        assertThat(vm.tasks()).extracting(TaskRowViewModel::getUrgency).containsExactly(
                Urgency.OVERDUE, Urgency.CRITICAL, Urgency.WARNING, Urgency.NOTICE, Urgency.CALM, null);
        TaskRowViewModel declared = vm.tasks().get(5);
        assertThat(declared.getCountdown()).isEmpty();
        assertThat(declared.declaration().declaredBy()).isEqualTo("li.wei");
    }

    @Test
    void theBadgeCountsWhatTheTriageListHoldsToActOnAndTakesTheWorstUrgency() {
        FlagsViewModel vm = started(FakeFlags.showcase(NOW));
        // 5 open tasks; alerts: stale, oversell, prealloc, safety stock active; slow-moving acknowledged;
        // returns-QC snoozed for another hour. Safety stock is housekeeping (the digest): not on the badge.
        assertThat(vm.openTaskCountProperty().get()).isEqualTo(5);
        assertThat(vm.attentionAlertCountProperty().get()).isEqualTo(4);
        assertThat(vm.badgeCountProperty().get()).isEqualTo(8);
        assertThat(vm.triageProperty().get().actNow()).hasSize(8);
        assertThat(vm.triageProperty().get().digest()).extracting(d -> d.kind())
                .containsExactly(AlertKind.BELOW_SAFETY_STOCK);
        assertThat(vm.worstUrgencyProperty().get()).isEqualTo(Urgency.OVERDUE);

        FlagsViewModel quiet = started(new FlagBoard(List.of(), List.of(FakeFlags.staleSource("s", "S", NOW, 1000)), NOW));
        assertThat(quiet.worstUrgencyProperty().get()).isEqualTo(Urgency.NOTICE);
        FlagsViewModel empty = started(FlagBoard.EMPTY);
        assertThat(empty.badgeCountProperty().get()).isZero();
        assertThat(empty.worstUrgencyProperty().get()).isNull();
    }

    // ---- declaring ------------------------------------------------------------------------------

    @Test
    void theFormPreselectsTheTopHintsCauseAndTheRememberedName() {
        FlagsViewModel vm = started(board(task(1, "A", "a", FakeBoards.SHIPBOB_CA, NOW, Duration.ofHours(1), 5, 9,
                hint(HintKind.RETURNS_IN_QC, 4, DeclaredCause.RETURN_AWAITING_QC),
                hint(HintKind.STALE_SIDE, 4, DeclaredCause.SYNC_MISS))));
        DeclarationFormViewModel form = vm.declarationForm(vm.tasks().get(0));
        assertThat(form.causeProperty().get()).isEqualTo(DeclaredCause.RETURN_AWAITING_QC);
        assertThat(form.whoProperty().get()).isEqualTo("zhang.san");
        assertThat(form.isValid()).isTrue();

        FlagsViewModel noHints = started(board(mug(2, Duration.ofHours(1))));
        DeclarationFormViewModel bare = noHints.declarationForm(noHints.tasks().get(0));
        assertThat(bare.causeProperty().get()).isNull();
        assertThat(bare.isValid()).isFalse();
        assertThat(bare.problemProperty().get()).isEqualTo("flags.declare.problem.cause");
    }

    @Test
    void otherNeedsANoteAndANameBeforeOkIsAllowed() {
        FakeFlags flags = new FakeFlags(CLOCK, board(mug(1, Duration.ofHours(1))));
        FlagsViewModel vm = viewModel(flags, SAME_THREAD);
        vm.start();
        DeclarationFormViewModel form = vm.declarationForm(vm.tasks().get(0));
        form.causeProperty().set(DeclaredCause.OTHER);
        assertThat(form.noteRequiredProperty().get()).isTrue();
        assertThat(form.isValid()).isFalse();
        assertThat(form.problemProperty().get()).isEqualTo("flags.declare.problem.note");
        form.noteProperty().set("   ");
        assertThat(form.isValid()).isFalse();
        assertThat(vm.submit(form)).isFalse();
        assertThat(flags.declared).isEmpty();

        form.noteProperty().set("Carrier lost a carton");
        assertThat(form.isValid()).isTrue();
        form.whoProperty().set(" ");
        assertThat(form.isValid()).isFalse();
        assertThat(form.problemProperty().get()).isEqualTo("flags.declare.problem.who");
        form.causeProperty().set(DeclaredCause.DAMAGE);
        form.whoProperty().set("wang.wu");
        assertThat(form.noteRequiredProperty().get()).isFalse();
        assertThat(form.isValid()).isTrue();
    }

    @Test
    void declaringCallsTheServiceOnceThenShowsTheDeclaredTaskAndRemembersTheName() {
        FakeFlags flags = new FakeFlags(CLOCK, board(mug(1, Duration.ofMinutes(10)), mug(2, Duration.ofMinutes(50))));
        FlagsViewModel vm = viewModel(flags, SAME_THREAD);
        vm.start();
        int readsBefore = flags.reads.get();
        dialogs.fill = f -> {
            f.causeProperty().set(DeclaredCause.OTHER);
            f.noteProperty().set("  Miscount at stock-take  ");
            f.whoProperty().set("li.wei");
        };

        vm.declare(vm.tasks().get(0));

        assertThat(flags.declared).containsExactly(
                new FakeFlags.Declared(1, DeclaredCause.OTHER, "Miscount at stock-take", "li.wei"));
        assertThat(flags.reads.get()).isEqualTo(readsBefore + 1);
        // Task 1 is declared now: it leaves the countdown and goes after the open one.
        assertThat(vm.tasks()).extracting(TaskRowViewModel::id).containsExactly(2L, 1L);
        TaskRowViewModel declared = vm.tasks().get(1);
        assertThat(declared.isDeclared()).isTrue();
        assertThat(declared.getUrgency()).as("a declared task has no countdown, so no urgency").isNull();
        assertThat(declared.declaration().declaredAt()).isEqualTo(NOW);
        assertThat(vm.openTaskCountProperty().get()).isEqualTo(1);
        assertThat(who.get()).isEqualTo("li.wei");

        // Declaring a declared task does nothing; cancel does nothing.
        vm.declare(declared);
        dialogs.ok = false;
        vm.declare(vm.tasks().get(0));
        assertThat(flags.declared).hasSize(1);
    }

    @Test
    void aRefusedDeclarationIsReportedAndTheBoardReread() {
        FakeFlags flags = new FakeFlags(CLOCK, board(mug(1, Duration.ofMinutes(10))));
        FlagsViewModel vm = viewModel(flags, SAME_THREAD);
        vm.start();
        TaskRowViewModel stale = vm.tasks().get(0);
        // Someone else declared meanwhile: the service refuses the second declaration.
        flags.declare(1, DeclaredCause.DAMAGE, null, "other.person");
        dialogs.fill = f -> f.causeProperty().set(DeclaredCause.SYNC_MISS);
        vm.declare(stale);
        assertThat(vm.actionErrorProperty().get()).contains("already");
        assertThat(vm.tasks().get(0).isDeclared()).isTrue();
        assertThat(vm.tasks().get(0).declaration().declaredBy()).isEqualTo("other.person");
    }

    // ---- alerts ---------------------------------------------------------------------------------

    @Test
    void alertsAreSortedBySeverityAcknowledgedLastAndSnoozedHidden() {
        FlagsViewModel vm = started(FakeFlags.showcase(NOW));
        assertThat(vm.alerts()).extracting(AlertRowViewModel::kind).containsExactly(
                AlertKind.STALE_SOURCE, AlertKind.OVERSELL_RISK, AlertKind.MISSING_PREALLOCATION,
                AlertKind.BELOW_SAFETY_STOCK, AlertKind.SLOW_MOVING);
        assertThat(vm.alerts().get(4).isAcknowledged()).isTrue();

        // The snooze ends an hour later: the alert comes back on the next tick.
        vm.tick(NOW.plusSeconds(3600));
        assertThat(vm.alerts()).extracting(AlertRowViewModel::kind).contains(AlertKind.RETURN_QC_OVERDUE);
        assertThat(vm.attentionAlertCountProperty().get()).isEqualTo(5);
    }

    // ---- the grouped alert list -------------------------------------------------------------------

    /** The list as text: "#KIND" for a heading ("+" when folded), the alert's SKU (or source) for a card. */
    private static List<String> lines(FlagsViewModel vm) {
        return vm.alertLines().stream().map(l -> l instanceof AlertLine.Group g
                ? "#" + g.kind() + (g.collapsed() ? "+" : "") + g.shown()
                : ((AlertRowViewModel) l).alert().sellerSku() != null ? ((AlertRowViewModel) l).alert().sellerSku()
                : ((AlertRowViewModel) l).alert().sourceId()).toList();
    }

    @Test
    void alertsAreGroupedByKindInTheTriagesOrderWithTheHousekeepingFolded() {
        FlagsViewModel vm = started(FakeFlags.showcase(NOW));
        // Orders at risk (oversell 18 units, pre-allocation 9), the stale source, then the digest's safety stock
        // folded, then slow-moving, only acknowledged, folded too. The snoozed returns-QC alert is not listed.
        assertThat(lines(vm)).containsExactly("#OVERSELL_RISK1", "BOTTLE-1L", "#MISSING_PREALLOCATION1", "MUG-001",
                "#STALE_SOURCE1", "goodcang:main", "#BELOW_SAFETY_STOCK+1", "#SLOW_MOVING+1");
        assertThat(vm.alertKinds()).containsExactly(AlertKind.OVERSELL_RISK, AlertKind.MISSING_PREALLOCATION,
                AlertKind.STALE_SOURCE, AlertKind.BELOW_SAFETY_STOCK, AlertKind.SLOW_MOVING);

        vm.toggleGroup(AlertKind.BELOW_SAFETY_STOCK);
        vm.toggleGroup(AlertKind.OVERSELL_RISK);
        assertThat(lines(vm)).containsSubsequence("#OVERSELL_RISK+1", "#BELOW_SAFETY_STOCK1", "LAMP-RGB")
                .doesNotContain("BOTTLE-1L");
    }

    @Test
    void theListFiltersByKindAndTextAndOpensOneKindForTheDigestsLink() {
        FlagsViewModel vm = started(FakeFlags.showcase(NOW));
        vm.textFilterProperty().set("bottle");
        assertThat(lines(vm)).containsExactly("#OVERSELL_RISK1", "BOTTLE-1L");
        vm.textFilterProperty().set("");

        vm.showKind(AlertKind.BELOW_SAFETY_STOCK);
        assertThat(lines(vm)).containsExactly("#BELOW_SAFETY_STOCK1", "LAMP-RGB");
        vm.showKind(null);
        assertThat(lines(vm)).contains("#OVERSELL_RISK1", "BOTTLE-1L");
    }

    @Test
    void aKindSortsByUnitsAtRiskTimesSalesOrByAge() {
        var small = alert(AlertKind.OVERSELL_RISK, "SMALL", FakeBoards.SHIPBOB_CA, NOW.minusSeconds(10), 12, 10, "2",
                AlertState.ACTIVE, null);
        var big = alert(AlertKind.OVERSELL_RISK, "BIG", FakeBoards.SHIPBOB_CA, NOW.minusSeconds(600), 50, 10, "40",
                AlertState.ACTIVE, null);
        FlagsViewModel vm = started(new FlagBoard(List.of(), List.of(small, big), NOW));
        // No demand here: the units at risk decide (40 before 2).
        assertThat(lines(vm)).containsExactly("#OVERSELL_RISK2", "BIG", "SMALL");
        assertThat(((AlertRowViewModel) vm.alertLines().get(1)).unitsAtRisk()).isEqualTo(40);
        vm.sortProperty().set(FlagsViewModel.AlertSort.NEWEST);
        assertThat(lines(vm)).containsExactly("#OVERSELL_RISK2", "SMALL", "BIG");
    }

    @Test
    void aSnapshotFileLocksEveryActionAndSaysWhy() {
        FakeFlags flags = new FakeFlags(CLOCK, FakeFlags.showcase(NOW));
        FlagsViewModel vm = viewModel(flags, SAME_THREAD);
        vm.start();
        assertThat(vm.lockedProperty().get()).isFalse();
        vm.setReadOnly(true);
        assertThat(vm.lockedProperty().get()).isTrue();
        assertThat(vm.lockedReasonKey()).isEqualTo("snapshot.readOnly.action");
        vm.declare(vm.tasks().get(0));
        vm.acknowledge(vm.alerts().get(0));
        vm.snooze(vm.alerts().get(0), Duration.ofHours(1));
        assertThat(dialogs.opened).isEmpty();
        assertThat(flags.acknowledged).isEmpty();
        assertThat(flags.snoozed).isEmpty();
    }

    // ---- the declare form and the evidence ---------------------------------------------------------

    @Test
    void theDeclareFormSaysWhatIsMissingOnlyOnceThePersonChangedSomething() {
        FlagsViewModel vm = started(board(mug(1, Duration.ofHours(1))));
        DeclarationFormViewModel form = vm.declarationForm(vm.tasks().get(0));
        // No hint, so no cause chosen yet: OK is off, but nothing has gone wrong to say so.
        assertThat(form.isValid()).isFalse();
        assertThat(form.problemProperty().get()).isEqualTo("flags.declare.problem.cause");
        assertThat(form.shownProblemProperty().get()).isNull();
        form.noteProperty().set("x");
        assertThat(form.shownProblemProperty().get()).isEqualTo("flags.declare.problem.cause");
        form.causeProperty().set(DeclaredCause.DAMAGE);
        assertThat(form.shownProblemProperty().get()).isNull();
    }

    @Test
    void theEvidenceNamesBothFiguresWithTheTimesOfTheirSnapshotsInBeijingTime(@TempDir Path dir) throws Exception {
        FakeFlags flags = new FakeFlags(CLOCK, board(task(7, "MUG-001", "Mug", FakeBoards.SHIPBOB_CA, NOW,
                Duration.ofMinutes(90), 80, 92, hint(HintKind.RETURNS_IN_QC, 4, DeclaredCause.RETURN_AWAITING_QC))));
        FlagsViewModel vm = viewModel(flags, SAME_THREAD);
        vm.start();
        BoardRow pair = new BoardRow(FakeBoards.sku("MUG-001", "Mug"), FakeBoards.SHIPBOB_CA,
                new StockLevel(80, 80, 0, 0, 0, 0, 0), 92, 0, NOW.minusSeconds(12), NOW.minusSeconds(8));
        vm.setPairs(key -> key.equals("MUG-001@shipbob:228") ? pair : null);
        Messages en = new Messages(Locale.ENGLISH);

        String text = vm.evidence(vm.tasks().get(0), en);
        // 06:29:48 UTC is 14:29:48 in Beijing.
        assertThat(text).contains("MUG-001").contains("80").contains("92").contains("+12")
                .contains("2026-03-02 14:29:48").contains("2026-03-02 14:29:52")
                .contains(en.format("flags.task.hints", new FlagTexts(en).hintList(vm.tasks().get(0).hints())))
                .contains(en.get("evidence.notDeclared"));

        dialogs.evidenceFile = dir.resolve("evidence.png");
        vm.saveEvidence(vm.tasks().get(0), en, () -> new byte[] {1, 2, 3});
        assertThat(dialogs.suggested).containsExactly("calibration-MUG-001-20260302-1430.png");
        assertThat(Files.readAllBytes(dir.resolve("evidence.png"))).containsExactly(1, 2, 3);
        assertThat(Files.readString(dir.resolve("evidence.txt"))).isEqualTo(text);
        assertThat(vm.evidenceSavedProperty().get()).isEqualTo(dir.resolve("evidence.png"));
    }

    @Test
    void theSameConditionIsOneLine() {
        var older = alert(AlertKind.OVERSELL_RISK, "MUG", FakeBoards.SHIPBOB_CA, NOW.minusSeconds(60), 5, 3, "old",
                AlertState.ACTIVE, null);
        var newer = alert(AlertKind.OVERSELL_RISK, "MUG", FakeBoards.SHIPBOB_CA, NOW, 7, 3, "new",
                AlertState.ACTIVE, null);
        FlagsViewModel vm = started(new FlagBoard(List.of(), List.of(older, newer, older), NOW));
        assertThat(vm.alerts()).hasSize(1);
        assertThat(vm.alerts().get(0).detail().english()).isEqualTo("new");
        assertThat(vm.badgeCountProperty().get()).isEqualTo(1);
    }

    @Test
    void acknowledgeAndSnoozeGoThroughTheServiceAsTheRememberedPerson() {
        FakeFlags flags = new FakeFlags(CLOCK, FakeFlags.showcase(NOW));
        FlagsViewModel vm = viewModel(flags, SAME_THREAD);
        vm.start();
        AlertRowViewModel oversell = vm.alerts().get(1);
        AlertRowViewModel prealloc = vm.alerts().get(2);

        vm.acknowledge(oversell);
        assertThat(flags.acknowledged).containsExactly(oversell.key() + "|zhang.san");
        AlertRowViewModel after = vm.alerts().stream().filter(a -> a.key().equals(oversell.key())).findFirst().orElseThrow();
        assertThat(after.isAcknowledged()).isTrue();
        assertThat(vm.attentionAlertCountProperty().get()).isEqualTo(3);

        vm.snooze(prealloc, FlagsViewModel.SNOOZE_CHOICES.get(1));
        assertThat(flags.snoozed).containsExactly(prealloc.key() + "|PT4H|zhang.san");
        assertThat(vm.alerts()).extracting(AlertRowViewModel::key).doesNotContain(prealloc.key());
        vm.tick(NOW.plus(Duration.ofHours(4)).minusSeconds(1));
        assertThat(vm.alerts()).extracting(AlertRowViewModel::key).doesNotContain(prealloc.key());
        vm.tick(NOW.plus(Duration.ofHours(4)));
        assertThat(vm.alerts()).extracting(AlertRowViewModel::key).contains(prealloc.key());
    }

    @Test
    void aPastMomentReadsItsBoardFreezesTheCountdownsAndRefusesActions() {
        Instant past = NOW.minus(Duration.ofHours(1));
        FakeFlags flags = new FakeFlags(CLOCK, FakeFlags.showcase(NOW));
        // At the past moment one task was open with 30 minutes left (deadline = past + 30 min).
        flags.setPast(at -> new FlagBoard(List.of(task(42, "MUG-42", "Mug", FakeBoards.SHIPBOB_CA, past,
                Duration.ofMinutes(30), 80, 92)), FakeFlags.showcase(NOW).alerts(), null, at, Set.of()));
        FlagsViewModel vm = viewModel(flags, SAME_THREAD);
        vm.start();

        vm.showMoment(past);
        assertThat(vm.pastProperty().get()).isTrue();
        assertThat(vm.tasks()).extracting(TaskRowViewModel::id).containsExactly(42L);
        TaskRowViewModel t = vm.tasks().get(0);
        assertThat(t.getCountdown()).isEqualTo("00:30:00");
        vm.tick(NOW.plusSeconds(5));
        assertThat(t.getCountdown()).as("the past does not count down").isEqualTo("00:30:00");

        vm.acknowledge(vm.alerts().get(0));
        vm.snooze(vm.alerts().get(0), FlagsViewModel.SNOOZE_CHOICES.get(0));
        vm.declare(t);
        assertThat(vm.submit(vm.declarationForm(t))).isFalse();
        assertThat(flags.acknowledged).isEmpty();
        assertThat(flags.snoozed).isEmpty();
        assertThat(flags.declared).isEmpty();

        vm.showMoment(null);
        assertThat(vm.pastProperty().get()).isFalse();
        assertThat(vm.tasks()).extracting(TaskRowViewModel::id).doesNotContain(42L);
    }

    // ---- threading ------------------------------------------------------------------------------

    @Test
    void aBurstOfEventsIsOneReadAndOneApply() {
        FakeFlags flags = new FakeFlags(CLOCK, FakeFlags.showcase(NOW));
        Queue<Runnable> queued = new ArrayDeque<>();
        FlagsViewModel vm = viewModel(flags, queued::add);
        vm.start();
        flags.fire();
        flags.fire();
        flags.fire();
        assertThat(queued).hasSize(1);
        assertThat(flags.reads.get()).isZero();
        queued.poll().run();
        assertThat(flags.reads.get()).isEqualTo(1);
        assertThat(vm.appliedBoardsProperty().get()).isEqualTo(1);
        // An event after the read started queues exactly one more.
        flags.fire();
        flags.fire();
        assertThat(queued).hasSize(1);
        vm.close();
        assertThat(flags.subscribers()).isZero();
        queued.poll().run();
        assertThat(vm.appliedBoardsProperty().get()).isEqualTo(1);
    }

    @Test
    void aFailedReadIsReportedAndTheNextGoodOneClearsIt() {
        FakeFlags flags = new FakeFlags(CLOCK, FlagBoard.EMPTY);
        boolean[] fail = {true};
        FlagReader reader = () -> {
            if (fail[0]) {
                throw new IllegalStateException("database is locked");
            }
            return FakeFlags.showcase(NOW);
        };
        FlagsViewModel vm = new FlagsViewModel(reader, flags.triage(), flags, flags, dialogs, who, CLOCK,
                Duration.ofHours(2), SAME_THREAD, SAME_THREAD);
        vm.start();
        assertThat(vm.loadErrorProperty().get()).isEqualTo("database is locked");
        fail[0] = false;
        vm.refresh();
        assertThat(vm.loadErrorProperty().get()).isNull();
        assertThat(vm.tasks()).hasSize(6);
    }

    @Test
    void aStaleSourcesToastAndItsWorkingReadInTheWindowsLanguage() {
        Wording stale = Wording.of("stale.age", "ShipBob", Duration.ofSeconds(21_097), Duration.ofMinutes(15));
        Notice n = new Notice(NOW, NoticeKind.ALERT_RAISED, null, null, null, AlertKind.STALE_SOURCE, null, null,
                stale.encode());
        Messages zh = new Messages(Locale.SIMPLIFIED_CHINESE);

        assertThat(new FlagTexts(zh).notice(n)).contains("ShipBob：上次完整同步在 5 小时 51 分钟 前")
                .doesNotContain("snapshot").doesNotContain("§");
        assertThat(new FlagTexts(new Messages(Locale.ENGLISH)).notice(n))
                .contains("ShipBob: last complete snapshot 5 h 51 min ago, window 15 min");
    }
}

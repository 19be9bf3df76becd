package com.stocklens.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

/** {@link BackgroundRefresh} and {@link BackgroundAction} without a toolkit: queued executors run by hand. */
class BackgroundWorkTest {
    private static final Instant PAST = Instant.parse("2026-03-01T02:00:00Z");

    /** Runs what it was given only when told to, so a test decides the order. */
    private static final class Queued implements Executor {
        final Queue<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void runAll() {
            while (!tasks.isEmpty()) {
                tasks.poll().run();
            }
        }
    }

    private static final Executor SHUT_DOWN = task -> {
        throw new RejectedExecutionException("shut down");
    };

    private final Queued background = new Queued();
    private final Queued ui = new Queued();
    private final List<String> shown = new ArrayList<>();

    @Test
    void anAnswerReadForAMomentNoLongerChosenIsDropped() {
        BackgroundRefresh<String> refresh = BackgroundRefresh.atMoments("the board",
                at -> at == null ? "now" : "past", shown::add, shown::add, background, ui);
        refresh.showMoment(PAST);
        background.runAll(); // read for the past
        refresh.showMoment(null); // the person went back to now before the answer arrived
        ui.runAll();
        assertThat(shown).isEmpty();
        background.runAll();
        ui.runAll();
        assertThat(shown).containsExactly("now");
        assertThat(refresh.moment()).isNull();
    }

    @Test
    void aReadUnderWayWhenTheScreenShowsItsOwnChangeIsDropped() {
        String[] stored = {"old"};
        BackgroundRefresh<String> refresh = new BackgroundRefresh<>("the board", () -> stored[0], shown::add,
                shown::add, background, ui);
        refresh.request();
        background.runAll(); // read "old"
        refresh.discardReadsUnderWay(); // the screen shows an edit the read predates
        stored[0] = "new";
        ui.runAll();
        assertThat(shown).isEmpty();
        refresh.request();
        background.runAll();
        ui.runAll();
        assertThat(shown).containsExactly("new");
    }

    @Test
    void requestsFoldIntoTheQueuedReadAndSayWhenNothingWillBeRead() {
        int[] reads = {0};
        BackgroundRefresh<Integer> refresh = new BackgroundRefresh<>("the board", () -> ++reads[0], n -> { },
                e -> { }, background, ui);
        assertThat(refresh.request()).isTrue();
        assertThat(refresh.request()).as("folds into the queued read").isTrue();
        background.runAll();
        assertThat(reads[0]).isEqualTo(1);
        assertThat(new BackgroundRefresh<>("x", () -> 1, n -> { }, e -> { }, SHUT_DOWN, ui).request()).isFalse();
        refresh.close();
        assertThat(refresh.request()).isFalse();
    }

    @Test
    void anActionHandsItsResultOrItsFailureInWordsToTheUiInOneHop() {
        BackgroundAction action = new BackgroundAction("a test step", background, ui);
        assertThat(action.run(() -> "saved", shown::add, shown::add)).isTrue();
        assertThat(action.run(() -> {
            throw new IOException("disk full");
        }, () -> shown.add("done"), shown::add)).isTrue();
        assertThat(action.run(() -> {
            throw new IllegalStateException();
        }, () -> shown.add("done"), shown::add)).isTrue();
        background.runAll();
        assertThat(shown).as("nothing reaches the screen before the UI executor runs").isEmpty();
        ui.runAll();
        assertThat(shown).containsExactly("saved", "disk full", "IllegalStateException");
    }

    @Test
    void anActionReportsProgressOnTheUiAndNothingAfterClose() {
        BackgroundAction action = new BackgroundAction("a move", background, ui);
        action.run(() -> {
            action.<String>onUi(shown::add).accept("half way");
            return "moved";
        }, shown::add, shown::add);
        background.runAll();
        ui.runAll();
        assertThat(shown).containsExactly("half way", "moved");

        action.run(() -> "late", shown::add, shown::add);
        background.runAll();
        action.close();
        ui.runAll();
        assertThat(shown).containsExactly("half way", "moved");
        assertThat(action.run(() -> "refused", shown::add, shown::add)).isFalse();
        assertThat(new BackgroundAction("x", SHUT_DOWN, ui).run(() -> 1, n -> { }, e -> { })).isFalse();
    }
}

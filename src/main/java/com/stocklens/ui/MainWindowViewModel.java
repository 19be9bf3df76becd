package com.stocklens.ui;

import com.stocklens.domain.Alert;
import com.stocklens.domain.AlertKind;
import com.stocklens.domain.BeijingTime;
import com.stocklens.rules.Urgency;
import com.stocklens.service.Notice;
import com.stocklens.ui.flags.FlagTexts;
import com.stocklens.ui.flags.FlagsViewModel;
import com.stocklens.ui.history.AsOfBoardReader;
import com.stocklens.ui.history.AsOfClock;
import com.stocklens.ui.history.CompareViewModel;
import com.stocklens.ui.history.TimeTravelViewModel;
import com.stocklens.ui.notices.NotificationCenterViewModel;
import com.stocklens.ui.stock.OfflineStatus;
import com.stocklens.ui.stock.StockRowViewModel;
import com.stocklens.ui.stock.StockViewModel;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the window shell decides, free of any toolkit: which screen is on show (the stock board first,
 * the triage list instead when the first judged flags hold something to act on and the person has not
 * picked a screen), the sidebar badge, the banner (DEMO, or whose snapshot from when), the line over a
 * screen showing a past moment and the notice covering one that cannot, the offline line, the title,
 * where a notification leads. Owns the view models the shell itself reads and that live as long as the
 * window: the time bar, the stock board, the red flags and the notification centre.
 */
public final class MainWindowViewModel implements AutoCloseable {
    /** The line across the top of the window under the menu. */
    public enum BannerKind {
        /** Running against the built-in sandbox. */
        DEMO,
        /** A read-only snapshot file: whose data and from when. */
        SNAPSHOT
    }

    /** What the banner says, or no banner (null). */
    public record Banner(BannerKind kind, String text) {
    }

    private final UiContext context;
    private final Messages messages;
    private final TimeTravelViewModel timeTravel;
    private final Clock asOfClock;
    private final StockViewModel stock;
    private final FlagsViewModel flags;
    private final NotificationCenterViewModel notifications;
    private final Executor ui;
    private final ReadOnlyObjectWrapper<Screen> screen = new ReadOnlyObjectWrapper<>(this, "screen", Screen.STOCK);
    /** Once the person picks a screen, the window never switches on its own. */
    private boolean screenChosenByUser;
    /** The first judged flags decided the first screen; after that the window never switches on its own. */
    private boolean firstScreenDecided;
    private final ReadOnlyObjectWrapper<Banner> banner = new ReadOnlyObjectWrapper<>(this, "banner");
    private final ReadOnlyBooleanWrapper readOnly = new ReadOnlyBooleanWrapper(this, "readOnly");
    private final ReadOnlyObjectWrapper<Instant> snapshotAt = new ReadOnlyObjectWrapper<>(this, "snapshotAt");
    private Instant snapshotFrom;
    private final ReadOnlyStringWrapper pastNote = new ReadOnlyStringWrapper(this, "pastNote");
    private final ReadOnlyStringWrapper pastNotice = new ReadOnlyStringWrapper(this, "pastNotice");
    private final ReadOnlyStringWrapper offline = new ReadOnlyStringWrapper(this, "offline");

    /**
     * @param dialogs the window's questions (the red flags' declare form)
     * @param ui      runs on the FX thread
     */
    public MainWindowViewModel(UiContext context, Messages messages, DialogService dialogs, Executor ui) {
        this.context = Objects.requireNonNull(context, "context");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.ui = Objects.requireNonNull(ui, "ui");
        UiContext.Shell shell = context.shell();
        UiContext.Stock board = context.stock();
        this.timeTravel = new TimeTravelViewModel(board.board().history(), board.syncEvents(), shell.clock(),
                shell.background(), ui);
        // The stock screen reads through the time bar: now, or the board as of the chosen moment, with ages
        // measured from that moment.
        this.asOfClock = new AsOfClock(shell.clock(), timeTravel::asOfNow);
        this.stock = new StockViewModel(new AsOfBoardReader(board.board(), timeTravel::asOfNow), board.returnsPool(),
                board.syncEvents(), asOfClock, board.stalenessWindow(), shell.background(), ui)
                .withPollers(board.pollers()).withProgress(board.progress());
        this.flags = FlagsViewModel.of(context, dialogs, ui);
        // A task's evidence names the times of both sides' snapshots: the stock board's line of its pair.
        flags.setPairs(key -> stock.allRows().stream()
                .filter(r -> (r.sellerSku() + "@" + r.warehouse().id()).equals(key))
                .map(StockRowViewModel::row).findFirst().orElse(null));
        this.notifications = new NotificationCenterViewModel(context.flags().notices(), context.flags().preferences(),
                new NotificationCenterViewModel.Opener() {
                    @Override
                    public void open(Notice notice) {
                        openNotice(notice);
                    }

                    @Override
                    public void openAll() {
                        choose(Screen.TRIAGE);
                    }
                }, shell.clock(), NotificationCenterViewModel.POPUP_LIFETIME, shell.background(), ui);
        banner.set(shell.demo() ? new Banner(BannerKind.DEMO, messages.get("demo.banner")) : null);

        // What to do first: when the first judged flags hold something to act on, the triage list is what to see.
        flags.appliedBoardsProperty().addListener((obs, o, n) -> decideFirstScreen());
        timeTravel.asOfProperty().addListener(o -> updatePast());
        // The red flags follow the chosen moment for the triage list and the red-flag screen alike.
        timeTravel.asOfProperty().addListener((obs, o, at) -> flags.showMoment(at));
        screen.addListener(o -> updatePast());
        flags.notRecordedProperty().addListener(o -> updatePast());
        stock.offlineProperty().addListener(o -> updateOffline());
        updateOffline();
    }

    /** Loads the boards and subscribes; the first flags read may bring the red flags to the front. */
    public void start() {
        stock.start();
        timeTravel.start();
        flags.start();
        notifications.start();
    }

    /**
     * The first board the rules have judged (a fresh workspace's first reads come before any evaluation)
     * decides: the triage list when it holds something to act on, else the stock board stays. Never once
     * the person has picked a screen, and only once.
     */
    private void decideFirstScreen() {
        if (firstScreenDecided || screenChosenByUser) {
            return;
        }
        boolean judged = flags.evaluatedAtProperty().get() != null || flags.pastProperty().get();
        boolean act = !flags.triageProperty().get().actNow().isEmpty();
        if (!judged && !act) {
            return;
        }
        firstScreenDecided = true;
        if (act) {
            screen.set(Screen.TRIAGE);
        }
    }

    // ---- the screen on show ---------------------------------------------------------------------------

    public ReadOnlyObjectProperty<Screen> screenProperty() {
        return screen.getReadOnlyProperty();
    }

    public Screen screen() {
        return screen.get();
    }

    /** The person picks {@code target} (sidebar, menu, shortcut, {@code --screen}): the window stays there. */
    public void choose(Screen target) {
        screenChosenByUser = true;
        screen.set(Objects.requireNonNull(target, "target"));
    }

    /** The stock screen filtered to {@code filter} (a seller SKU clicked on another screen); blank: unfiltered. */
    public void showStock(String filter) {
        stock.filterTextProperty().set(filter == null ? "" : filter.strip());
        choose(Screen.STOCK);
    }

    /**
     * A notification (or a line of the bell) was opened: a task's card on the red flags; an alert in its kind's
     * list there (a burst of one kind: that kind's list); a failed team push: the triage list.
     */
    public void openNotice(Notice notice) {
        if (notice.taskId() != null) {
            choose(Screen.FLAGS);
            flags.focusTask(notice.taskId());
        } else if (notice.alertKind() != null) {
            choose(Screen.FLAGS);
            if (notice.sellerSku() != null && notice.warehouseId() != null) {
                flags.focusAlert(Alert.keyOf(notice.alertKind(), notice.sellerSku() + "@" + notice.warehouseId()));
            } else {
                flags.showKind(notice.alertKind());
            }
        } else {
            choose(Screen.TRIAGE);
        }
    }

    // ---- what the shell shows -------------------------------------------------------------------------

    /** The window's title. */
    public String title() {
        return messages.get("app.title");
    }

    /** What the triage list holds to act on now: the number on its sidebar entry (0: none shown). */
    public ReadOnlyIntegerProperty badgeCountProperty() {
        return flags.badgeCountProperty();
    }

    /** The most urgent open task's urgency, the badge's colour; null when nothing is open. */
    public ReadOnlyObjectProperty<Urgency> badgeUrgencyProperty() {
        return flags.worstUrgencyProperty();
    }

    /** The banner under the menu, null for none. */
    public ReadOnlyObjectProperty<Banner> bannerProperty() {
        return banner.getReadOnlyProperty();
    }

    /** True for a snapshot file: the menu items that would write are off. */
    public ReadOnlyBooleanProperty readOnlyProperty() {
        return readOnly.getReadOnlyProperty();
    }

    /**
     * A read-only snapshot file: the banner says whose data and from when (Beijing time) instead of DEMO,
     * and the window offers nothing that writes.
     */
    public void showSnapshot(String whose, Instant at) {
        showSnapshot(whose, at, null);
    }

    /** A read-only snapshot file holding the range [{@code from}, {@code at}] ({@code from} null: one moment). */
    public void showSnapshot(String whose, Instant at, Instant from) {
        banner.set(new Banner(BannerKind.SNAPSHOT, messages.format("snapshot.banner", whose, Formats.beijingTime(at))));
        snapshotFrom = from;
        snapshotAt.set(at);
        readOnly.set(true);
        flags.setReadOnly(true);
    }

    /** The Beijing days a snapshot file holds (the first and the last), or null for a live or demo workspace. */
    public LocalDate[] snapshotDays() {
        Instant at = snapshotAt.get();
        if (at == null) {
            return null;
        }
        Instant first = snapshotFrom != null ? snapshotFrom : at;
        return new LocalDate[] {first.atZone(BeijingTime.ZONE).toLocalDate(),
                at.atZone(BeijingTime.ZONE).toLocalDate()};
    }

    /** The moment of the snapshot file shown (its "now"), null for a live or demo workspace. */
    public ReadOnlyObjectProperty<Instant> snapshotAtProperty() {
        return snapshotAt.getReadOnlyProperty();
    }

    /** Why an action is off in a snapshot file, for its tooltip. */
    public String readOnlyReason() {
        return messages.get(READ_ONLY_KEY);
    }

    /** The key of the tooltip of every action a snapshot file turns off. */
    public static final String READ_ONLY_KEY = "snapshot.readOnly.action";

    /** "Offline — showing cached data from …" when every polled source failed its latest attempt, else null. */
    public ReadOnlyStringProperty offlineProperty() {
        return offline.getReadOnlyProperty();
    }

    private void updateOffline() {
        OfflineStatus.Verdict v = stock.offlineProperty().get();
        offline.set(v == null || !v.offline() ? null : v.cachedAt() == null ? messages.get("offline.noCache")
                : messages.format("offline.banner", Formats.beijingTime(v.cachedAt())));
    }

    /**
     * Under a past moment, over a screen that shows it: what it shows of that moment and what is not
     * recorded (the red flags list the alert kinds without history); null otherwise.
     */
    public ReadOnlyStringProperty pastNoteProperty() {
        return pastNote.getReadOnlyProperty();
    }

    /** Under a past moment, covering a screen that cannot show it: why not; null otherwise. */
    public ReadOnlyStringProperty pastNoticeProperty() {
        return pastNotice.getReadOnlyProperty();
    }

    private void updatePast() {
        Instant at = timeTravel.asOfProperty().get();
        Screen.Past past = screen.get().past();
        String when = at == null ? null : Formats.beijingTime(at);
        pastNotice.set(at == null || past.nowOnlyKey() == null ? null : messages.format(past.nowOnlyKey(), when));
        String note = at == null || past.noteKey() == null ? null : messages.format(past.noteKey(), when);
        Set<AlertKind> missing = flags.notRecordedProperty().get();
        if (note != null && screen.get() == Screen.FLAGS && !missing.isEmpty()) {
            FlagTexts texts = new FlagTexts(messages);
            note += " " + messages.format("history.past.notRecorded",
                    String.join(", ", missing.stream().sorted().map(texts::alertKind).toList()));
        }
        pastNote.set(note);
    }

    /**
     * View → Compare moments… (Ctrl+D): from the moment shown (or the one before the latest) to now.
     */
    public CompareViewModel compare() {
        CompareViewModel vm = new CompareViewModel(context.stock().board().history(), context.shell().clock(),
                context.shell().background(), ui);
        List<Instant> moments = moments();
        Instant shown = timeTravel.asOfProperty().get();
        vm.fromProperty().set(shown != null ? shown
                : moments.isEmpty() ? null : moments.get(Math.max(0, moments.size() - 2)));
        vm.toProperty().set(null);
        return vm;
    }

    /** The cached moments, oldest first. */
    public List<Instant> moments() {
        return List.copyOf(timeTravel.moments());
    }

    // ---- the view models the shell shares ---------------------------------------------------------------

    /** The "as of" control: which moment the window shows. */
    public TimeTravelViewModel timeTravel() {
        return timeTravel;
    }

    /** A clock standing still at the moment shown (the real one for now): ages on a past board. */
    public Clock asOfClock() {
        return asOfClock;
    }

    /** The stock board, which also feeds the freshness bar and the offline line. */
    public StockViewModel stock() {
        return stock;
    }

    /** The red flags, which also feed the badge and the first-screen choice. */
    public FlagsViewModel flags() {
        return flags;
    }

    /** The bell and the one notification on screen. */
    public NotificationCenterViewModel notifications() {
        return notifications;
    }

    /** Stops the time bar, the boards and the notification centre (unsubscribes from their events). */
    @Override
    public void close() {
        timeTravel.close();
        stock.close();
        flags.close();
        notifications.close();
    }
}

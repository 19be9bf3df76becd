package com.stocklens.ui.wall;

import com.stocklens.service.ReportFormat;
import com.stocklens.service.TriageItem;
import com.stocklens.service.TriageList;
import com.stocklens.ui.DialogService;
import com.stocklens.ui.Formats;
import com.stocklens.ui.Messages;
import com.stocklens.ui.UiContext;
import com.stocklens.ui.flags.AlertRowViewModel;
import com.stocklens.ui.flags.DeclarationFormViewModel;
import com.stocklens.ui.flags.FlagsViewModel;
import com.stocklens.ui.flags.TaskRowViewModel;
import com.stocklens.ui.notices.NotificationCenterViewModel;
import com.stocklens.ui.stock.FreshnessChipViewModel;
import com.stocklens.ui.stock.OfflineStatus;
import com.stocklens.ui.stock.StockTotal;
import com.stocklens.ui.stock.StockViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/**
 * Wall mode, free of any toolkit: the triage list (open calibration tasks with their ticking countdowns,
 * then the orders at risk, then the stale sources — the desk's order and count), the stock totals per
 * bucket and the sources with their ages, shown one page at a time and rotated every {@link #rotateEvery()}.
 * Reads through the same view models as the window's screens, so the figures, the staleness and the
 * counts are the desk's; nothing here can open a dialog (the declaration dialog is not reachable from the
 * wall, and notifications go to a strip that never waits for a click).
 *
 * <p>Time comes only from {@link #tick(Instant)}, once a second from the view's timer (or a test), which
 * advances the countdowns, ages, notice strip and page rotation together.
 */
public final class WallViewModel implements AutoCloseable {
    /** The default page interval. */
    public static final Duration DEFAULT_ROTATE = Duration.ofSeconds(20);
    /** How long a notice stays in the strip. */
    public static final Duration NOTICE_LIFETIME = Duration.ofSeconds(60);

    /** The pages, in rotation order. */
    public enum Page {
        FLAGS, STOCK, SOURCES
    }

    private final StockViewModel stock;
    private final FlagsViewModel flags;
    private final NotificationCenterViewModel notifications;
    private final Duration rotateEvery;
    private final boolean demo;
    private final ReadOnlyObjectWrapper<Page> page = new ReadOnlyObjectWrapper<>(this, "page", Page.FLAGS);
    private final ReadOnlyIntegerWrapper pageIndex = new ReadOnlyIntegerWrapper(this, "pageIndex", 0);
    private final ReadOnlyObjectWrapper<Instant> now = new ReadOnlyObjectWrapper<>(this, "now");
    private final SortedList<TaskRowViewModel> openTasks;
    private final ObservableList<TriageItem> actNow = FXCollections.observableArrayList();
    private final InvalidationListener onTriage;
    private Instant shownSince;

    /**
     * @param stock       the stock board (totals, freshness chips, offline verdict); started and closed here
     * @param flags       the red flags; started and closed here
     * @param notifications the notification centre; its notification goes to the strip; started and closed here
     * @param rotateEvery how long each page stays before the next comes up by itself
     * @param demo        running against the built-in sandbox: the wall says DEMO
     */
    public WallViewModel(StockViewModel stock, FlagsViewModel flags, NotificationCenterViewModel notifications,
                         Duration rotateEvery, Instant start, boolean demo) {
        this.stock = Objects.requireNonNull(stock, "stock");
        this.flags = Objects.requireNonNull(flags, "flags");
        this.notifications = Objects.requireNonNull(notifications, "notifications");
        this.demo = demo;
        Objects.requireNonNull(rotateEvery, "rotateEvery");
        if (rotateEvery.isNegative() || rotateEvery.isZero()) {
            throw new IllegalArgumentException("rotateEvery must be positive: " + rotateEvery);
        }
        this.rotateEvery = rotateEvery;
        this.shownSince = Objects.requireNonNull(start, "start");
        now.set(start);
        // Declared tasks no longer count down: the wall shows only what still needs someone, soonest first.
        this.openTasks = new SortedList<>(new FilteredList<>(flags.tasks(), t -> !t.isDeclared()),
                Comparator.comparing(TaskRowViewModel::deadline).thenComparingLong(TaskRowViewModel::id));
        this.onTriage = o -> {
            TriageList list = flags.triageProperty().get();
            actNow.setAll(list == null ? List.of() : list.actNow());
        };
        flags.triageProperty().addListener(onTriage);
        onTriage.invalidated(null);
    }

    /** The wall for the window's services: same reads as the screens, and a dialog service that refuses. */
    public static WallViewModel create(UiContext context, Duration rotateEvery, Executor ui) {
        UiContext.Stock board = context.stock();
        Clock clock = context.shell().clock();
        StockViewModel stock = new StockViewModel(board.board(), board.returnsPool(), board.syncEvents(), clock,
                board.stalenessWindow(), context.shell().background(), ui);
        NotificationCenterViewModel notifications = new NotificationCenterViewModel(context.flags().notices(),
                context.flags().preferences(), NotificationCenterViewModel.Opener.NOWHERE, clock, NOTICE_LIFETIME,
                context.shell().background(), ui);
        return new WallViewModel(stock, FlagsViewModel.of(context, NO_DIALOGS, ui), notifications, rotateEvery,
                clock.instant(), context.shell().demo());
    }

    /** Subscribes and loads the first boards. */
    public void start() {
        stock.start();
        flags.start();
        notifications.start();
    }

    @Override
    public void close() {
        flags.triageProperty().removeListener(onTriage);
        stock.close();
        flags.close();
        notifications.close();
    }

    // ---- time and pages -------------------------------------------------------------------------

    /** Advances countdowns, ages and the notice strip to {@code instant}; flips the page when its time is up. */
    public void tick(Instant instant) {
        now.set(instant);
        stock.tick(instant);
        flags.tick(instant);
        notifications.tick(instant);
        if (!instant.isBefore(shownSince.plus(rotateEvery))) {
            show((pageIndex.get() + 1) % Page.values().length, instant);
        }
    }

    /** The next page now (Right arrow); the interval starts again. */
    public void next() {
        show((pageIndex.get() + 1) % Page.values().length, now.get());
    }

    /** The previous page now (Left arrow); the interval starts again. */
    public void previous() {
        int n = Page.values().length;
        show((pageIndex.get() + n - 1) % n, now.get());
    }

    /** Shows {@code target} now; the interval starts again. */
    public void show(Page target) {
        show(target.ordinal(), now.get());
    }

    private void show(int index, Instant at) {
        shownSince = at;
        pageIndex.set(index);
        page.set(Page.values()[index]);
    }

    public ReadOnlyObjectProperty<Page> pageProperty() {
        return page.getReadOnlyProperty();
    }

    public Page getPage() {
        return page.get();
    }

    /** 0-based position of the page, for the indicator. */
    public ReadOnlyIntegerProperty pageIndexProperty() {
        return pageIndex.getReadOnlyProperty();
    }

    public int pageCount() {
        return Page.values().length;
    }

    /** "2 / 3": where the rotation is. */
    public String pageIndicator() {
        return (pageIndex.get() + 1) + " / " + pageCount();
    }

    public Duration rotateEvery() {
        return rotateEvery;
    }

    /** The time of the latest tick. */
    public ReadOnlyObjectProperty<Instant> nowProperty() {
        return now.getReadOnlyProperty();
    }

    // ---- content --------------------------------------------------------------------------------

    /** What the desk's triage list holds to act on now, in its order: what the wall's first page shows. */
    public ObservableList<TriageItem> actNow() {
        return actNow;
    }

    /** The countdown of a calibration line of {@link #actNow()}, if its task is listed. */
    public Optional<TaskRowViewModel> task(TriageItem item) {
        return item.taskId() == null ? Optional.empty() : flags.task(item.taskId());
    }

    /** Running against the built-in sandbox. */
    public boolean demo() {
        return demo;
    }

    /** Open calibration tasks, nearest deadline (most urgent) first; each row's countdown ticks with {@link #tick}. */
    public ObservableList<TaskRowViewModel> openTasks() {
        return openTasks;
    }

    /** The listed alerts (active, acknowledged, snoozed) as the red-flag screen has them, most severe first. */
    public ObservableList<AlertRowViewModel> alerts() {
        return flags.alerts();
    }

    /** Alerts that still need a look (active, not snoozed). */
    public ReadOnlyIntegerProperty attentionAlertCountProperty() {
        return flags.attentionAlertCountProperty();
    }

    /** Bucket keys of the total tiles, in display order (the seven buckets, then TikTok available). */
    public List<String> totalKeys() {
        return stock.totalKeys();
    }

    public StockTotal total(String key) {
        return stock.total(key);
    }

    /** A total as the wall shows it: grouped digits, or "—" when no warehouse reports it (never 0). */
    public static String totalText(Long sum, Messages messages) {
        return Formats.quantity(sum, messages);
    }

    /** The sources and their warehouses with their ages, stale ones first. */
    public ObservableList<FreshnessChipViewModel> sources() {
        return stock.chips();
    }

    /**
     * Sources (and warehouses) past the staleness window right now, as the desk's freshness bar counts them:
     * an uploaded file older than the window is stale too (it is what raises the stale-source flag).
     */
    public long staleCount() {
        return stock.chips().stream().filter(FreshnessChipViewModel::isStale).count();
    }

    /** Every polled source failed its latest attempt: the wall shows cached figures. */
    public ReadOnlyObjectProperty<OfflineStatus.Verdict> offlineProperty() {
        return stock.offlineProperty();
    }

    /**
     * The newest notification (one per evaluation at most), in the strip for {@link #NOTICE_LIFETIME}; null
     * when none.
     */
    public ReadOnlyObjectProperty<NotificationCenterViewModel.Popup> noticeProperty() {
        return notifications.popupProperty();
    }

    /** How many times each board has been applied (lets tests tell "not loaded" from "empty"). */
    public ReadOnlyIntegerProperty appliedStockProperty() {
        return stock.appliedSnapshotsProperty();
    }

    public ReadOnlyIntegerProperty appliedFlagsProperty() {
        return flags.appliedBoardsProperty();
    }

    /** The wall never opens a dialog: every request is answered "cancelled" at once. */
    static final DialogService NO_DIALOGS = new DialogService() {
        @Override
        public CompletionStage<Boolean> editDeclaration(DeclarationFormViewModel form) {
            return CompletableFuture.completedFuture(false);
        }

        @Override
        public CompletionStage<Optional<Path>> chooseSaveFile(String titleKey, String suggestedName,
                                                             ReportFormat format) {
            return CompletableFuture.completedFuture(Optional.empty());
        }

        @Override
        public CompletionStage<Boolean> confirm(String titleKey, String messageKey, Object... args) {
            return CompletableFuture.completedFuture(false);
        }
    };
}

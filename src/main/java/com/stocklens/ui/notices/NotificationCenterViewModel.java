package com.stocklens.ui.notices;

import com.stocklens.domain.AlertKind;
import com.stocklens.service.Notice;
import com.stocklens.service.NoticePreferences;
import com.stocklens.service.NoticeSettings;
import com.stocklens.service.Notices;
import com.stocklens.ui.BackgroundAction;
import com.stocklens.ui.BackgroundRefresh;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The notification centre, free of any toolkit: the bell's history and unread count, and the one
 * notification on screen.
 *
 * <ul>
 *   <li>The notices of one occasion (one rule evaluation, one deadline check) arrive together and become at
 *       most ONE notification, summing up those of them whose topic pops up ({@link NoticeSettings}: by default
 *       only new calibration tasks and new oversell). A later one replaces it; nothing stacks.</li>
 *   <li>The same thing told again within {@link #REPEAT_QUIET} (the same kind about the same SKU ×
 *       warehouse: a gap that closes and opens again between two syncs reopens its task) does not pop up
 *       or count again.</li>
 *   <li>Every notice goes to the history (newest first, at most {@link #HISTORY_CAP}); the unread count
 *       counts those that would pop up, until the bell is opened.</li>
 *   <li>The notification goes by itself after its lifetime ({@link #tick}); closing it does nothing else;
 *       opening it (a click on its body) opens what it is about: the one task or alert, or the triage list
 *       when it sums up several.</li>
 * </ul>
 * Everything but the subscription and saving the settings happens on the UI thread.
 */
public final class NotificationCenterViewModel implements AutoCloseable {
    /** A session's history: more than a day of busy evaluations, little memory. */
    public static final int HISTORY_CAP = 200;
    /** Long enough to read two lines; the bell keeps it afterwards. */
    public static final Duration POPUP_LIFETIME = Duration.ofSeconds(8);
    /** The same thing is told once an hour at most: a flapping gap must not make a notification each sync. */
    public static final Duration REPEAT_QUIET = Duration.ofHours(1);
    /** The things told recently at most (oldest forgotten first): bounded like the history. */
    private static final int TOLD_CAP = 2000;

    /** Where opening a notification leads (the window's navigation). */
    public interface Opener {
        /** Opens what {@code notice} is about. */
        void open(Notice notice);

        /** Opens the triage list (a notification summing up several things). */
        void openAll();

        /** Leads nowhere (the wall has no window to open things in). */
        Opener NOWHERE = new Opener() {
            @Override
            public void open(Notice notice) {
            }

            @Override
            public void openAll() {
            }
        };
    }

    /**
     * The notification on screen.
     *
     * @param notices what it sums up (those of its occasion that pop up), never empty
     * @param shownAt when it came up
     */
    public record Popup(List<Notice> notices, Instant shownAt) {
        public Popup {
            notices = List.copyOf(notices);
        }

        /** The one notice it is about, or null when it sums up several. */
        public Notice single() {
            return notices.size() == 1 && count(notices.get(0)) == 1 ? notices.get(0) : null;
        }
    }

    /**
     * One line of the bell's history.
     *
     * @param counted of a topic that pops up: it counted as unread
     */
    public record Entry(long seq, Notice notice, boolean counted) {
    }

    private final Notices notices;
    private final NoticePreferences preferences;
    private final Opener opener;
    private final Clock clock;
    private final Duration lifetime;
    private final Executor ui;
    private final BackgroundAction saving;
    private final ObservableList<Entry> history = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper unread = new ReadOnlyIntegerWrapper(this, "unread");
    private final ReadOnlyObjectWrapper<Popup> popup = new ReadOnlyObjectWrapper<>(this, "popup");
    private final ReadOnlyObjectWrapper<NoticeSettings> settings =
            new ReadOnlyObjectWrapper<>(this, "settings", NoticeSettings.DEFAULT);
    private final ReadOnlyIntegerWrapper popupsShown = new ReadOnlyIntegerWrapper(this, "popupsShown");
    private long seq;
    /** What was told when: topic + SKU × warehouse (or the burst's kind). */
    private final Map<String, Instant> told = new LinkedHashMap<>();
    private AutoCloseable subscription;
    private volatile boolean closed;

    /**
     * @param lifetime   how long a notification stays
     * @param background where the settings are read and saved
     * @param ui         runs on the UI thread
     */
    public NotificationCenterViewModel(Notices notices, NoticePreferences preferences, Opener opener, Clock clock,
                                       Duration lifetime, Executor background, Executor ui) {
        this.notices = Objects.requireNonNull(notices, "notices");
        this.preferences = Objects.requireNonNull(preferences, "preferences");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.saving = new BackgroundAction("the notification settings", background, ui);
    }

    /** Reads the settings and subscribes; each occasion's notices cross to the UI thread together. */
    public void start() {
        if (subscription != null || closed) {
            return;
        }
        saving.run(preferences::load, loaded -> settings.set(loaded), message -> { });
        subscription = notices.subscribeBatches(batch -> ui.execute(() -> {
            if (!closed) {
                accept(batch);
            }
        }));
    }

    /** One occasion's notices: all to the history, the ones that pop up summed up in one notification. UI thread. */
    public void accept(List<Notice> batch) {
        NoticeSettings now = settings.get();
        Instant at = clock.instant();
        told.values().removeIf(when -> !when.plus(REPEAT_QUIET).isAfter(at));
        List<Notice> popping = new ArrayList<>();
        int counted = 0;
        for (Notice n : batch) {
            boolean pops = now.popsUp(NoticeSettings.topicOf(n)) && firstTelling(n, at);
            history.add(0, new Entry(++seq, n, pops));
            if (pops) {
                counted++;
                if (!now.muted()) {
                    popping.add(n);
                }
            }
        }
        if (history.size() > HISTORY_CAP) {
            history.remove(HISTORY_CAP, history.size());
        }
        unread.set(unread.get() + counted);
        if (!popping.isEmpty()) {
            popup.set(new Popup(popping, at));
            popupsShown.set(popupsShown.get() + 1);
        }
    }

    /**
     * True when {@code n} was not told within {@link #REPEAT_QUIET}, and remembers it as told now. Only notices
     * about one SKU × warehouse repeat like that; a burst, a stale source or a failed push is told each time.
     */
    private boolean firstTelling(Notice n, Instant at) {
        if (n.sellerSku() == null) {
            return true;
        }
        String what = NoticeSettings.topicOf(n) + "|" + n.sellerSku() + "@" + n.warehouseId();
        if (told.containsKey(what)) {
            return false;
        }
        told.put(what, at);
        if (told.size() > TOLD_CAP) {
            told.remove(told.keySet().iterator().next());
        }
        return true;
    }

    /** Lets the notification go once its lifetime is over. UI thread. */
    public void tick(Instant instant) {
        Popup p = popup.get();
        if (p != null && !instant.isBefore(p.shownAt().plus(lifetime))) {
            popup.set(null);
        }
    }

    /** Its × was pressed: it goes, and nothing else happens (the screen and its filters stay). */
    public void dismiss() {
        popup.set(null);
    }

    /** Its body was clicked: it goes, and what it is about opens. */
    public void openPopup() {
        Popup p = popup.get();
        popup.set(null);
        if (p != null) {
            Notice single = p.single();
            if (single != null) {
                opener.open(single);
            } else {
                opener.openAll();
            }
        }
    }

    /** A line of the bell's history was clicked. */
    public void open(Entry entry) {
        opener.open(entry.notice());
    }

    /** The bell was opened: everything in it has been seen. */
    public void markAllRead() {
        unread.set(0);
    }

    /** Mutes (or unmutes) every notification; the bell keeps counting. */
    public void setMuted(boolean muted) {
        save(settings.get().withMuted(muted));
    }

    /** Lets {@code topic} pop up, or not. */
    public void setPopsUp(String topic, boolean on) {
        save(settings.get().withPopup(topic, on));
    }

    private void save(NoticeSettings next) {
        settings.set(next);
        saving.run(() -> preferences.save(next), () -> { }, message -> { });
    }

    /** The topics a person can choose from, in the order offered: calibration first, then each alert kind. */
    public static List<String> topics() {
        List<String> topics = new ArrayList<>(List.of(NoticeSettings.CALIBRATION_OPENED,
                NoticeSettings.CALIBRATION_DUE));
        for (AlertKind k : AlertKind.values()) {
            topics.add(k.name());
        }
        topics.add(NoticeSettings.PUSH_FAILED);
        return List.copyOf(topics);
    }

    /**
     * How many things a notice stands for: a summary of a burst ({@code detail} is the count, no SKU) stands for
     * that many alerts.
     */
    public static int count(Notice n) {
        if (n.sellerSku() == null && n.warehouseId() == null && n.alertKind() != null && n.detail() != null
                && !n.detail().isEmpty() && n.detail().chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(n.detail());
        }
        return 1;
    }

    /** Newest first. */
    public ObservableList<Entry> history() {
        return history;
    }

    /** Notices of the topics that pop up since the bell was last opened. */
    public ReadOnlyIntegerProperty unreadProperty() {
        return unread.getReadOnlyProperty();
    }

    /** The notification on screen, null when none. */
    public ReadOnlyObjectProperty<Popup> popupProperty() {
        return popup.getReadOnlyProperty();
    }

    /** How many notifications came up since the window opened (one per occasion at most). */
    public ReadOnlyIntegerProperty popupsShownProperty() {
        return popupsShown.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<NoticeSettings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    @Override
    public void close() {
        closed = true;
        AutoCloseable s = subscription;
        subscription = null;
        BackgroundRefresh.closeQuietly(s, "desktop notices");
        saving.close();
    }
}

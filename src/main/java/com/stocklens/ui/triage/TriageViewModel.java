package com.stocklens.ui.triage;

import com.stocklens.domain.AlertKind;
import com.stocklens.service.TriageDigest;
import com.stocklens.service.TriageItem;
import com.stocklens.service.TriageList;
import com.stocklens.service.TriageSection;
import com.stocklens.ui.MainWindowViewModel;
import com.stocklens.ui.Screen;
import com.stocklens.ui.flags.FlagsViewModel;
import com.stocklens.ui.flags.TaskRowViewModel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The triage screen (处理这些 / Act now), free of any toolkit: the red flags' triage list in its parts —
 * calibrations, orders at risk, stale sources, the digest per kind with a filter each — and where each line
 * leads. Reads nothing itself: the list is the one the red flags read with their board (so this screen, the
 * red-flag panel and the sidebar badge always agree), and the countdowns are the red flags' own.
 */
public final class TriageViewModel implements AutoCloseable {
    /** Lines a digest kind shows at most (the red-flag screen lists them all). */
    public static final int DIGEST_SHOWN = 50;

    private final FlagsViewModel flags;
    private final MainWindowViewModel window;
    private final ObservableList<TriageItem> calibrations = FXCollections.observableArrayList();
    private final ObservableList<TriageItem> atRisk = FXCollections.observableArrayList();
    private final ObservableList<TriageItem> stale = FXCollections.observableArrayList();
    private final ObservableList<TriageDigest> digest = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper actNowCount = new ReadOnlyIntegerWrapper(this, "actNowCount");
    private final ReadOnlyIntegerWrapper digestCount = new ReadOnlyIntegerWrapper(this, "digestCount");
    private final Map<AlertKind, StringProperty> filters = new EnumMap<>(AlertKind.class);
    private final InvalidationListener onTriage = o -> apply(currentList());
    private final BooleanBinding canAct;

    public TriageViewModel(FlagsViewModel flags, MainWindowViewModel window) {
        this.flags = Objects.requireNonNull(flags, "flags");
        this.window = Objects.requireNonNull(window, "window");
        // Nothing is declared at a past moment, nor in a snapshot file.
        this.canAct = Bindings.createBooleanBinding(() -> !flags.lockedProperty().get(), flags.lockedProperty());
        flags.triageProperty().addListener(onTriage);
        apply(currentList());
    }

    private TriageList currentList() {
        return flags.triageProperty().get();
    }

    private void apply(TriageList list) {
        if (list == null) {
            return;
        }
        calibrations.setAll(list.section(TriageSection.CALIBRATION));
        atRisk.setAll(list.section(TriageSection.AT_RISK));
        stale.setAll(list.section(TriageSection.STALE));
        digest.setAll(list.digest());
        actNowCount.set(list.actNow().size());
        digestCount.set(list.digestCount());
    }

    // ---- the lines --------------------------------------------------------------------------------

    /** Open calibration tasks, nearest deadline first. */
    public ObservableList<TriageItem> calibrations() {
        return calibrations;
    }

    /** Oversell and missing pre-allocation, largest units at risk × daily sales first. */
    public ObservableList<TriageItem> atRisk() {
        return atRisk;
    }

    /** Stale sources, the one blocking most lines first. */
    public ObservableList<TriageItem> stale() {
        return stale;
    }

    /** The housekeeping kinds, each with its count. */
    public ObservableList<TriageDigest> digest() {
        return digest;
    }

    /** Lines to act on now: what the badge says. */
    public ReadOnlyIntegerProperty actNowCountProperty() {
        return actNowCount.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty digestCountProperty() {
        return digestCount.getReadOnlyProperty();
    }

    /** A digest kind's filter: SKU, product or warehouse. */
    public StringProperty filterProperty(AlertKind kind) {
        return filters.computeIfAbsent(kind, k -> new SimpleStringProperty(this, "filter-" + k, ""));
    }

    /** A digest kind's lines that pass its filter, at most {@link #DIGEST_SHOWN}, and how many passed. */
    public Shown digestLines(TriageDigest group) {
        String needle = filterProperty(group.kind()).get();
        String n = needle == null ? "" : needle.strip().toLowerCase(Locale.ROOT);
        List<TriageItem> passed = new ArrayList<>();
        int count = 0;
        for (TriageItem i : group.items()) {
            if (n.isEmpty() || text(i).contains(n)) {
                count++;
                if (passed.size() < DIGEST_SHOWN) {
                    passed.add(i);
                }
            }
        }
        return new Shown(passed, count);
    }

    /** Lines of a digest kind on screen, and how many passed the filter in all. */
    public record Shown(List<TriageItem> lines, int passed) {
    }

    private static String text(TriageItem i) {
        return (Objects.requireNonNullElse(i.sellerSku(), "") + " " + Objects.requireNonNullElse(i.skuName(), "") + " "
                + Objects.requireNonNullElse(i.warehouseName(), "") + " "
                + Objects.requireNonNullElse(i.warehouseId(), "")).toLowerCase(Locale.ROOT);
    }

    /** The countdown of a calibration line (the red flags tick it), if its task is listed. */
    public Optional<TaskRowViewModel> task(TriageItem item) {
        return item.taskId() == null ? Optional.empty() : flags.task(item.taskId());
    }

    // ---- where lines lead ---------------------------------------------------------------------------

    /**
     * Opens what a line is about: a task's card on the red flags; the SKU on the stock screen (both sides of
     * the line side by side); a stale source's freshness on the stock screen.
     */
    public void open(TriageItem item) {
        if (item.taskId() != null) {
            window.choose(Screen.FLAGS);
            flags.focusTask(item.taskId());
        } else if (item.sellerSku() != null) {
            window.showStock(item.sellerSku());
        } else {
            window.choose(Screen.STOCK);
        }
    }

    /** "Open the list": the red flags, only {@code kind}'s alerts. */
    public void openList(AlertKind kind) {
        flags.showKind(kind);
        window.choose(Screen.FLAGS);
    }

    /** Opens the declare form of a calibration line. */
    public void declare(TriageItem item) {
        task(item).ifPresent(flags::declare);
    }

    /** False at a past moment and in a snapshot file: nothing can be declared then. */
    public BooleanBinding canActBinding() {
        return canAct;
    }

    /** The key of why the actions are off (a snapshot file, a past moment). */
    public String whyNotKey() {
        return flags.lockedReasonKey();
    }

    public MainWindowViewModel window() {
        return window;
    }

    @Override
    public void close() {
        flags.triageProperty().removeListener(onTriage);
        canAct.dispose();
    }
}

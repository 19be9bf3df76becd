package com.stocklens.ui.scores;

import com.stocklens.domain.WarehouseKpis;
import com.stocklens.domain.WarehouseProfile;
import com.stocklens.rules.score.Axis;
import com.stocklens.rules.score.Criterion;
import com.stocklens.rules.score.ScoreBands;
import com.stocklens.rules.score.ScoreInputs;
import com.stocklens.rules.score.ScoreWeights;
import com.stocklens.rules.score.Scorecard;
import com.stocklens.rules.score.StageGuide;
import com.stocklens.rules.score.WarehouseScore;
import com.stocklens.service.ReportExports;
import com.stocklens.service.ReportFormat;
import com.stocklens.service.Scorecards;
import com.stocklens.service.SyncEvents;
import com.stocklens.ui.BackgroundAction;
import com.stocklens.ui.BackgroundRefresh;
import com.stocklens.ui.DialogService;
import com.stocklens.ui.ExportViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the scorecard screen, free of any toolkit: the board read from the store (on
 * {@code background}), the seller's weights, the ranking (recomputed at once, on the caller's thread, when a
 * weight moves: a pure function over a handful of warehouses), the 2–3 warehouses picked for comparison,
 * the stage guide, CSV import of candidates and the comparison export, adding, editing and deleting
 * profiles by hand (the board re-ranks at once, the store is written on {@code background}), and the weights
 * kept in the store (read once at start, written after every change, coalesced).
 */
public final class ScoresViewModel implements AutoCloseable {
    /** At most this many warehouses side by side. */
    public static final int MAX_COMPARE = 3;

    private final Scorecards scorecards;
    private final ReportExports exports;
    private final Locale locale;
    private final BackgroundRefresh<Scorecards.Board> loader;
    private final BackgroundAction writes;
    private final ExportViewModel export;
    private final DialogService dialogs;
    /** Weights waiting to be written; non-null while a write is queued (it takes the latest). */
    private final AtomicReference<Map<String, Double>> unsavedWeights = new AtomicReference<>();
    /** Set once the person moves a weight: the stored weights, read later, must not undo it. */
    private boolean weightsTouched;

    private final ReadOnlyObjectWrapper<Scorecards.Board> board =
            new ReadOnlyObjectWrapper<>(this, "board", Scorecards.Board.EMPTY);
    private final ReadOnlyObjectWrapper<ScoreWeights> weights = new ReadOnlyObjectWrapper<>(this, "weights", ScoreWeights.EQUAL);
    private final ObservableList<WarehouseScore> ranked = FXCollections.observableArrayList();
    private final ObservableList<String> selected = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper comparing = new ReadOnlyBooleanWrapper(this, "comparing");
    private final ReadOnlyObjectWrapper<StageGuide> stage =
            new ReadOnlyObjectWrapper<>(this, "stage", StageGuide.of(null, null));
    private final ReadOnlyStringWrapper loadError = new ReadOnlyStringWrapper(this, "loadError");
    private final ReadOnlyStringWrapper importResult = new ReadOnlyStringWrapper(this, "importResult");
    private final ReadOnlyStringWrapper profileResult = new ReadOnlyStringWrapper(this, "profileResult");
    private final Map<String, Scorecards.Entry> entries = new HashMap<>();

    public ScoresViewModel(Scorecards scorecards, ReportExports exports, DialogService dialogs, Locale locale,
                           Executor background, Executor ui) {
        this.scorecards = Objects.requireNonNull(scorecards, "scorecards");
        this.exports = Objects.requireNonNull(exports, "exports");
        this.locale = Objects.requireNonNull(locale, "locale");
        this.loader = new BackgroundRefresh<>("the scorecards", scorecards::read, this::apply, loadError::set,
                background, ui);
        this.writes = new BackgroundAction("the scorecards", background, ui);
        this.export = new ExportViewModel(dialogs, background, ui);
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
    }

    public void start() {
        loadWeights();
        loader.request();
    }

    /** Starts, and reads again after sync runs, at most once per {@code every} (KPIs move slowly). */
    public void start(SyncEvents events, Clock clock, Duration every) {
        AtomicReference<Instant> last = new AtomicReference<>(clock.instant());
        loadWeights();
        loader.start(request -> events.subscribe(e -> {
            Instant now = clock.instant();
            Instant before = last.get();
            if (!now.isBefore(before.plus(every)) && last.compareAndSet(before, now)) {
                request.run();
            }
        }));
    }

    /** Reads the stored weights once; a failed read keeps equal weights (the screen still works). */
    private void loadWeights() {
        writes.run(() -> ScoreWeights.fromNames(scorecards.weights()), w -> {
            if (!weightsTouched) {
                weights.set(w);
                rerank();
            }
        }, reason -> { }); // logged; the screen keeps equal weights and still works
    }

    /** Writes the weights on {@code background}; a burst of slider moves folds into one write of the latest. */
    private void saveWeights() {
        weightsTouched = true;
        if (unsavedWeights.getAndSet(weights.get().changed()) != null) {
            return;
        }
        boolean started = writes.run(() -> {
            Map<String, Double> latest = unsavedWeights.getAndSet(null);
            if (latest != null) {
                scorecards.saveWeights(latest);
            }
        }, () -> { }, reason -> { }); // a failed write is logged; the weights on screen stay as set
        if (!started) {
            unsavedWeights.set(null);
        }
    }

    /**
     * Screenshot and preview aid: with STOCKLENS_SCORES_COMPARE=N (2 or 3) the first load picks the top N
     * and opens the side-by-side view, so a scripted screenshot can show it without clicks.
     */
    private final int previewCompare = previewCompare();
    private boolean previewDone;

    private static int previewCompare() {
        try {
            String v = System.getenv("STOCKLENS_SCORES_COMPARE");
            return v == null ? 0 : Math.min(MAX_COMPARE, Integer.parseInt(v.strip()));
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** Reads the board again (profiles and KPIs). */
    public void refresh() {
        loader.request();
    }

    private void apply(Scorecards.Board b) {
        loadError.set(null);
        entries.clear();
        b.entries().forEach(e -> entries.put(e.profile().id(), e));
        selected.removeIf(id -> !entries.containsKey(id));
        board.set(b);
        stage.set(StageGuide.of(b.skus(), b.monthlyOrders()));
        rerank();
        if (previewCompare > 1 && !previewDone && ranked.size() >= previewCompare) {
            previewDone = true;
            ranked.stream().limit(previewCompare).forEach(s -> selected.add(s.id()));
            compare(true);
        }
    }

    private void rerank() {
        ranked.setAll(Scorecard.rank(board.get().entries().stream()
                .map(e -> ScoreInputs.of(e.profile(), e.kpis())).toList(), weights.get(), ScoreBands.DEFAULTS));
        if (selected.size() < 2) {
            comparing.set(false);
        }
    }

    public void setWeight(Axis axis, double weight) {
        if (weights.get().of(axis) == weight) {
            return;
        }
        weights.set(weights.get().with(axis, weight));
        rerank();
        saveWeights();
    }

    public void setWeight(Criterion criterion, double weight) {
        if (weights.get().of(criterion) == weight) {
            return;
        }
        weights.set(weights.get().with(criterion, weight));
        rerank();
        saveWeights();
    }

    /** Back to equal weights (and forgets the stored ones). */
    public void resetWeights() {
        weights.set(ScoreWeights.EQUAL);
        rerank();
        saveWeights();
    }

    // ---- profiles by hand ---------------------------------------------------------------------------

    /** Opens the form for a new candidate; on Save it joins the ranking at once and is stored. */
    public void addCandidate() {
        ProfileFormViewModel form = ProfileFormViewModel.forNew(entries.keySet(), names(null));
        dialogs.editProfile(form).thenAccept(ok -> {
            if (ok) {
                saveProfile(form.toProfile(Instant.now()), false);
            }
        });
    }

    /** Opens the form of a warehouse on the board (candidate or connected); on Save the ranking updates at once. */
    public void editProfile(String id) {
        Scorecards.Entry e = entries.get(id);
        if (e == null) {
            return;
        }
        ProfileFormViewModel form = ProfileFormViewModel.forExisting(e.profile(), e.connected(), names(id));
        dialogs.editProfile(form).thenAccept(ok -> {
            if (ok) {
                saveProfile(form.toProfile(Instant.now()), e.connected());
            }
        });
    }

    /** True when {@code id} is a candidate (connected warehouses can be edited, not deleted). */
    public boolean deletable(String id) {
        Scorecards.Entry e = entries.get(id);
        return e != null && !e.connected();
    }

    /** Asks, then removes a candidate from the board at once and from the store. Connected warehouses stay. */
    public void deleteCandidate(String id) {
        if (!deletable(id)) {
            return;
        }
        String name = entries.get(id).profile().name();
        dialogs.confirm("scores.delete.title", "scores.delete.question", name).thenAccept(yes -> {
            if (!yes || !deletable(id)) {
                return;
            }
            List<Scorecards.Entry> kept = new ArrayList<>(board.get().entries());
            kept.removeIf(x -> x.profile().id().equals(id));
            show(kept);
            write(() -> scorecards.delete(id), "deleted:" + name);
        });
    }

    private List<String> names(String except) {
        return entries.values().stream().filter(e -> !e.profile().id().equals(except))
                .map(e -> e.profile().name()).toList();
    }

    private void saveProfile(WarehouseProfile p, boolean connected) {
        List<Scorecards.Entry> next = new ArrayList<>(board.get().entries());
        Scorecards.Entry old = entries.get(p.id());
        Scorecards.Entry entry = new Scorecards.Entry(p, old == null ? WarehouseKpis.none(p.id()) : old.kpis(), connected);
        int at = next.indexOf(old);
        if (old != null && at >= 0) {
            next.set(at, entry);
        } else {
            next.add(entry);
        }
        show(next);
        write(() -> scorecards.save(p), "saved:" + p.name());
    }

    /** Puts {@code next} on the board now (no read): the ranking moves while the store is written. */
    private void show(List<Scorecards.Entry> next) {
        Scorecards.Board b = board.get();
        loader.discardReadsUnderWay(); // a read already in flight predates this change
        apply(new Scorecards.Board(next, b.skus(), b.monthlyOrders(), b.from(), b.to()));
    }

    private void write(BackgroundAction.Step change, String done) {
        importResult.set(null);
        writes.run(change, () -> profileWritten(done), reason -> profileWritten("bad:" + reason));
    }

    private void profileWritten(String result) {
        profileResult.set(result);
        refresh();
    }

    /** Picks or unpicks a warehouse for comparison; a fourth pick drops the oldest. */
    public void toggleSelected(String id) {
        if (selected.contains(id)) {
            selected.remove(id);
        } else {
            if (selected.size() >= MAX_COMPARE) {
                selected.remove(0);
            }
            selected.add(id);
        }
        if (selected.size() < 2) {
            comparing.set(false);
        }
    }

    /** Shows the side-by-side view; needs 2 or 3 picks. */
    public boolean compare(boolean on) {
        comparing.set(on && selected.size() >= 2);
        return comparing.get();
    }

    /** The scorecards of the picked warehouses, in rank order. */
    public List<WarehouseScore> compared() {
        return ranked.stream().filter(s -> selected.contains(s.id())).toList();
    }

    public Scorecards.Entry entry(String id) {
        return entries.get(id);
    }

    /** Imports candidates from a CSV on {@code background}; the result (or the problem) lands in {@link #importResultProperty}. */
    public void importCsv(Path file) {
        writes.run(() -> scorecards.importCandidates(file).size(), n -> imported("ok:" + n),
                reason -> imported("bad:" + reason));
    }

    private void imported(String result) {
        profileResult.set(null);
        importResult.set(result);
        refresh();
    }

    /** Exports the comparison table (already labelled by the view). */
    public void exportComparison(ReportFormat format, String title, List<String> headers, List<List<Object>> rows) {
        export.export(format, "warehouse-comparison", (f, out) -> exports.exportTable(title, headers, rows, f, locale, out));
    }

    public ExportViewModel export() {
        return export;
    }

    public ObservableList<WarehouseScore> ranked() {
        return ranked;
    }

    public ObservableList<String> selected() {
        return selected;
    }

    public ReadOnlyObjectProperty<ScoreWeights> weightsProperty() {
        return weights.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty comparingProperty() {
        return comparing.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<StageGuide> stageProperty() {
        return stage.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Scorecards.Board> boardProperty() {
        return board.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty loadErrorProperty() {
        return loadError.getReadOnlyProperty();
    }

    /** "ok:N" after N candidates were imported, "bad:reason" when the file was refused, null before. */
    public ReadOnlyStringProperty importResultProperty() {
        return importResult.getReadOnlyProperty();
    }

    /**
     * "saved:NAME" or "deleted:NAME" after a profile was written, "bad:reason" when the store refused it
     * (the board then shows what the store holds), null before.
     */
    public ReadOnlyStringProperty profileResultProperty() {
        return profileResult.getReadOnlyProperty();
    }

    @Override
    public void close() {
        loader.close();
        writes.close();
    }
}

package com.stocklens.ui.push;

import com.stocklens.service.PushLine;
import com.stocklens.service.PushPlan;
import com.stocklens.service.PushRecord;
import com.stocklens.service.PushScope;
import com.stocklens.service.StockPushes;
import com.stocklens.ui.BackgroundAction;
import com.stocklens.ui.DialogService;
import com.stocklens.ui.NameMemory;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "Push to TikTok" for one scope, free of any toolkit: the plan (before → after and why, refused and why), then
 * Apply asks once, sends with progress, and shows TikTok's answer per SKU and warehouse (docs/guide/push.md).
 * Blocking work runs on {@code background}; properties change on {@code ui}'s thread only.
 */
public final class PushPlanViewModel implements AutoCloseable {
    /** Where the dialog is. */
    public enum Phase {
        /** The plan is being computed. */
        PLANNING,
        /** The plan is shown; Apply sends it (when it sets anything). */
        PLANNED,
        /** Sent, waiting for TikTok's answers. */
        SENDING,
        /** TikTok answered: the outcome is shown. */
        DONE,
        /** Planning or sending failed as a whole; {@link #errorProperty()} says why. */
        FAILED
    }

    private final StockPushes pushes;
    private final PushScope scope;
    private final NameMemory who;
    private final DialogService dialogs;
    private final BackgroundAction work;
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase", Phase.PLANNING);
    private final ObservableList<PushRowViewModel> items = FXCollections.observableArrayList();
    private final ObservableList<PushRowViewModel> refused = FXCollections.observableArrayList();
    private final ObservableList<PushRowViewModel> outcome = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<PushPlan> plan = new ReadOnlyObjectWrapper<>(this, "plan");
    private final ReadOnlyObjectWrapper<PushRecord> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyIntegerWrapper unchanged = new ReadOnlyIntegerWrapper(this, "unchanged");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final BooleanBinding canApply;
    private Consumer<PushRecord> onPushed = r -> { };

    public PushPlanViewModel(StockPushes pushes, PushScope scope, NameMemory who, DialogService dialogs,
                             Executor background, Executor ui) {
        this.pushes = Objects.requireNonNull(pushes, "pushes");
        this.scope = Objects.requireNonNull(scope, "scope");
        this.who = Objects.requireNonNull(who, "who");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.work = new BackgroundAction("a push to TikTok", background, ui);
        this.canApply = Bindings.createBooleanBinding(() -> phase.get() == Phase.PLANNED && !items.isEmpty(),
                phase, items);
    }

    /** Told of every push this dialog sent, on the UI thread (the window re-reads its screens). */
    public PushPlanViewModel onPushed(Consumer<PushRecord> listener) {
        this.onPushed = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /** Computes the plan (again). */
    public void plan() {
        phase.set(Phase.PLANNING);
        error.set(null);
        work.run(() -> pushes.plan(scope), this::show, this::fail);
    }

    private void show(PushPlan p) {
        plan.set(p);
        items.setAll(p.items().stream().map(PushRowViewModel::of).toList());
        refused.setAll(p.refused().stream().map(PushRowViewModel::of).toList());
        unchanged.set(p.unchanged());
        outcome.clear();
        progress.set(0);
        phase.set(Phase.PLANNED);
    }

    /** Apply: asks once, then sends the plan with progress and shows the outcome. Only while {@link #canApplyBinding()}. */
    public void apply() {
        PushPlan p = plan.get();
        if (!canApply.get() || p == null) {
            return;
        }
        int units = p.items().stream().mapToInt(PushLine::unitsChanged).sum();
        dialogs.confirm("stockpush.confirm.title", "stockpush.confirm.message", p.items().size(), units)
                .thenAccept(yes -> {
                    if (yes && phase.get() == Phase.PLANNED) {
                        send(p);
                    }
                });
    }

    private void send(PushPlan p) {
        phase.set(Phase.SENDING);
        progress.set(0);
        Consumer<double[]> onProgress = work.onUi(f -> progress.set(f[0]));
        String name = who.get();
        work.run(() -> pushes.apply(p.id(), name, (done, all) -> onProgress.accept(
                new double[] {all == 0 ? 1.0 : done / (double) all})), this::done, this::fail);
    }

    private void done(PushRecord r) {
        result.set(r);
        outcome.setAll(r.lines().stream().map(PushRowViewModel::of).toList());
        progress.set(1);
        phase.set(Phase.DONE);
        onPushed.accept(r);
    }

    private void fail(String why) {
        error.set(why);
        phase.set(Phase.FAILED);
    }

    public PushScope scope() {
        return scope;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** The lines to set, before → after. */
    public ObservableList<PushRowViewModel> items() {
        return items;
    }

    /** The lines refused, each with why. */
    public ObservableList<PushRowViewModel> refused() {
        return refused;
    }

    /** After sending: every line with TikTok's answer. */
    public ObservableList<PushRowViewModel> outcome() {
        return outcome;
    }

    public ReadOnlyObjectProperty<PushPlan> planProperty() {
        return plan.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PushRecord> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Lines already right on TikTok. */
    public ReadOnlyIntegerProperty unchangedProperty() {
        return unchanged.getReadOnlyProperty();
    }

    /** 0 … 1 while sending. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** True while a plan that sets something is shown. */
    public BooleanBinding canApplyBinding() {
        return canApply;
    }

    @Override
    public void close() {
        work.close();
    }
}

package com.stocklens.ui.flags;

import com.stocklens.domain.AlertKind;
import com.stocklens.domain.BeijingTime;
import com.stocklens.rules.Urgency;
import com.stocklens.service.PushRecord;
import com.stocklens.service.PushScope;
import com.stocklens.service.StockPushes;
import com.stocklens.ui.Formats;
import com.stocklens.ui.FxDetailPopOver;
import com.stocklens.ui.FxPng;
import com.stocklens.ui.FxViewLoader;
import com.stocklens.ui.Messages;
import com.stocklens.ui.ScreenServices;
import com.stocklens.ui.ScreenView;
import com.stocklens.ui.push.PushPlanViewModel;
import com.stocklens.ui.push.PushTexts;
import com.stocklens.ui.push.TaskPushesViewModel;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.InvalidationListener;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.beans.value.WeakChangeListener;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Controller of {@code FlagsView.fxml}: renders the {@link FlagsViewModel}'s tasks and alerts as cards
 * as the view model's own ticks (the window's, every second) move them. Decides nothing: urgency, order,
 * visibility and validation all come from the view model.
 */
public final class FlagsView implements ScreenView {
    /** Pseudo-class per urgency ({@code :calm} … {@code :overdue}, {@code :declared} for null); colours in app.css. */
    static PseudoClass pseudoClass(Urgency u) {
        return PseudoClass.getPseudoClass(FlagTexts.styleName(u));
    }

    /**
     * Turns on {@code node}'s pseudo-class for {@code urgency} and off the others; {@code declared} turns on
     * {@code :declared} instead (a stopped countdown). With neither, every urgency pseudo-class is off.
     */
    public static void showUrgency(Node node, Urgency urgency, boolean declared) {
        for (Urgency each : Urgency.values()) {
            node.pseudoClassStateChanged(pseudoClass(each), !declared && each == urgency);
        }
        node.pseudoClassStateChanged(pseudoClass(null), declared);
    }

    static final PseudoClass ACKNOWLEDGED = PseudoClass.getPseudoClass("acknowledged");
    static final PseudoClass SEVERE = PseudoClass.getPseudoClass("severe");

    private static final DateTimeFormatter DEADLINE_TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(BeijingTime.ZONE);

    private final FlagsViewModel viewModel;
    private final Messages messages;
    private final FlagTexts texts;
    /** Set by {@link #withPush}; null where pushing is not available (the button and the line stay hidden). */
    private TaskPushesViewModel taskPushes;
    private Consumer<TaskRowViewModel> openPushPlan;
    /** The whole of a card's hints or working, opened by a click (one at a time). */
    private final FxDetailPopOver details = new FxDetailPopOver();

    @FXML private BorderPane flagsRoot;
    @FXML private Label flagsSummary;
    @FXML private Label loadErrorLabel;
    @FXML private Label actionErrorLabel;
    @FXML private Label evidenceSavedLabel;
    @FXML private ListView<TaskRowViewModel> taskList;
    @FXML private ListView<AlertLine> alertList;
    @FXML private ComboBox<AlertKind> alertKindFilter;
    @FXML private TextField alertTextFilter;
    @FXML private ComboBox<FlagsViewModel.AlertSort> alertSort;

    /** The window's red-flag screen ({@code Screen.FLAGS}) over the shell's red flags. */
    public static ScreenView screen(ScreenServices s) {
        FlagsView view = FxViewLoader.load(new FlagsView(s.window().flags(), s.messages()),
                s.messages().bundle());
        StockPushes pushes = s.context().flags().pushes();
        if (pushes != StockPushes.NONE) {
            // Issue 21: "Push to TikTok" on each card, and the card names the push that fixed it.
            TaskPushesViewModel taskPushes = new TaskPushesViewModel(pushes, s.context().flags().events(),
                    s.background(), s.ui());
            view.withPush(taskPushes, task -> s.dialogs().showPushPlan(new PushPlanViewModel(pushes,
                    PushScope.task(task.id()), s.context().shell().declarer(), s.dialogs(), s.background(), s.ui())
                    .onPushed(r -> taskPushes.refresh())));
            taskPushes.start();
        }
        return view;
    }

    /** Shows "Push to TikTok" on the cards (opening a plan for the task) and each task's latest push. */
    public void withPush(TaskPushesViewModel pushes, Consumer<TaskRowViewModel> openPlan) {
        this.taskPushes = Objects.requireNonNull(pushes, "pushes");
        this.openPushPlan = Objects.requireNonNull(openPlan, "openPlan");
    }

    public FlagsView(FlagsViewModel viewModel, Messages messages) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.texts = new FlagTexts(messages);
    }

    @FXML
    private void initialize() {
        taskList.setItems(viewModel.tasks());
        taskList.setCellFactory(l -> new TaskCell());
        alertList.setItems(viewModel.alertLines());
        alertList.setCellFactory(l -> new AlertCell());
        bindFilters();
        // Cards are read, not selected; a selection highlight would fight the urgency colours.
        taskList.setFocusTraversable(false);
        alertList.setFocusTraversable(false);

        InvalidationListener summary = o -> flagsSummary.setText(messages.format("flags.summary",
                viewModel.openTaskCountProperty().get(), viewModel.attentionAlertCountProperty().get()));
        viewModel.openTaskCountProperty().addListener(summary);
        viewModel.attentionAlertCountProperty().addListener(summary);
        summary.invalidated(null);
        bindError(loadErrorLabel, viewModel.loadErrorProperty(), "flags.loadError");
        bindError(actionErrorLabel, viewModel.actionErrorProperty(), "flags.actionError");
        viewModel.evidenceSavedProperty().addListener((obs, o, path) -> {
            evidenceSavedLabel.setText(path == null ? "" : messages.format("evidence.saved", path));
            evidenceSavedLabel.setVisible(path != null);
            evidenceSavedLabel.setManaged(path != null);
        });

        viewModel.focusedAlertKeyProperty().addListener((obs, o, key) -> {
            if (key == null) {
                return;
            }
            for (int i = 0; i < viewModel.alertLines().size(); i++) {
                if (viewModel.alertLines().get(i) instanceof AlertRowViewModel a && a.key().equals(key)) {
                    alertList.scrollTo(i);
                    alertList.getSelectionModel().select(i);
                    return;
                }
            }
        });
        viewModel.focusedTaskIdProperty().addListener((obs, o, id) -> {
            if (id == null) {
                return;
            }
            for (int i = 0; i < viewModel.tasks().size(); i++) {
                if (viewModel.tasks().get(i).id() == id) {
                    taskList.scrollTo(i);
                    taskList.getSelectionModel().select(i);
                    return;
                }
            }
        });
    }

    /** The kind choice (every kind, then each kind listed now with its count), the text filter and the sort. */
    private void bindFilters() {
        ListChangeListener<AlertKind> kinds = c -> {
            AlertKind chosen = viewModel.kindFilterProperty().get();
            List<AlertKind> items = new ArrayList<>();
            items.add(null);
            items.addAll(viewModel.alertKinds());
            if (chosen != null && !items.contains(chosen)) {
                items.add(chosen);
            }
            alertKindFilter.getItems().setAll(items);
            alertKindFilter.setValue(chosen);
        };
        viewModel.alertKinds().addListener(kinds);
        kinds.onChanged(null);
        alertKindFilter.setId("alertKindFilter");
        alertKindFilter.setCellFactory(l -> new KindCell());
        alertKindFilter.setButtonCell(new KindCell());
        alertKindFilter.valueProperty().addListener((obs, o, k) -> {
            if (k != viewModel.kindFilterProperty().get()) {
                viewModel.showKind(k);
            }
        });
        viewModel.kindFilterProperty().addListener((obs, o, k) -> alertKindFilter.setValue(k));
        alertTextFilter.textProperty().bindBidirectional(viewModel.textFilterProperty());
        alertSort.getItems().setAll(FlagsViewModel.AlertSort.values());
        alertSort.setCellFactory(l -> new SortCell());
        alertSort.setButtonCell(new SortCell());
        alertSort.valueProperty().bindBidirectional(viewModel.sortProperty());
    }

    private final class KindCell extends ListCell<AlertKind> {
        @Override
        protected void updateItem(AlertKind kind, boolean empty) {
            super.updateItem(kind, empty);
            if (empty) {
                setText(null);
                return;
            }
            long count = viewModel.alerts().stream().filter(a -> kind == null || a.kind() == kind).count();
            setText(messages.format("flags.alerts.kindChoice",
                    kind == null ? messages.get("flags.alerts.allKinds") : texts.alertKind(kind), count));
        }
    }

    private final class SortCell extends ListCell<FlagsViewModel.AlertSort> {
        @Override
        protected void updateItem(FlagsViewModel.AlertSort sort, boolean empty) {
            super.updateItem(sort, empty);
            setText(empty || sort == null ? null : messages.get(sort == FlagsViewModel.AlertSort.IMPACT
                    ? "flags.alerts.sort.impact" : "flags.alerts.sort.newest"));
        }
    }

    private void bindError(Label label, ObservableValue<String> error, String key) {
        ChangeListener<String> show = (obs, o, message) -> {
            boolean visible = message != null;
            label.setText(visible ? messages.format(key, message) : "");
            label.setVisible(visible);
            label.setManaged(visible);
        };
        error.addListener(show);
        show.changed(error, null, error.getValue());
    }

    /** The root of the screen. */
    public BorderPane root() {
        return flagsRoot;
    }

    /** Lets go of the screen's own parts; call when it goes away (the view model is closed by its owner). */
    public void dispose() {
        if (taskPushes != null) {
            taskPushes.close();
        }
        details.hide();
    }

    /**
     * Lets go of the screen's own parts. The red flags themselves are the window shell's (the badge reads them):
     * the shell ticks them, reads them again on F5 and moves them to the chosen moment.
     */
    @Override
    public void close() {
        dispose();
    }

    /** Makes a ListView cell take the list's width instead of its content's (no horizontal scrolling). */
    private static void fitWidth(ListCell<?> cell) {
        cell.setPrefWidth(0);
    }

    private static Label label(String styleClass) {
        Label l = new Label();
        l.getStyleClass().add(styleClass);
        return l;
    }

    // ---- task cards -----------------------------------------------------------------------------

    /**
     * One task as a card. The card is built once per cell and refilled in {@code updateItem}; listeners
     * on the row's countdown and urgency move with the item, so a reused cell never shows another task's time.
     */
    private final class TaskCell extends ListCell<TaskRowViewModel> {
        private final HBox card = new HBox();
        private final Label countdown = label("countdown");
        private final Label urgency = label("urgency-label");
        private final Label sku = label("task-sku");
        private final Label name = label("task-name");
        private final Label warehouse = label("task-warehouse");
        private final Label warehouseFigure = label("figure");
        private final Label tiktokFigure = label("figure");
        private final Label gapFigure = label("figure");
        private final Label consequence = label("task-consequence");
        private final Label declaration = label("task-declaration");
        private final Label declaredBy = label("task-declaration");
        private final Label hints = label("task-hints");
        private final Label deadline = label("task-deadline");
        private final Button declare = new Button(messages.get("flags.task.declare"));
        private final MenuButton evidence = new MenuButton(messages.get("evidence.button"));
        private final Button push = new Button(messages.get("stockpush.task.push"));
        private final Label pushed = label("task-pushed");
        private boolean followsPushes;
        private final InvalidationListener onTick = o -> renderTime();
        private TaskRowViewModel bound;

        TaskCell() {
            fitWidth(this);
            getStyleClass().add("task-cell");
            card.getStyleClass().add("task-card");
            // The deadline sits with the countdown: both answer "how long", and the body keeps its width.
            VBox clock = new VBox(countdown, urgency, deadline);
            clock.getStyleClass().add("countdown-box");
            clock.setAlignment(Pos.CENTER_LEFT);
            clock.setMinWidth(Region.USE_PREF_SIZE);
            HBox title = new HBox(8, sku, name);
            title.setAlignment(Pos.BASELINE_LEFT);
            gapFigure.getStyleClass().add("gap-figure");
            HBox figures = new HBox(6, warehouseFigure, tiktokFigure, gapFigure, warehouse);
            figures.setAlignment(Pos.CENTER_LEFT);
            // The figures are what the seller compares: they never shrink; names and places may elide.
            for (Label l : new Label[] {warehouseFigure, tiktokFigure, gapFigure, sku, countdown}) {
                l.setMinWidth(Region.USE_PREF_SIZE);
            }
            for (Label l : new Label[] {consequence, declaration, declaredBy, hints}) {
                l.setWrapText(true);
                l.setMinWidth(0);
            }
            name.setMinWidth(0);
            warehouse.setMinWidth(0);
            // Hints can run past the card's width: a click shows them whole.
            details.attach(hints, () -> messages.get("flags.details.hints"),
                    () -> bound == null ? null : hints.getText());
            name.setMaxWidth(Double.MAX_VALUE);
            pushed.setWrapText(true);
            pushed.setMinWidth(0);
            VBox body = new VBox(3, title, figures, consequence, declaration, declaredBy, hints, pushed);
            body.setMinWidth(0);
            HBox.setHgrow(body, Priority.ALWAYS);
            declare.getStyleClass().addAll("declare-button");
            declare.setOnAction(e -> {
                if (bound != null) {
                    viewModel.declare(bound);
                }
            });
            // Evidence for Seller Center: both figures and times, the gap, hints and cause, as text and picture.
            evidence.getStyleClass().addAll("small", "evidence-button");
            MenuItem copy = new MenuItem(messages.get("evidence.copy"));
            copy.setOnAction(e -> {
                if (bound != null) {
                    ClipboardContent content = new ClipboardContent();
                    content.putString(viewModel.evidence(bound, messages));
                    content.putImage(FxPng.picture(card));
                    Clipboard.getSystemClipboard().setContent(content);
                }
            });
            MenuItem save = new MenuItem(messages.get("evidence.save"));
            save.setOnAction(e -> {
                if (bound != null) {
                    viewModel.saveEvidence(bound, messages, () -> FxPng.encode(FxPng.picture(card)));
                }
            });
            evidence.getItems().setAll(copy, save);
            push.getStyleClass().add("push-button");
            push.setOnAction(e -> {
                if (bound != null && openPushPlan != null) {
                    openPushPlan.accept(bound);
                }
            });
            push.setMaxWidth(Double.MAX_VALUE);
            VBox side = new VBox(6, declare, push, evidence);
            side.setAlignment(Pos.TOP_RIGHT);
            side.setMinWidth(Region.USE_PREF_SIZE);
            // At a past moment or in a snapshot file nothing can be declared or pushed; a disabled button shows no
            // tooltip, its box does.
            declare.disableProperty().bind(viewModel.lockedProperty());
            push.disableProperty().bind(viewModel.lockedProperty());
            readOnly(side);
            card.getChildren().setAll(clock, body, side);
        }

        @Override
        protected void updateItem(TaskRowViewModel item, boolean empty) {
            super.updateItem(item, empty);
            if (bound != null) {
                bound.countdownProperty().removeListener(onTick);
                bound.urgencyProperty().removeListener(onTick);
            }
            bound = empty ? null : item;
            setText(null);
            if (bound == null) {
                setGraphic(null);
                card.setId(null);
                countdown.setId(null);
                declare.setId(null);
                evidence.setId(null);
                declaration.setId(null);
                hints.setId(null);
                declaredBy.setId(null);
                push.setId(null);
                pushed.setId(null);
                return;
            }
            long id = bound.id();
            card.setId("task-" + id);
            countdown.setId("countdown-" + id);
            declare.setId("declare-" + id);
            evidence.setId("evidence-" + id);
            evidence.getItems().get(0).setId("evidenceCopy-" + id);
            evidence.getItems().get(1).setId("evidenceSave-" + id);
            declaration.setId("declaration-" + id);
            hints.setId("hints-" + id);
            declaredBy.setId("declaredBy-" + id);
            push.setId("pushTask-" + id);
            pushed.setId("pushed-" + id);
            show(push, openPushPlan != null);
            if (taskPushes != null && !followsPushes) {
                followsPushes = true;
                taskPushes.latest().addListener((InvalidationListener) o -> renderPush());
            }
            renderPush();
            sku.setText(bound.sellerSku());
            name.setText(bound.name());
            warehouse.setText(bound.warehouseLabel());
            warehouseFigure.setText(messages.get("flags.task.warehouse") + " " + Formats.quantity(bound.warehouseQuantity(), messages));
            tiktokFigure.setText(messages.get("flags.task.tiktok") + " " + Formats.quantity(bound.tiktokQuantity(), messages));
            gapFigure.setText(messages.get("flags.task.gap") + " " + Formats.signed(bound.gap(), messages));
            hints.setText(texts.hints(bound.hints()));
            boolean declared = bound.isDeclared();
            // Once declared, the hints have done their job; the audit line replaces them.
            show(hints, !declared);
            boolean audit = declared && bound.declaration() != null;
            show(declaration, audit);
            show(declaredBy, audit);
            declaration.setText(audit ? texts.declaration(bound.declaration()) : "");
            declaredBy.setText(audit ? texts.declaredBy(bound.declaration()) : "");
            show(declare, !declared);
            show(consequence, !declared);
            // Time of day only: the window is hours, and a narrow column leaves the card room to wrap.
            deadline.setText(messages.format("flags.task.deadline", DEADLINE_TIME.format(bound.deadline())));
            bound.countdownProperty().addListener(onTick);
            bound.urgencyProperty().addListener(onTick);
            renderTime();
            setGraphic(card);
        }

        /** The task's latest push ("pushed #12 by amy 10:42 Beijing: 277 → 292, accepted"), when there is one. */
        private void renderPush() {
            PushRecord p = bound == null || taskPushes == null ? null : taskPushes.latest().get(bound.id());
            show(pushed, p != null);
            if (p != null) {
                PushTexts push = new PushTexts(messages);
                String change = p.lines().isEmpty() ? "" : push.change(p.lines().getFirst().line().before(),
                        p.lines().getFirst().line().after());
                pushed.setText(messages.format("stockpush.task.pushed", p.id(), p.by(),
                        Formats.beijingTime(p.startedAt()), change, push.status(p.status())));
            }
        }

        private void renderTime() {
            if (bound == null) {
                return;
            }
            Urgency u = bound.getUrgency();
            boolean declared = bound.isDeclared();
            showUrgency(card, u, declared);
            showUrgency(countdown, u, declared);
            countdown.setText(declared ? "✓" : bound.getCountdown());
            urgency.setText(texts.urgency(u));
            consequence.setText(messages.get(u == Urgency.OVERDUE ? "flags.task.blocked" : "flags.task.atZero"));
            consequence.pseudoClassStateChanged(pseudoClass(Urgency.OVERDUE), u == Urgency.OVERDUE);
            consequence.pseudoClassStateChanged(pseudoClass(Urgency.CRITICAL), u == Urgency.CRITICAL);
        }
    }

    /**
     * Explains, on hover, why the actions in {@code box} are disabled: a past moment is shown, or a snapshot
     * file (read-only).
     */
    private void readOnly(Pane box) {
        Tooltip why = new Tooltip();
        Consumer<Boolean> apply = locked -> {
            why.setText(messages.get(viewModel.lockedReasonKey()));
            if (locked) {
                Tooltip.install(box, why);
            } else {
                Tooltip.uninstall(box, why);
            }
        };
        // Weak: cells come and go with scrolling; the view model outlives them.
        ChangeListener<Boolean> listener = (obs, o, n) -> apply.accept(n);
        box.getProperties().put("readOnlyListener", listener);
        viewModel.lockedProperty().addListener(new WeakChangeListener<>(listener));
        apply.accept(viewModel.lockedProperty().get());
    }

    /** The tooltip a box of actions shows while a past moment is shown (tests). */
    static Tooltip readOnlyTooltip(Node box) {
        Object t = box.getProperties().get("javafx.scene.control.Tooltip");
        return t instanceof Tooltip tip ? tip : null;
    }

    private static void show(Node node, boolean visible) {
        node.setVisible(visible);
        node.setManaged(visible);
    }

    // ---- alert cards ----------------------------------------------------------------------------

    /** A CSS-safe id suffix for an alert key ({@code OVERSELL_RISK:MUG-001@shipbob:228}). */
    static String idOf(String key) {
        return key.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /** A kind's heading (click: fold or unfold) or an alert's card. */
    private final class AlertCell extends ListCell<AlertLine> {
        private final HBox card = new HBox(10);
        private final Label groupArrow = label("alert-group-arrow");
        private final Label groupKind = label("alert-group-kind");
        private final Label groupCount = label("alert-group-count");
        private final HBox groupHeader = new HBox(8, groupArrow, groupKind, groupCount);
        private AlertLine.Group group;
        private final Label kind = label("alert-kind");
        private final Label subject = label("alert-subject");
        private final Label figures = label("alert-figures");
        private final Label detail = label("alert-detail");
        private final Label status = label("alert-status");
        private final Button acknowledge = new Button(messages.get("alert.acknowledge"));
        private final MenuButton snooze = new MenuButton(messages.get("alert.snooze"));
        private AlertRowViewModel bound;

        AlertCell() {
            fitWidth(this);
            getStyleClass().add("alert-cell");
            card.getStyleClass().add("alert-card");
            for (Label l : new Label[] {figures, detail, status}) {
                l.setWrapText(true);
                l.setMinWidth(0);
            }
            subject.setMinWidth(0);
            kind.setMinWidth(Region.USE_PREF_SIZE);
            // The working can be long (the safety-stock formula): the card shows what fits, a click all of it.
            details.attach(detail, () -> messages.get("flags.details.working"),
                    () -> bound == null ? null : texts.words(bound.detail()));
            VBox body = new VBox(2, new HBox(8, kind, subject), figures, detail, status);
            body.setMinWidth(0);
            HBox.setHgrow(body, Priority.ALWAYS);
            acknowledge.getStyleClass().add("small");
            snooze.getStyleClass().add("small");
            acknowledge.setOnAction(e -> {
                if (bound != null) {
                    viewModel.acknowledge(bound);
                }
            });
            for (var d : FlagsViewModel.SNOOZE_CHOICES) {
                MenuItem item = new MenuItem(texts.snooze(d));
                // The id's length part: "snooze-4h-…", "snooze-1d-…".
                item.setUserData(d.toHours() < 24 ? d.toHours() + "h" : d.toDays() + "d");
                item.setOnAction(e -> {
                    if (bound != null) {
                        viewModel.snooze(bound, d);
                    }
                });
                snooze.getItems().add(item);
            }
            VBox buttons = new VBox(4, acknowledge, snooze);
            buttons.setAlignment(Pos.TOP_RIGHT);
            buttons.setMinWidth(Region.USE_PREF_SIZE);
            acknowledge.disableProperty().bind(viewModel.lockedProperty());
            snooze.disableProperty().bind(viewModel.lockedProperty());
            readOnly(buttons);
            acknowledge.setMaxWidth(Double.MAX_VALUE);
            snooze.setMaxWidth(Double.MAX_VALUE);
            card.getChildren().setAll(body, buttons);
            groupHeader.getStyleClass().add("alert-group");
            groupHeader.setAlignment(Pos.CENTER_LEFT);
            groupHeader.setOnMouseClicked(e -> {
                if (group != null) {
                    viewModel.toggleGroup(group.kind());
                }
            });
        }

        @Override
        protected void updateItem(AlertLine line, boolean empty) {
            super.updateItem(line, empty);
            group = !empty && line instanceof AlertLine.Group g ? g : null;
            AlertRowViewModel item = !empty && line instanceof AlertRowViewModel a ? a : null;
            bound = item;
            setText(null);
            groupHeader.setId(null);
            if (group != null) {
                groupHeader.setId("alertGroup-" + group.kind().name());
                groupArrow.setText(group.collapsed() ? "▸" : "▾");
                groupKind.setText(texts.alertKind(group.kind()));
                groupCount.setText(Formats.quantity(group.shown(), messages));
                groupKind.pseudoClassStateChanged(SEVERE, AlertRowViewModel.SEVERITY.indexOf(group.kind()) <= 2);
                card.setId(null);
                acknowledge.setId(null);
                snooze.setId(null);
                detail.setId(null);
                setGraphic(groupHeader);
                return;
            }
            if (bound == null) {
                setGraphic(null);
                card.setId(null);
                acknowledge.setId(null);
                snooze.setId(null);
                detail.setId(null);
                return;
            }
            String id = idOf(bound.key());
            card.setId("alert-" + id);
            acknowledge.setId("ack-" + id);
            snooze.setId("snooze-" + id);
            for (MenuItem m : snooze.getItems()) {
                m.setId("snooze-" + m.getUserData() + "-" + id);
            }
            kind.setText(texts.alertKind(bound.kind()));
            subject.setText(bound.subject());
            // Units at risk on a SKU are weighed by its daily sales; sales not known say so.
            figures.setText(bound.unitsAtRisk() == null || bound.alert().sellerSku() == null ? texts.alertFigures(bound)
                    : bound.dailySales() == null ? messages.format("flags.alerts.figuresSalesUnknown",
                    texts.alertFigures(bound), Formats.quantity(bound.unitsAtRisk(), messages))
                    : messages.format("flags.alerts.figuresWithImpact", texts.alertFigures(bound),
                    Formats.quantity(bound.unitsAtRisk(), messages),
                    String.format(messages.locale(), "%.1f", bound.dailySales()), bound.salesDays()));
            String working = texts.words(bound.detail());
            detail.setText(working);
            detail.setId("alertDetail-" + id);
            show(detail, !working.isBlank());
            boolean acked = bound.isAcknowledged();
            status.setText(acked
                    ? messages.format("alert.acknowledged", Objects.requireNonNullElse(bound.acknowledgedBy(), Formats.UNKNOWN))
                    : messages.format("alert.raisedAt", Formats.beijingTime(bound.raisedAt())));
            show(acknowledge, !acked);
            card.pseudoClassStateChanged(ACKNOWLEDGED, acked);
            boolean severe = bound.severity() <= 2;
            card.pseudoClassStateChanged(SEVERE, severe);
            kind.pseudoClassStateChanged(SEVERE, severe);
            setGraphic(card);
        }
    }
}

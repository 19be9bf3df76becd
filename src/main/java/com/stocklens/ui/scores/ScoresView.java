package com.stocklens.ui.scores;

import com.stocklens.domain.WarehouseKpis;
import com.stocklens.domain.WarehouseProfile;
import com.stocklens.rules.score.Axis;
import com.stocklens.rules.score.AxisScore;
import com.stocklens.rules.score.BandLevel;
import com.stocklens.rules.score.Criterion;
import com.stocklens.rules.score.CriterionScore;
import com.stocklens.rules.score.Direction;
import com.stocklens.rules.score.ScoreWeights;
import com.stocklens.rules.score.Stage;
import com.stocklens.rules.score.StageGuide;
import com.stocklens.rules.score.WarehouseScore;
import com.stocklens.service.ReportFormat;
import com.stocklens.service.Scorecards;
import com.stocklens.ui.FxReadOnly;
import com.stocklens.ui.FxViewLoader;
import com.stocklens.ui.Messages;
import com.stocklens.ui.ScreenServices;
import com.stocklens.ui.ScreenView;
import java.io.File;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.DoubleConsumer;
import java.util.function.ToDoubleFunction;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * Controller of {@code ScoresView.fxml}: one card per warehouse (rank, total, three axis bars, TikTok
 * badges, measured KPIs coloured by band, "missing" where there is no value, an Explain toggle listing
 * every input with its band, score and weight), weight sliders that re-rank at once, and a side-by-side
 * grid of the 2–3 picked warehouses.
 */
public final class ScoresView implements ScreenView {
    private static final List<String> LEVELS = List.of("good", "fair", "poor", "missing", "thin");
    private static final int SLA_HOURS = 48;

    private final ScoresViewModel viewModel;
    private final Messages messages;
    private final NumberFormat one;

    @FXML private BorderPane scoresRoot;
    @FXML private Label selectionLabel;
    @FXML private Button compareButton;
    @FXML private Button importCsvButton;
    @FXML private Button addCandidateButton;
    @FXML private Button exportXlsx;
    @FXML private Button exportPdf;
    @FXML private Label stageLabel;
    @FXML private Label statusLabel;
    @FXML private ScrollPane cardScroll;
    @FXML private FlowPane cardPane;
    @FXML private VBox weightsPane;

    private final ListChangeListener<Object> redraw = c -> draw();
    /** Ctrl+N (Cmd+N): add a candidate, while this screen is in the window. */
    static final KeyCombination ADD_CANDIDATE = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);
    private final Runnable addShortcut = this::onAddCandidate;
    /** Slider → how to read its weight from the view model, so the sliders follow loads and resets. */
    private final Map<Slider, ToDoubleFunction<ScoreWeights>> sliders = new LinkedHashMap<>();
    /** Why nothing can change (a snapshot file is shown), or null. */
    private String readOnlyReason;

    /** How often at most the scorecards are read again after syncs: KPIs move slowly. */
    private static final Duration REREAD_AT_MOST_EVERY = Duration.ofSeconds(20);

    /** The warehouse scorecard screen ({@code Screen.SCORES}). */
    public static ScreenView screen(ScreenServices s) {
        ScoresViewModel vm = new ScoresViewModel(s.context().setup().scorecards(), s.context().reports().exports(),
                s.dialogs(), s.locale(), s.background(), s.ui());
        ScoresView view = FxViewLoader.load(new ScoresView(vm, s.messages()), s.messages().bundle());
        if (s.window().readOnlyProperty().get()) {
            view.showSnapshot(s.window().readOnlyReason());
        }
        vm.start(s.context().stock().syncEvents(), s.clock(), REREAD_AT_MOST_EVERY);
        return view;
    }

    public ScoresView(ScoresViewModel viewModel, Messages messages) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.one = NumberFormat.getNumberInstance(messages.locale());
        one.setMaximumFractionDigits(1);
    }

    @FXML
    private void initialize() {
        viewModel.ranked().addListener(redraw);
        viewModel.selected().addListener(redraw);
        viewModel.comparingProperty().addListener(o -> draw());
        viewModel.stageProperty().subscribe(this::showStage);
        buildWeights();
        // Fill the width: as many cards per row as fit, not FlowPane's default wrap length.
        cardPane.prefWrapLengthProperty().bind(cardScroll.widthProperty().subtract(24));
        var export = viewModel.export();
        exportXlsx.disableProperty().bind(export.busyProperty());
        exportPdf.disableProperty().bind(export.busyProperty());
        statusLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            String imported = viewModel.importResultProperty().get();
            String profile = viewModel.profileResultProperty().get();
            if (export.errorProperty().get() != null) {
                return messages.format("export.failed", export.errorProperty().get());
            }
            if (export.savedProperty().get() != null) {
                return messages.format("export.saved", export.savedProperty().get().toString());
            }
            if (viewModel.loadErrorProperty().get() != null) {
                return messages.format("scores.loadError", viewModel.loadErrorProperty().get());
            }
            if (profile != null) {
                int colon = profile.indexOf(':');
                String what = profile.substring(colon + 1);
                return switch (profile.substring(0, colon)) {
                    case "saved" -> messages.format("scores.profile.saved", what);
                    case "deleted" -> messages.format("scores.profile.deleted", what);
                    default -> messages.format("scores.profile.failed", what);
                };
            }
            if (imported != null) {
                return imported.startsWith("ok:") ? messages.format("scores.import.done", imported.substring(3))
                        : messages.format("scores.import.failed", imported.substring(4));
            }
            return "";
        }, export.errorProperty(), export.savedProperty(), viewModel.loadErrorProperty(), viewModel.importResultProperty(),
                viewModel.profileResultProperty()));
        statusLabel.visibleProperty().bind(statusLabel.textProperty().isNotEmpty());
        statusLabel.managedProperty().bind(statusLabel.visibleProperty());
        viewModel.weightsProperty().subscribe(this::showWeights);
        scoresRoot.sceneProperty().subscribe((before, now) -> {
            if (before != null) {
                before.getAccelerators().remove(ADD_CANDIDATE, addShortcut);
            }
            if (now != null) {
                now.getAccelerators().put(ADD_CANDIDATE, addShortcut);
            }
        });
        addCandidateButton.setTooltip(new Tooltip(messages.get("scores.addCandidate.tip")));
        draw();
    }

    public BorderPane root() {
        return scoresRoot;
    }

    /**
     * A snapshot file: the cards read from the file's own history, and nothing can be added, imported,
     * edited, deleted or re-weighted (the weights stay the file's).
     */
    public void showSnapshot(String why) {
        readOnlyReason = why;
        List<Node> weights = new ArrayList<>(sliders.keySet());
        weights.add(weightsPane.lookup("#resetWeightsButton"));
        FxReadOnly.lock(why, addCandidateButton, importCsvButton);
        FxReadOnly.lock(why, weights.toArray(Node[]::new));
        draw();
    }

    public void dispose() {
        Scene scene = scoresRoot.getScene();
        if (scene != null) {
            scene.getAccelerators().remove(ADD_CANDIDATE, addShortcut);
        }
        viewModel.ranked().removeListener(redraw);
        viewModel.selected().removeListener(redraw);
    }

    @Override
    public void refresh() {
        viewModel.refresh();
    }

    @Override
    public void close() {
        dispose();
        viewModel.close();
    }

    // ---- stage guide ------------------------------------------------------------------------------

    private void showStage(StageGuide g) {
        String facts = messages.format("scores.stage.facts", g.skus() == null ? "—" : g.skus().toString(),
                g.monthlyOrders() == null ? "—" : g.monthlyOrders().toString(), StageGuide.OWN_WMS_ORDERS);
        stageLabel.setText(facts + "  " + messages.get("scores.stage." + g.stage().name()));
        stageLabel.pseudoClassStateChanged(PseudoClass.getPseudoClass("unknown"), g.stage() == Stage.UNKNOWN);
    }

    // ---- weights ----------------------------------------------------------------------------------

    private void buildWeights() {
        Label title = new Label(messages.get("scores.weights"));
        title.getStyleClass().add("report-section-title");
        title.setWrapText(true);
        Button reset = new Button(messages.get("scores.weights.reset"));
        reset.setId("resetWeightsButton");
        reset.setOnAction(e -> viewModel.resetWeights());
        reset.setTooltip(new Tooltip(messages.get("scores.weights.reset.tip")));
        weightsPane.getChildren().addAll(title, reset);
        for (Axis a : Axis.values()) {
            weightsPane.getChildren().add(slider("weightAxis-" + a.name(), messages.get("scores.axis." + a.name()),
                    w -> viewModel.setWeight(a, w), true, w -> w.of(a)));
        }
        for (Axis a : Axis.values()) {
            VBox inner = new VBox(2);
            for (Criterion c : Criterion.values()) {
                if (c.axis() == a) {
                    inner.getChildren().add(slider("weightCriterion-" + c.name(), criterion(c),
                            w -> viewModel.setWeight(c, w), false, w -> w.of(c)));
                }
            }
            TitledPane pane = new TitledPane(messages.get("scores.axis." + a.name()), inner);
            pane.setExpanded(false);
            pane.setId("weightsGroup-" + a.name());
            weightsPane.getChildren().add(pane);
        }
        Label note = new Label(messages.get("scores.missingNote"));
        note.setWrapText(true);
        note.getStyleClass().add("scores-note");
        weightsPane.getChildren().add(note);
    }

    /** Moves the sliders to the view model's weights (after the stored ones load, or a reset). */
    private void showWeights(ScoreWeights w) {
        sliders.forEach((s, of) -> {
            if (s.getValue() != of.applyAsDouble(w)) {
                s.setValue(of.applyAsDouble(w));
            }
        });
    }

    private Node slider(String id, String label, DoubleConsumer onChange, boolean bold,
                        ToDoubleFunction<ScoreWeights> of) {
        Label name = new Label(label);
        name.setWrapText(true);
        if (bold) {
            name.getStyleClass().add("scores-axis-name");
        }
        double start = of.applyAsDouble(viewModel.weightsProperty().get());
        Label value = new Label(one.format(start));
        Slider s = new Slider(0, 5, start);
        sliders.put(s, of);
        s.setId(id);
        s.setBlockIncrement(0.5);
        s.setMajorTickUnit(1);
        s.setMinorTickCount(1);
        s.setSnapToTicks(true);
        s.valueProperty().addListener((o, old, now) -> {
            value.setText(one.format(now.doubleValue()));
            onChange.accept(now.doubleValue());
        });
        HBox row = new HBox(6, s, value);
        HBox.setHgrow(s, Priority.ALWAYS);
        return new VBox(0, name, row);
    }

    // ---- cards and comparison ---------------------------------------------------------------------

    private void draw() {
        int picked = viewModel.selected().size();
        selectionLabel.setText(messages.format("scores.selected", picked, ScoresViewModel.MAX_COMPARE));
        compareButton.setText(messages.get(viewModel.comparingProperty().get() ? "scores.compare.back" : "scores.compare"));
        compareButton.setId("compareButton");
        compareButton.setDisable(!viewModel.comparingProperty().get() && picked < 2);
        if (viewModel.comparingProperty().get()) {
            cardScroll.setContent(comparison());
        } else {
            cardPane.getChildren().clear();
            for (WarehouseScore s : viewModel.ranked()) {
                cardPane.getChildren().add(card(s));
            }
            cardScroll.setContent(cardPane);
        }
    }

    private VBox card(WarehouseScore s) {
        Scorecards.Entry e = viewModel.entry(s.id());
        WarehouseProfile p = e.profile();
        Label rank = new Label("#" + s.rank());
        rank.getStyleClass().add("scores-rank");
        Label name = new Label(p.name());
        name.getStyleClass().add("scores-name");
        name.setWrapText(true);
        Label total = new Label(one.format(s.total()));
        total.getStyleClass().add("scores-total");
        total.setId("total-" + nodeId(s.id()));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox head = new HBox(6, rank, name, grow, total);
        head.setAlignment(Pos.CENTER_LEFT);
        Label kind = new Label(messages.get(!e.connected() ? "scores.candidate"
                : readOnlyReason != null ? "scores.connected.snapshot" : "scores.connected"));
        kind.getStyleClass().add("scores-kind");

        FlowPane badges = new FlowPane(4, 4);
        badge(badges, "scores.badge.apiReady", p.apiReady());
        badge(badges, "scores.badge.certified", p.certified());
        badge(badges, "scores.badge.sla48", p.outboundSlaHours() == null ? null : p.meetsSla(SLA_HOURS));
        badge(badges, "scores.badge.localReturns", p.localReturns());

        VBox axes = new VBox(2);
        for (Axis a : Axis.values()) {
            AxisScore as = s.axis(a);
            Label l = new Label(messages.get("scores.axis." + a.name()));
            l.setMinWidth(112);
            l.setPrefWidth(112);
            ProgressBar bar = new ProgressBar(as.score() / 100.0);
            bar.setPrefWidth(110);
            bar.setId("axis-" + a.name() + "-" + nodeId(s.id()));
            Label v = new Label(one.format(as.score()));
            axes.getChildren().add(new HBox(6, l, bar, v));
        }

        GridPane kpis = new GridPane();
        kpis.setHgap(8);
        kpis.setVgap(1);
        kpis.getStyleClass().add("scores-kpis");
        int row = 0;
        for (CriterionScore c : s.criteria()) {
            if (!c.criterion().measured()) {
                continue;
            }
            kpis.add(new Label(criterion(c.criterion())), 0, row);
            kpis.add(valueLabel(c, s.id()), 1, row);
            row++;
        }
        WarehouseKpis k = e.kpis();
        if (k.history() != null) {
            // What the measured figures rest on; too few days and they are shown, not scored.
            kpis.add(new Label(messages.get("scores.kpi.history")), 0, row);
            Label history = plain(messages.format("scores.kpi.history.value", k.history().days(),
                    k.history().ofDays()));
            history.setId("history-" + nodeId(s.id()));
            level(history, k.thinHistory() ? BandLevel.INSUFFICIENT_HISTORY : BandLevel.GOOD);
            kpis.add(history, 1, row++);
        }
        if (k.ages() != null && k.ages().unitPercent() != null) {
            kpis.add(new Label(messages.get("scores.kpi.ageKnown")), 0, row);
            Label known = plain(one.format(k.ages().unitPercent()) + "%");
            known.setId("ageKnown-" + nodeId(s.id()));
            kpis.add(known, 1, row++);
        }
        kpis.add(new Label(messages.get("scores.kpi.stalenessP50")), 0, row);
        kpis.add(plain(k.stalenessP50Minutes() == null ? messages.get("scores.missing")
                : one.format(k.stalenessP50Minutes()) + " " + messages.get("scores.unit.min")), 1, row++);
        kpis.add(new Label(messages.get("scores.kpi.storageCost")), 0, row);
        kpis.add(plain(k.projectedStorageCost() == null ? messages.get("scores.missing")
                : money(k.projectedStorageCost(), p.currency())), 1, row);

        VBox explain = explanation(s);
        explain.setVisible(false);
        explain.setManaged(false);
        ToggleButton explainButton = new ToggleButton(messages.get("scores.explain"));
        explainButton.setId("explain-" + nodeId(s.id()));
        explain.visibleProperty().bind(explainButton.selectedProperty());
        explain.managedProperty().bind(explainButton.selectedProperty());
        CheckBox pick = new CheckBox(messages.get("scores.pick"));
        pick.setId("pick-" + nodeId(s.id()));
        pick.setSelected(viewModel.selected().contains(s.id()));
        pick.setOnAction(ev -> viewModel.toggleSelected(s.id()));
        Button edit = new Button(messages.get("scores.edit"));
        edit.setId("edit-" + nodeId(s.id()));
        edit.setOnAction(ev -> viewModel.editProfile(s.id()));
        FlowPane actions = new FlowPane(8, 4, pick, explainButton, edit);
        if (viewModel.deletable(s.id())) {
            Button delete = new Button(messages.get("scores.delete"));
            delete.setId("delete-" + nodeId(s.id()));
            delete.getStyleClass().add("scores-delete");
            delete.setOnAction(ev -> viewModel.deleteCandidate(s.id()));
            actions.getChildren().add(delete);
        }
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.setPrefWrapLength(268);
        if (readOnlyReason != null) {
            FxReadOnly.lock(readOnlyReason, actions.getChildren().stream().filter(n -> n.getId() != null
                    && (n.getId().startsWith("edit-") || n.getId().startsWith("delete-"))).toArray(Node[]::new));
        }

        VBox card = new VBox(5, head, kind, badges, axes, kpis, actions, explain);
        card.getStyleClass().add("scores-card");
        card.setId("card-" + nodeId(s.id()));
        // 288, not 300: three cards side by side fit a 1366-pixel window beside the weights.
        card.setPrefWidth(288);
        card.pseudoClassStateChanged(PseudoClass.getPseudoClass("picked"), viewModel.selected().contains(s.id()));
        card.setOnMouseClicked(ev -> {
            if (ev.getButton() == MouseButton.PRIMARY && ev.getClickCount() == 2 && !onControl(ev.getTarget(), card)) {
                viewModel.editProfile(s.id());
            }
        });
        return card;
    }

    /**
     * A warehouse id as a node id: ids like "shipbob:228" hold characters a CSS selector reads as syntax
     * ("#card-shipbob:228" would look for a pseudo-class), so anything but letters, digits, '-' and '_'
     * becomes '_' ("card-shipbob_228").
     */
    static String nodeId(String id) {
        return id.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /** True when a click landed on a button or check box inside the card (those act on their own). */
    private static boolean onControl(Object target, Node card) {
        for (Node n = target instanceof Node node ? node : null; n != null && n != card; n = n.getParent()) {
            if (n instanceof ButtonBase) {
                return true;
            }
        }
        return false;
    }

    private void badge(FlowPane pane, String key, Boolean on) {
        Label b = new Label((on == null ? "? " : on ? "✓ " : "✗ ") + messages.get(key));
        b.getStyleClass().add("scores-badge");
        b.pseudoClassStateChanged(PseudoClass.getPseudoClass(on == null ? "missing" : on ? "good" : "poor"), true);
        pane.getChildren().add(b);
    }

    private VBox explanation(WarehouseScore s) {
        VBox box = new VBox(2);
        box.getStyleClass().add("scores-explain");
        for (Axis a : Axis.values()) {
            AxisScore as = s.axis(a);
            Label head = new Label(messages.format("scores.explain.axis", messages.get("scores.axis." + a.name()),
                    one.format(as.score()), one.format(as.share() * 100)));
            head.getStyleClass().add("scores-axis-name");
            head.setWrapText(true);
            box.getChildren().add(head);
            for (CriterionScore c : as.criteria()) {
                Label line = new Label(messages.format("scores.explain.line", criterion(c.criterion()),
                        c.value() == null ? messages.get("scores.missing") : value(c.criterion(), c.value()),
                        messages.get("scores.band." + c.level().name()), one.format(c.score()),
                        one.format(c.share() * 100)));
                line.setWrapText(true);
                line.getStyleClass().add("scores-explain-line");
                level(line, c.level());
                box.getChildren().add(line);
            }
        }
        return box;
    }

    /**
     * A criterion as shown: "— missing" without a value; else the value and its band, "too little history" for a
     * measured value resting on too few days (shown, scored as missing).
     */
    private String shown(CriterionScore c) {
        return c.value() == null ? messages.get("scores.missing")
                : value(c.criterion(), c.value()) + " · " + messages.get("scores.band." + c.level().name());
    }

    private Label valueLabel(CriterionScore c, String id) {
        Label v = new Label(shown(c));
        v.setId("kpi-" + c.criterion().name() + "-" + nodeId(id));
        v.getStyleClass().add("scores-kpi-value");
        level(v, c.level());
        Tooltip.install(v, new Tooltip(band(c)));
        return v;
    }

    private static Label plain(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("scores-kpi-value");
        return l;
    }

    private static void level(Node n, BandLevel level) {
        for (BandLevel l : BandLevel.values()) {
            n.pseudoClassStateChanged(PseudoClass.getPseudoClass(LEVELS.get(l.ordinal())), l == level);
        }
    }

    private String band(CriterionScore c) {
        if (c.criterion().direction() == Direction.YES) {
            return messages.get("scores.band.yes");
        }
        return messages.format("scores.band.range", value(c.criterion(), c.band().good()), value(c.criterion(), c.band().poor()));
    }

    private GridPane comparison() {
        GridPane g = new GridPane();
        g.setId("comparisonGrid");
        g.getStyleClass().add("scores-compare");
        g.setHgap(16);
        g.setVgap(3);
        List<WarehouseScore> shown = viewModel.compared();
        List<List<String>> table = comparisonTable(shown);
        for (int r = 0; r < table.size(); r++) {
            for (int c = 0; c < table.get(r).size(); c++) {
                Label l = new Label(table.get(r).get(c));
                if (r == 0 || c == 0) {
                    l.getStyleClass().add("scores-axis-name");
                }
                if (r > 0 && c > 0) {
                    BandLevel level = levelAt(shown.get(c - 1), r);
                    if (level != null) {
                        level(l, level);
                    }
                }
                g.add(l, c, r);
            }
        }
        return g;
    }

    /** Rows: header, total, rank, 3 axes, then each criterion (same order as {@link #levelAt}). */
    private List<List<String>> comparisonTable(List<WarehouseScore> shown) {
        List<List<String>> rows = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of(messages.get("scores.column.criterion")));
        shown.forEach(s -> head.add(s.name()));
        rows.add(head);
        List<String> total = new ArrayList<>(List.of(messages.get("scores.total")));
        shown.forEach(s -> total.add(one.format(s.total())));
        rows.add(total);
        List<String> rank = new ArrayList<>(List.of(messages.get("scores.rank")));
        shown.forEach(s -> rank.add("#" + s.rank()));
        rows.add(rank);
        for (Axis a : Axis.values()) {
            List<String> r = new ArrayList<>(List.of(messages.get("scores.axis." + a.name())));
            shown.forEach(s -> r.add(one.format(s.axis(a).score())));
            rows.add(r);
        }
        for (Criterion c : Criterion.values()) {
            List<String> r = new ArrayList<>(List.of(criterion(c)));
            shown.forEach(s -> {
                CriterionScore cs = s.criterion(c);
                r.add(shown(cs));
            });
            rows.add(r);
        }
        return rows;
    }

    private static BandLevel levelAt(WarehouseScore s, int row) {
        int first = 6;
        return row < first ? null : s.criterion(Criterion.values()[row - first]).level();
    }

    private void export(ReportFormat format) {
        List<WarehouseScore> shown = viewModel.compared().isEmpty() ? viewModel.ranked() : viewModel.compared();
        List<List<String>> table = comparisonTable(shown);
        List<List<Object>> rows = new ArrayList<>();
        for (List<String> r : table.subList(1, table.size())) {
            rows.add(new ArrayList<>(r));
        }
        viewModel.exportComparison(format, messages.get("scores.export.title"), table.get(0), rows);
    }

    @FXML
    private void onCompare() {
        viewModel.compare(!viewModel.comparingProperty().get());
    }

    @FXML
    private void onExportXlsx() {
        export(ReportFormat.XLSX);
    }

    @FXML
    private void onExportPdf() {
        export(ReportFormat.PDF);
    }

    @FXML
    private void onAddCandidate() {
        viewModel.addCandidate();
    }

    @FXML
    private void onImportCsv() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("scores.importCsv"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File f = chooser.showOpenDialog(scoresRoot.getScene() == null ? null : scoresRoot.getScene().getWindow());
        if (f != null) {
            viewModel.importCsv(f.toPath());
        }
    }

    // ---- formatting -------------------------------------------------------------------------------

    private String criterion(Criterion c) {
        return messages.get("scores.criterion." + c.name());
    }

    private String value(Criterion c, Double v) {
        if (v == null) {
            return messages.get("scores.missing");
        }
        return switch (c) {
            case OUTBOUND_SLA_HOURS, DOCK_TO_STOCK_HOURS, RETURNS_QC_HOURS -> one.format(v) + " " + messages.get("scores.unit.h");
            case STALENESS_P95_MINUTES -> one.format(v) + " " + messages.get("scores.unit.min");
            case STOCKOUT_RATE, OVER_180_SHARE, SYNC_FAILURE_SHARE -> one.format(v * 100) + "%";
            case STORAGE_FEE, PICK_PACK_FEE -> money(v, "USD");
            case LOCAL_RETURNS, API_READY, CERTIFIED -> messages.get(v >= 0.5 ? "scores.yes" : "scores.no");
            default -> one.format(v);
        };
    }

    private String money(double v, String currency) {
        NumberFormat two = NumberFormat.getNumberInstance(messages.locale());
        two.setMinimumFractionDigits(2);
        two.setMaximumFractionDigits(2);
        return (currency == null || "USD".equals(currency) ? "$" : currency + " ") + two.format(v);
    }
}

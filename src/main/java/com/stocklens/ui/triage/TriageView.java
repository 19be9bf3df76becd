package com.stocklens.ui.triage;

import com.stocklens.domain.BeijingTime;
import com.stocklens.rules.Urgency;
import com.stocklens.service.TriageDigest;
import com.stocklens.service.TriageItem;
import com.stocklens.service.TriageSection;
import com.stocklens.ui.Formats;
import com.stocklens.ui.FxTheme;
import com.stocklens.ui.Messages;
import com.stocklens.ui.ScreenServices;
import com.stocklens.ui.ScreenView;
import com.stocklens.ui.flags.FlagTexts;
import com.stocklens.ui.flags.FlagsView;
import com.stocklens.ui.flags.TaskRowViewModel;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.WeakInvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.textfield.TextFields;

/**
 * The triage screen on screen: one block per part (calibrations, orders at risk, stale sources), each line
 * with its rank, kind, what it is about, why in figures, and where to go; then the digest, one folded pane
 * per kind with its count, a filter and "open the list". Decides nothing: order, counts and filters come
 * from the {@link TriageViewModel}.
 */
public final class TriageView implements ScreenView {
    private static final DateTimeFormatter DEADLINE_TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(BeijingTime.ZONE);

    private final TriageViewModel viewModel;
    private final Messages messages;
    private final FlagTexts texts;
    private final BorderPane root = new BorderPane();
    private final Label summary = new Label();
    private final VBox calibrations = section("triageCalibrations");
    private final VBox atRisk = section("triageAtRisk");
    private final VBox stale = section("triageStale");
    private final VBox digest = section("triageDigest");
    private final Label empty = new Label();
    private final Map<String, TitledPane> digestPanes = new HashMap<>();
    private final List<Runnable> unbind = new ArrayList<>();

    /** The window's triage screen ({@code Screen.TRIAGE}) over the shell's red flags. */
    public static ScreenView screen(ScreenServices s) {
        return new TriageView(new TriageViewModel(s.window().flags(), s.window()), s.messages());
    }

    public TriageView(TriageViewModel viewModel, Messages messages) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.texts = new FlagTexts(messages);
        root.setId("triageRoot");
        root.getStyleClass().add("triage-view");
        FxTheme.style(root);

        Label title = new Label(messages.get("triage.title"));
        title.setId("triageTitle");
        title.getStyleClass().add("triage-title");
        summary.setId("triageSummary");
        summary.getStyleClass().add("triage-summary");
        HBox header = new HBox(12, title, summary);
        header.setAlignment(Pos.BASELINE_LEFT);
        header.getStyleClass().add("triage-header");
        root.setTop(header);

        empty.setId("triageEmpty");
        empty.getStyleClass().add("triage-empty");
        empty.setText(messages.get("triage.empty"));
        empty.setWrapText(true);
        VBox body = new VBox(14, empty, calibrations, atRisk, stale, digest);
        body.getStyleClass().add("triage-body");
        ScrollPane scroll = new ScrollPane(body);
        scroll.setId("triageScroll");
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("triage-scroll");
        root.setCenter(scroll);

        listen(viewModel.calibrations(), o -> renderCalibrations());
        listen(viewModel.atRisk(), o -> renderAlerts(atRisk, viewModel.atRisk(), "triage.section.atRisk"));
        listen(viewModel.stale(), o -> renderAlerts(stale, viewModel.stale(), "triage.section.stale"));
        listen(viewModel.digest(), o -> renderDigest());
        listen(viewModel.actNowCountProperty(), o -> renderSummary());
        listen(viewModel.digestCountProperty(), o -> renderSummary());
        renderCalibrations();
        renderAlerts(atRisk, viewModel.atRisk(), "triage.section.atRisk");
        renderAlerts(stale, viewModel.stale(), "triage.section.stale");
        renderDigest();
        renderSummary();
    }

    private static VBox section(String id) {
        VBox box = new VBox(6);
        box.setId(id);
        box.getStyleClass().add("triage-section");
        return box;
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void close() {
        unbind.forEach(Runnable::run);
        unbind.clear();
        viewModel.close();
    }

    private void listen(Observable o, InvalidationListener l) {
        o.addListener(l);
        unbind.add(() -> o.removeListener(l));
    }

    private void renderSummary() {
        int act = viewModel.actNowCountProperty().get();
        summary.setText(messages.format("triage.summary", act, viewModel.digestCountProperty().get()));
        empty.setVisible(act == 0);
        empty.setManaged(act == 0);
    }

    private Label heading(String key, int count) {
        Label h = new Label(messages.format(key, count));
        h.getStyleClass().add("triage-section-title");
        return h;
    }

    private static void show(Node node, boolean visible) {
        node.setVisible(visible);
        node.setManaged(visible);
    }

    // ---- calibrations -----------------------------------------------------------------------------

    private void renderCalibrations() {
        List<Node> rows = new ArrayList<>();
        rows.add(heading("triage.section.calibration", viewModel.calibrations().size()));
        for (TriageItem item : viewModel.calibrations()) {
            rows.add(calibrationRow(item));
        }
        calibrations.getChildren().setAll(rows);
        show(calibrations, !viewModel.calibrations().isEmpty());
    }

    private Node calibrationRow(TriageItem item) {
        Label countdown = new Label();
        countdown.getStyleClass().add("triage-countdown");
        countdown.setMinWidth(Region.USE_PREF_SIZE);
        Label deadline = new Label(messages.format("flags.task.deadline", DEADLINE_TIME.format(item.deadline())));
        deadline.getStyleClass().add("triage-deadline");
        VBox clock = new VBox(2, countdown, deadline);
        clock.getStyleClass().add("triage-clock");
        HBox row = row(item, clock, messages.format("triage.calibration.figures",
                Formats.quantity(item.actual(), messages), Formats.quantity(item.limit(), messages),
                Formats.signed(item.limit() == null || item.actual() == null ? null : item.limit() - item.actual(),
                        messages)));
        TaskRowViewModel task = viewModel.task(item).orElse(null);
        if (task != null) {
            countdown.textProperty().bind(task.countdownProperty());
            InvalidationListener urgency = o -> {
                Urgency u = task.getUrgency();
                FlagsView.showUrgency(row, u, task.isDeclared());
                FlagsView.showUrgency(countdown, u, task.isDeclared());
            };
            task.urgencyProperty().addListener(urgency);
            urgency.invalidated(null);
        }
        Button declare = new Button(messages.get("flags.task.declare"));
        declare.setId("triageDeclare-" + item.taskId());
        declare.getStyleClass().add("declare-button");
        declare.setOnAction(e -> viewModel.declare(item));
        declare.disableProperty().bind(viewModel.canActBinding().not());
        actions(row).getChildren().add(0, readOnlyWrap(declare));
        return row;
    }

    /** A disabled button shows no tooltip; its wrapper says why it is off. */
    private Node readOnlyWrap(Button button) {
        StackPane wrap = new StackPane(button);
        Tooltip why = new Tooltip();
        InvalidationListener l = o -> {
            why.setText(messages.get(viewModel.whyNotKey()));
            if (viewModel.canActBinding().get()) {
                Tooltip.uninstall(wrap, why);
            } else {
                Tooltip.install(wrap, why);
            }
        };
        wrap.getProperties().put("readOnlyListener", l);
        viewModel.canActBinding().addListener(new WeakInvalidationListener(l));
        l.invalidated(null);
        return wrap;
    }

    // ---- orders at risk and stale sources ---------------------------------------------------------

    private void renderAlerts(VBox box, List<TriageItem> items, String titleKey) {
        List<Node> rows = new ArrayList<>();
        rows.add(heading(titleKey, items.size()));
        for (TriageItem item : items) {
            // A stale source puts no unit at risk: it keeps lines from being checked.
            boolean blocks = item.section() == TriageSection.STALE;
            Label units = new Label(blocks
                    ? messages.format("triage.blocks", Formats.quantity(item.blockedLines(), messages))
                    : item.unitsAtRisk() == null ? Formats.UNKNOWN
                    : messages.format("triage.units", Formats.quantity(item.unitsAtRisk(), messages)));
            units.getStyleClass().add("triage-units");
            Label sales = new Label(blocks ? messages.format("triage.blocksUnits",
                    Formats.quantity(item.unitsAtRisk(), messages)) : impact(item));
            sales.getStyleClass().add("triage-impact");
            // The block is one width on every line (app.css), so the kinds beside it line up; a long sales
            // line ("1.5 sold a day over 28 days · impact 15") wraps inside it instead of pushing them right.
            sales.setWrapText(true);
            VBox figure = new VBox(2, units, sales);
            figure.getStyleClass().add("triage-clock");
            rows.add(row(item, figure, texts.figures(item.alertKind(), item.actual(), item.limit())));
        }
        box.getChildren().setAll(rows);
        show(box, !items.isEmpty());
    }

    /**
     * "日销 5.6（28 天）· 影响 50" for an order at risk; "日销未知" when its SKU's sales are not known; nothing for a
     * line without a SKU.
     */
    private String impact(TriageItem item) {
        if (item.dailySales() == null) {
            return item.sellerSku() == null ? "" : messages.get("triage.salesUnknown");
        }
        return messages.format("triage.impact", String.format(messages.locale(), "%.1f", item.dailySales()),
                Formats.quantity(Math.round(item.impact() == null ? 0 : item.impact()), messages), item.salesDays());
    }

    /**
     * One line: rank, the figure block, what it is about (kind, SKU and name, warehouse), its figures, and
     * "open". The caller may put more buttons before "open".
     */
    private HBox row(TriageItem item, Node figure, String figures) {
        Label rank = new Label(Integer.toString(item.rank()));
        rank.getStyleClass().add("triage-rank");
        rank.setMinWidth(Region.USE_PREF_SIZE);
        Label kind = new Label(item.alertKind() == null ? messages.get("triage.kind.calibration")
                : texts.alertKind(item.alertKind()));
        kind.getStyleClass().add("triage-kind");
        kind.setMinWidth(Region.USE_PREF_SIZE);
        Label subject = new Label(subject(item));
        subject.getStyleClass().add("triage-subject");
        subject.setMinWidth(0);
        subject.setTooltip(new Tooltip(subject.getText()));
        HBox title = new HBox(8, kind, subject);
        title.setAlignment(Pos.BASELINE_LEFT);
        String place = where(item);
        Label where = new Label(place.isEmpty() ? figures : figures + "  ·  " + place);
        where.getStyleClass().add("triage-where");
        where.setMinWidth(0);
        VBox text = new VBox(3, title, where);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        Hyperlink open = new Hyperlink(messages.get("triage.open"));
        open.setId("triageOpen-" + item.rank());
        open.setOnAction(e -> viewModel.open(item));
        HBox actions = new HBox(8, open);
        actions.getStyleClass().add("triage-actions");
        actions.setAlignment(Pos.CENTER_RIGHT);
        actions.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(14, rank, figure, text, actions);
        row.setId("triageItem-" + item.rank());
        row.getStyleClass().addAll("triage-row", "triage-" + item.section().name().toLowerCase(Locale.ROOT));
        row.setAlignment(Pos.CENTER_LEFT);
        row.setUserData(item);
        return row;
    }

    private static HBox actions(HBox row) {
        return (HBox) row.getChildren().get(row.getChildren().size() - 1);
    }

    private String subject(TriageItem item) {
        if (item.sellerSku() == null) {
            return Objects.requireNonNullElse(item.sourceName(), Objects.requireNonNullElse(item.sourceId(), ""));
        }
        return item.skuName() == null || item.skuName().isBlank() ? item.sellerSku()
                : item.sellerSku() + "  " + item.skuName();
    }

    private String where(TriageItem item) {
        if (item.warehouseName() != null) {
            return item.warehouseName();
        }
        return Objects.requireNonNullElse(item.warehouseId(), "");
    }

    // ---- the digest ---------------------------------------------------------------------------------

    private void renderDigest() {
        List<Node> nodes = new ArrayList<>();
        nodes.add(heading("triage.section.digest", viewModel.digestCountProperty().get()));
        for (TriageDigest group : viewModel.digest()) {
            String kind = group.kind().name();
            TitledPane pane = digestPanes.computeIfAbsent(kind, k -> digestPane(group));
            pane.setUserData(group);
            pane.setText(messages.format("triage.digest.kind", texts.alertKind(group.kind()),
                    Formats.quantity(group.count(), messages)));
            renderDigestLines(pane);
            nodes.add(pane);
        }
        digest.getChildren().setAll(nodes);
        show(digest, !viewModel.digest().isEmpty());
    }

    private TitledPane digestPane(TriageDigest first) {
        TextField filter = TextFields.createClearableTextField();
        filter.setId("triageFilter-" + first.kind().name());
        filter.setPromptText(messages.get("triage.digest.filter"));
        filter.textProperty().bindBidirectional(viewModel.filterProperty(first.kind()));
        Hyperlink openList = new Hyperlink(messages.get("triage.digest.openList"));
        openList.setId("triageOpenList-" + first.kind().name());
        openList.setOnAction(e -> viewModel.openList(first.kind()));
        Label more = new Label();
        more.getStyleClass().add("triage-more");
        HBox bar = new HBox(10, filter, openList, more);
        bar.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(filter, Priority.SOMETIMES);
        VBox lines = new VBox(4);
        lines.getStyleClass().add("triage-digest-lines");
        VBox content = new VBox(8, bar, lines);
        TitledPane pane = new TitledPane("", content);
        pane.setId("triageDigest-" + first.kind().name());
        pane.getStyleClass().add("triage-digest");
        pane.setExpanded(false);
        pane.setAnimated(false);
        pane.getProperties().put("lines", lines);
        pane.getProperties().put("more", more);
        InvalidationListener refilter = o -> renderDigestLines(pane);
        viewModel.filterProperty(first.kind()).addListener(refilter);
        unbind.add(() -> viewModel.filterProperty(first.kind()).removeListener(refilter));
        return pane;
    }

    private void renderDigestLines(TitledPane pane) {
        TriageDigest group = (TriageDigest) pane.getUserData();
        VBox lines = (VBox) pane.getProperties().get("lines");
        Label more = (Label) pane.getProperties().get("more");
        TriageViewModel.Shown shown = viewModel.digestLines(group);
        List<Node> nodes = new ArrayList<>();
        for (TriageItem item : shown.lines()) {
            Label line = new Label(subject(item) + "  ·  " + where(item) + "  ·  "
                    + texts.figures(item.alertKind(), item.actual(), item.limit()));
            line.getStyleClass().add("triage-digest-line");
            line.setMinWidth(0);
            nodes.add(line);
        }
        lines.getChildren().setAll(nodes);
        more.setText(shown.passed() > shown.lines().size()
                ? messages.format("triage.digest.more",
                        Formats.quantity(shown.passed() - shown.lines().size(), messages))
                : "");
    }
}

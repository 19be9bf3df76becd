package com.stocklens.ui.codes;

import com.stocklens.domain.CodeCheckResult;
import com.stocklens.domain.CodeFinding;
import com.stocklens.service.ReportFormat;
import com.stocklens.ui.FxViewLoader;
import com.stocklens.ui.Messages;
import com.stocklens.ui.ScreenServices;
import com.stocklens.ui.ScreenView;
import com.stocklens.ui.UiContext;
import java.text.NumberFormat;
import java.util.Objects;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.BorderPane;

/**
 * Controller of {@code CodesView.fxml}: shows the {@link CodesViewModel}'s check as a tree of kinds
 * (with counts) over their findings, the mismatch rate, and the first-of-month reminder.
 */
public final class CodesView implements ScreenView {
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    private final CodesViewModel viewModel;
    private final Messages messages;
    private final NumberFormat oneDecimal;

    @FXML private BorderPane codesRoot;
    @FXML private Label checkDayBanner;
    @FXML private Label mismatchLabel;
    @FXML private ProgressIndicator runProgress;
    @FXML private Button runCheck;
    @FXML private Button exportXlsx;
    @FXML private Button exportCsv;
    @FXML private Label errorLabel;
    @FXML private Label exportStatus;
    @FXML private TreeView<String> findingTree;

    private final ListChangeListener<FindingGroup> groupsListener = c -> drawTree();

    /** The three-code check screen ({@code Screen.CODES}). */
    public static ScreenView screen(ScreenServices s) {
        UiContext.Reports reports = s.context().reports();
        CodesViewModel vm = new CodesViewModel(reports.codes(), reports.exports(), s.dialogs(), s.clock(), s.locale(),
                s.background(), s.ui());
        return FxViewLoader.load(new CodesView(vm, s.messages()), s.messages().bundle());
    }

    public CodesView(CodesViewModel viewModel, Messages messages) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.oneDecimal = NumberFormat.getNumberInstance(messages.locale());
        oneDecimal.setMinimumFractionDigits(1);
        oneDecimal.setMaximumFractionDigits(1);
    }

    @FXML
    private void initialize() {
        checkDayBanner.visibleProperty().bind(viewModel.checkDayProperty());
        checkDayBanner.managedProperty().bind(viewModel.checkDayProperty());
        mismatchLabel.textProperty().bind(viewModel.resultProperty().map(this::summary)
                .orElse(messages.get("codes.notRun")));
        runCheck.disableProperty().bind(viewModel.runningProperty());
        runProgress.visibleProperty().bind(viewModel.runningProperty().or(viewModel.export().busyProperty()));
        runProgress.managedProperty().bind(runProgress.visibleProperty());
        errorLabel.textProperty().bind(viewModel.runErrorProperty().map(e -> messages.format("codes.runError", e)).orElse(""));
        errorLabel.visibleProperty().bind(viewModel.runErrorProperty().isNotNull());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        var export = viewModel.export();
        var disabled = export.busyProperty().or(viewModel.resultProperty().isNull());
        exportXlsx.disableProperty().bind(disabled);
        exportCsv.disableProperty().bind(disabled);
        exportStatus.textProperty().bind(Bindings.createStringBinding(() ->
                export.errorProperty().get() != null ? messages.format("export.failed", export.errorProperty().get())
                        : export.savedProperty().get() != null
                        ? messages.format("export.saved", export.savedProperty().get().toString()) : "",
                export.errorProperty(), export.savedProperty()));
        exportStatus.visibleProperty().bind(exportStatus.textProperty().isNotEmpty());
        exportStatus.managedProperty().bind(exportStatus.visibleProperty());
        export.errorProperty().subscribe(e -> exportStatus.pseudoClassStateChanged(FAILED, e != null));
        findingTree.setRoot(new TreeItem<>());
        viewModel.groups().addListener(groupsListener);
        drawTree();
    }

    private String summary(CodeCheckResult r) {
        if (r.isClean()) {
            return messages.format("codes.clean", r.skus());
        }
        return messages.format("codes.summary", oneDecimal.format(r.mismatchRate()), r.flaggedSkus(), r.skus(),
                r.findings().size());
    }

    private void drawTree() {
        TreeItem<String> root = findingTree.getRoot();
        root.getChildren().clear();
        for (FindingGroup g : viewModel.groups()) {
            TreeItem<String> kind = new TreeItem<>(messages.format("codes.kind.count",
                    messages.get("codes.kind." + g.kind().name()), g.size()));
            for (CodeFinding f : g.findings()) {
                String lines = f.lines().isEmpty() ? ""
                        : messages.format("codes.lines", f.lines().stream().map(String::valueOf)
                                .collect(Collectors.joining(", ")));
                kind.getChildren().add(new TreeItem<>(messages.format("codes.finding",
                        f.sellerSku() == null ? "—" : f.sellerSku(), f.detail() == null ? "" : f.detail().in(messages.locale()), lines)));
            }
            kind.setExpanded(true);
            root.getChildren().add(kind);
        }
    }

    /** The root of the screen. */
    public BorderPane root() {
        return codesRoot;
    }

    /** Unsubscribes from the view model's lists. */
    public void dispose() {
        viewModel.groups().removeListener(groupsListener);
    }

    /** Re-reads the calendar each time, so a window left open overnight notices the check day. */
    @Override
    public void shown() {
        viewModel.updateCheckDay();
    }

    @Override
    public void close() {
        dispose();
        viewModel.close();
    }

    @FXML
    private void onRun() {
        viewModel.run();
    }

    @FXML
    private void onExportXlsx() {
        viewModel.exportTo(ReportFormat.XLSX);
    }

    @FXML
    private void onExportCsv() {
        viewModel.exportTo(ReportFormat.CSV);
    }
}

package com.stocklens.ui.push;

import com.stocklens.service.PushPlan;
import com.stocklens.service.PushRecord;
import com.stocklens.ui.Messages;
import com.stocklens.ui.push.PushPlanViewModel.Phase;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;

/** Controller of {@code PushPlanView.fxml}: binds the plan, the progress and the outcome; decides nothing. */
public final class PushPlanView {
    static final PseudoClass REFUSED = PseudoClass.getPseudoClass("refused");

    private final PushPlanViewModel viewModel;
    private final Messages messages;
    private final PushTexts texts;

    @FXML private VBox pushPlanRoot;
    @FXML private Label planSummary;
    @FXML private Label planError;
    @FXML private ProgressBar sendProgress;
    @FXML private TableView<PushRowViewModel> itemsTable;
    @FXML private TableColumn<PushRowViewModel, String> skuColumn;
    @FXML private TableColumn<PushRowViewModel, String> warehouseColumn;
    @FXML private TableColumn<PushRowViewModel, String> changeColumn;
    @FXML private TableColumn<PushRowViewModel, String> outcomeColumn;
    @FXML private TableColumn<PushRowViewModel, String> whyColumn;
    @FXML private Label refusedTitle;
    @FXML private TableView<PushRowViewModel> refusedTable;
    @FXML private TableColumn<PushRowViewModel, String> refusedSkuColumn;
    @FXML private TableColumn<PushRowViewModel, String> refusedWarehouseColumn;
    @FXML private TableColumn<PushRowViewModel, String> refusedWhyColumn;

    public PushPlanView(PushPlanViewModel viewModel, Messages messages) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.texts = new PushTexts(messages);
    }

    @FXML
    private void initialize() {
        text(skuColumn, PushRowViewModel::sellerSku);
        text(warehouseColumn, PushRowViewModel::warehouseName);
        text(changeColumn, r -> texts.change(r.before(), r.after()));
        text(outcomeColumn, r -> texts.outcome(r.outcome()));
        text(whyColumn, texts::why);
        text(refusedSkuColumn, PushRowViewModel::sellerSku);
        text(refusedWarehouseColumn, PushRowViewModel::warehouseName);
        text(refusedWhyColumn, texts::why);
        markRefused(itemsTable);
        itemsTable.setItems(viewModel.items());
        refusedTable.setItems(viewModel.refused());
        sendProgress.progressProperty().bind(viewModel.progressProperty());
        InvalidationListener render = o -> render();
        viewModel.phaseProperty().addListener(render);
        viewModel.items().addListener(render);
        viewModel.refused().addListener(render);
        viewModel.errorProperty().addListener(render);
        render();
    }

    private void render() {
        Phase phase = viewModel.phaseProperty().get();
        boolean done = phase == Phase.DONE;
        itemsTable.setItems(done ? viewModel.outcome() : viewModel.items());
        outcomeColumn.setVisible(done);
        show(sendProgress, phase == Phase.SENDING || done);
        String error = viewModel.errorProperty().get();
        show(planError, error != null);
        planError.setText(error == null ? "" : messages.format("stockpush.error", error));
        refusedTitle.setText(messages.format("stockpush.refused.count", viewModel.refused().size()));
        PushPlan plan = viewModel.planProperty().get();
        PushRecord result = viewModel.resultProperty().get();
        planSummary.setText(switch (phase) {
            case PLANNING -> messages.get("stockpush.summary.planning");
            case PLANNED -> plan == null ? "" : messages.format("stockpush.summary.planned", plan.items().size(),
                    plan.unitsChanged(), plan.refused().size(), plan.unchanged(), plan.id());
            case SENDING -> messages.format("stockpush.summary.sending", viewModel.items().size());
            case DONE -> result == null ? "" : messages.format("stockpush.summary.done", result.id(), result.accepted(),
                    result.refusedCount());
            case FAILED -> messages.get("stockpush.summary.failed");
        });
    }

    private static void text(TableColumn<PushRowViewModel, String> column, Function<PushRowViewModel, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
    }

    /** A refused line shows as such (pseudo-class {@code :refused}, coloured in app.css). */
    private static void markRefused(TableView<PushRowViewModel> table) {
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(PushRowViewModel item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(REFUSED, !empty && item != null && item.isRefused());
            }
        });
    }

    private static void show(Node node, boolean visible) {
        node.setVisible(visible);
        node.setManaged(visible);
    }

    public VBox root() {
        return pushPlanRoot;
    }
}

package com.stocklens.ui.notices;

import com.stocklens.domain.BeijingTime;
import com.stocklens.service.NoticeKind;
import com.stocklens.service.NoticeSettings;
import com.stocklens.ui.FxTheme;
import com.stocklens.ui.Messages;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.css.PseudoClass;
import javafx.event.EventTarget;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.SVGPath;
import javafx.util.Duration;
import org.controlsfx.control.NotificationPane;
import org.controlsfx.control.PopOver;

/**
 * The notification centre on screen: a bell with the unread count that opens the history and the settings
 * (a ControlsFX {@link PopOver}), and the one notification, a ControlsFX {@link NotificationPane} bar that
 * slides into the empty part of the menu row. It lives in that row and is clipped to it, so it never lies
 * over the screen below: not the stock table, not a card's buttons. Its × only closes it; a click on its
 * body opens what it is about. Decides nothing: what shows and for how long is the view model's.
 */
public final class NotificationCenterView implements AutoCloseable {
    /** The bell: an outline drawn for StockLens (16 × 16). */
    private static final String BELL = "M8 1C5.2 1 3.2 3.3 3.2 6.2V9.6L1.6 11.8V12.6H14.4V11.8L12.8 9.6"
            + "V6.2C12.8 3.3 10.8 1 8 1Z M6.1 13.4C6.3 14.4 7.1 15 8 15C8.9 15 9.7 14.4 9.9 13.4Z";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(BeijingTime.ZONE);
    private static final PseudoClass TOLD = PseudoClass.getPseudoClass("told");

    private final NotificationCenterViewModel viewModel;
    private final Messages messages;
    private final NoticeTexts texts;
    private final NotificationPane pane;
    private final StackPane bell;
    private final Button bellButton = new Button();
    private final Label badge = new Label();
    private final Timeline ticker;
    private final List<Runnable> unbind = new ArrayList<>();
    private PopOver popOver;
    private ListView<NotificationCenterViewModel.Entry> historyList;

    public NotificationCenterView(NotificationCenterViewModel viewModel, Messages messages, Clock clock) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.texts = new NoticeTexts(messages);

        // The bar slides over an empty region: what the row shows when no notification is up.
        Region empty = new Region();
        empty.setMinWidth(0);
        pane = new NotificationPane(empty);
        pane.setId("notificationPane");
        pane.getStyleClass().add("notification-lane");
        pane.setShowFromTop(true);
        pane.setMinWidth(0);
        pane.setMaxWidth(Double.MAX_VALUE);
        pane.setCloseButtonVisible(true);
        // The × hides the bar itself: tell the view model, which does nothing else (no navigation).
        pane.showingProperty().addListener((obs, was, showing) -> {
            if (!showing && viewModel.popupProperty().get() != null) {
                viewModel.dismiss();
            }
        });
        pane.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (pane.isShowing() && !onCloseButton(e.getTarget())) {
                e.consume();
                viewModel.openPopup();
            }
        });
        listen(viewModel.popupProperty(), o -> renderPopup());

        SVGPath icon = new SVGPath();
        icon.setContent(BELL);
        icon.getStyleClass().add("bell-icon");
        bellButton.setGraphic(icon);
        bellButton.setId("bellButton");
        bellButton.getStyleClass().addAll("bell-button", "flat");
        bellButton.setTooltip(new Tooltip(messages.get("notify.bell.tooltip")));
        bellButton.setOnAction(e -> togglePopOver());
        badge.setId("bellBadge");
        badge.getStyleClass().add("bell-badge");
        badge.setMouseTransparent(true);
        bell = new StackPane(bellButton, badge);
        bell.setId("bell");
        bell.getStyleClass().add("bell");
        StackPane.setAlignment(badge, Pos.TOP_RIGHT);
        bell.setMinWidth(Region.USE_PREF_SIZE);
        listen(viewModel.unreadProperty(), o -> renderBadge());
        renderBadge();
        renderPopup();

        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> viewModel.tick(clock.instant())));
        ticker.setCycleCount(Animation.INDEFINITE);
        ticker.play();
    }

    /** The lane the notification slides into (grows to fill the menu row). */
    public NotificationPane pane() {
        return pane;
    }

    /** The bell, with its unread count. */
    public Node bell() {
        return bell;
    }

    /** The bell's open panel, or null while closed (tests). */
    public PopOver popOver() {
        return popOver;
    }

    private static boolean onCloseButton(EventTarget target) {
        for (Node n = target instanceof Node node ? node : null; n != null; n = n.getParent()) {
            if (n.getStyleClass().contains("close-button")) {
                return true;
            }
        }
        return false;
    }

    private void renderBadge() {
        int n = viewModel.unreadProperty().get();
        badge.setText(n > 99 ? "99+" : Integer.toString(n));
        badge.setVisible(n > 0);
    }

    private void renderPopup() {
        NotificationCenterViewModel.Popup p = viewModel.popupProperty().get();
        if (p == null) {
            if (pane.isShowing()) {
                pane.hide();
            }
            return;
        }
        pane.getStyleClass().removeAll("urgent", "warning");
        pane.getStyleClass().add(urgent(p) ? "urgent" : "warning");
        Label dot = new Label();
        dot.getStyleClass().add("notification-dot");
        pane.show(texts.of(p) + "  " + messages.get(p.single() != null ? "notify.openOne" : "notify.openAll"), dot);
    }

    private static boolean urgent(NotificationCenterViewModel.Popup p) {
        return p.notices().stream().anyMatch(n -> n.kind() != NoticeKind.ALERT_RAISED
                && n.kind() != NoticeKind.PUSH_FAILED);
    }

    // ---- the bell's panel -------------------------------------------------------------------------

    private void togglePopOver() {
        if (popOver != null && popOver.isShowing()) {
            popOver.hide();
            return;
        }
        popOver = new PopOver(panel());
        popOver.setArrowLocation(PopOver.ArrowLocation.TOP_RIGHT);
        popOver.setDetachable(false);
        popOver.setAnimated(false);
        popOver.getRoot().getStyleClass().add("bell-popover");
        FxTheme.style(popOver.getRoot());
        popOver.show(bellButton);
        viewModel.markAllRead();
    }

    private Node panel() {
        Label title = new Label(messages.get("notify.bell.title"));
        title.getStyleClass().add("bell-title");
        CheckBox mute = new CheckBox(messages.get("notify.mute"));
        mute.setId("bellMute");
        mute.setSelected(viewModel.settingsProperty().get().muted());
        mute.selectedProperty().addListener((obs, o, on) -> viewModel.setMuted(on));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, title, spacer, mute);
        header.setAlignment(Pos.CENTER_LEFT);

        historyList = new ListView<>(viewModel.history());
        historyList.setId("bellHistory");
        historyList.getStyleClass().add("bell-history");
        historyList.setPrefSize(420, 280);
        historyList.setPlaceholder(new Label(messages.get("notify.bell.empty")));
        historyList.setCellFactory(l -> new EntryCell());

        VBox topics = new VBox(4);
        NoticeSettings now = viewModel.settingsProperty().get();
        for (String topic : NotificationCenterViewModel.topics()) {
            CheckBox box = new CheckBox(texts.topic(topic));
            box.setId("bellTopic-" + topic);
            box.setSelected(now.popsUp(topic));
            box.selectedProperty().addListener((obs, o, on) -> viewModel.setPopsUp(topic, on));
            topics.getChildren().add(box);
        }
        Label note = new Label(messages.get("notify.settings.note"));
        note.setWrapText(true);
        note.getStyleClass().add("bell-note");
        TitledPane settings = new TitledPane(messages.get("notify.settings.title"), new VBox(6, note, topics));
        settings.setId("bellSettings");
        settings.setExpanded(false);
        settings.setAnimated(false);

        VBox box = new VBox(8, header, historyList, settings);
        box.setId("bellPanel");
        box.getStyleClass().add("bell-panel");
        box.setPrefWidth(440);
        return box;
    }

    private final class EntryCell extends ListCell<NotificationCenterViewModel.Entry> {
        @Override
        protected void updateItem(NotificationCenterViewModel.Entry item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                setOnMouseClicked(null);
                pseudoClassStateChanged(TOLD, false);
                return;
            }
            Label when = new Label(TIME.format(item.notice().at()));
            when.getStyleClass().add("bell-time");
            when.setMinWidth(Region.USE_PREF_SIZE);
            Label what = new Label(texts.notice(item.notice()));
            what.setWrapText(true);
            what.setMinWidth(0);
            HBox.setHgrow(what, Priority.ALWAYS);
            HBox line = new HBox(8, when, what);
            line.setAlignment(Pos.TOP_LEFT);
            setText(null);
            setGraphic(line);
            setPrefWidth(0);
            pseudoClassStateChanged(TOLD, item.counted());
            setOnMouseClicked(e -> {
                if (popOver != null) {
                    popOver.hide();
                }
                viewModel.open(item);
            });
        }
    }

    private void listen(Observable o, InvalidationListener l) {
        o.addListener(l);
        unbind.add(() -> o.removeListener(l));
    }

    /** Stops the timer and the listeners; the view model is closed by its owner. */
    @Override
    public void close() {
        ticker.stop();
        unbind.forEach(Runnable::run);
        unbind.clear();
        if (popOver != null) {
            popOver.hide(Duration.ZERO);
        }
    }
}

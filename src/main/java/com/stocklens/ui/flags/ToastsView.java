package com.stocklens.ui.flags;

import atlantafx.base.controls.Notification;
import atlantafx.base.theme.Styles;
import com.stocklens.service.Notice;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The corner stack of desktop notifications (AtlantaFX {@link Notification}s), newest on top, as many
 * as {@link ToastsViewModel} keeps. Clicking a toast hands its notice to
 * {@code onOpen} (the window shows the flags screen on that task) and dismisses it.
 */
public final class ToastsView {
    private static final double WIDTH = 330;

    private final VBox box = new VBox(8);
    private final ToastsViewModel viewModel;
    private final FlagTexts texts;
    private final Consumer<Notice> onOpen;

    private Timeline expiry;

    /** As below, with a clock that lets alert toasts expire ({@link ToastsViewModel#expire}). */
    public ToastsView(ToastsViewModel viewModel, FlagTexts texts, Consumer<Notice> onOpen, Clock clock) {
        this(viewModel, texts, onOpen);
        expiry = new Timeline(new KeyFrame(Duration.seconds(2),
                e -> viewModel.expire(clock.instant())));
        expiry.setCycleCount(Animation.INDEFINITE);
        expiry.play();
    }

    /** Stops the expiry timer. */
    public void dispose() {
        if (expiry != null) {
            expiry.stop();
        }
    }

    public ToastsView(ToastsViewModel viewModel, FlagTexts texts, Consumer<Notice> onOpen) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.texts = Objects.requireNonNull(texts, "texts");
        this.onOpen = Objects.requireNonNull(onOpen, "onOpen");
        box.setId("toastStack");
        box.getStyleClass().add("toast-stack");
        box.setAlignment(Pos.BOTTOM_RIGHT);
        box.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        box.setPickOnBounds(false);
        viewModel.toasts().addListener((ListChangeListener<Notice>) c -> rebuild());
        rebuild();
    }

    /** The node to lay over the window's content, bottom-right. */
    public Region node() {
        return box;
    }

    private void rebuild() {
        List<Node> nodes = new ArrayList<>();
        int i = 0;
        for (Notice n : viewModel.toasts()) {
            Notification toast = new Notification(texts.notice(n));
            toast.setId("toast-" + i++);
            toast.getStyleClass().addAll(Styles.ELEVATED_2, styleOf(n));
            toast.setPrefWidth(WIDTH);
            toast.setMaxWidth(WIDTH);
            toast.setOnClose(e -> viewModel.dismiss(n));
            // The whole toast is the button (no action row): keeps each toast two lines high.
            toast.setCursor(Cursor.HAND);
            Tooltip.install(toast, new Tooltip(texts.messages().get("flags.notice.open")));
            toast.setOnMouseClicked(e -> open(n));
            nodes.add(toast);
        }
        // Newest first in the list, newest nearest the corner on screen.
        Collections.reverse(nodes);
        box.getChildren().setAll(nodes);
        box.setVisible(!nodes.isEmpty());
    }

    private void open(Notice n) {
        viewModel.dismiss(n);
        onOpen.accept(n);
    }

    private static String styleOf(Notice n) {
        return switch (n.kind()) {
            case CALIBRATION_DUE_10, CALIBRATION_OPENED -> Styles.DANGER;
            case CALIBRATION_DUE_30, ALERT_RAISED -> Styles.WARNING;
            case PUSH_FAILED -> Styles.ACCENT;
        };
    }
}

package com.stocklens.ui;

import java.util.Objects;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * What the window shows from its first frame until the workspace is open (issue 16 item 4, issue 20): the
 * window's outline (a top bar, grey tiles, grey table lines, a status bar) with the app's name, a progress
 * bar and the step under way. Built from a handful of plain nodes so that it costs next to nothing before
 * the first frame; the real window replaces it in the same Scene. FX thread.
 */
public final class StartupView {
    /** Placeholder tiles and table lines: the outline of the stock screen at 1366×768. */
    private static final int TILES = 8;
    private static final int LINES = 14;

    private final Messages messages;
    private final BorderPane root = new BorderPane();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label step = new Label();

    public StartupView(Messages messages) {
        this.messages = Objects.requireNonNull(messages, "messages");
        root.setId("startupView");
        root.getStyleClass().add("startup-view");
        root.getStylesheets().add(FxTheme.stylesheet());

        Label title = new Label(messages.get("app.title"));
        title.getStyleClass().add("startup-title");
        HBox top = new HBox(title);
        top.getStyleClass().add("startup-top");
        top.setAlignment(Pos.CENTER_LEFT);
        root.setTop(top);

        HBox tiles = new HBox();
        tiles.getStyleClass().add("startup-tiles");
        for (int i = 0; i < TILES; i++) {
            Region tile = block("startup-tile");
            HBox.setHgrow(tile, Priority.ALWAYS);
            tiles.getChildren().add(tile);
        }
        VBox lines = new VBox();
        lines.getStyleClass().add("startup-lines");
        for (int i = 0; i < LINES; i++) {
            lines.getChildren().add(block("startup-line"));
        }
        progress.setId("startupProgress");
        progress.getStyleClass().add("startup-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        step.setId("startupStep");
        step.getStyleClass().add("startup-step");
        VBox status = new VBox(progress, step);
        status.getStyleClass().add("startup-status");
        status.setAlignment(Pos.CENTER);
        status.setMaxWidth(420);
        VBox center = new VBox(tiles, status, lines);
        center.getStyleClass().add("startup-center");
        center.setAlignment(Pos.TOP_CENTER);
        root.setCenter(center);

        Region bar = block("startup-statusbar");
        root.setBottom(bar);
        show(StartupStep.STARTING);
    }

    private static Region block(String styleClass) {
        Region r = new Region();
        r.getStyleClass().addAll("startup-block", styleClass);
        return r;
    }

    /** Shows {@code current} and its share of the way. */
    public void show(StartupStep current) {
        step.setText(messages.get(current.key()));
        progress.setProgress(current.progress());
    }

    /** The node to put in the Scene. */
    public Parent root() {
        return root;
    }
}

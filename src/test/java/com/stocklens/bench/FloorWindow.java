package com.stocklens.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/**
 * The floor of the start-up figures (issue 20): the barest JavaFX window that looks like ours, a
 * {@code Stage} with an empty 12-column {@code TableView} at the window's size, launched by {@code bench/run}
 * under the same Xvfb, JVM and flags as the app, interleaved with the app's launches. It writes
 * {@code firstFrame=<epoch ms>} to {@code -Dstocklens.benchmark.startMarker} after its first layout pulse
 * (as the app's StartMarker does) and exits. Not an {@code Application} itself: started from the class
 * path the way {@code Launcher} starts the app.
 */
public final class FloorWindow {
    static final int COLUMNS = 12;

    private FloorWindow() {
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The window: nothing but the table. */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            TableView<Object> table = new TableView<>();
            for (int i = 1; i <= COLUMNS; i++) {
                table.getColumns().add(new TableColumn<>("Column " + i));
            }
            Scene scene = new Scene(new BorderPane(table), 1366, 768);
            String marker = System.getProperty("stocklens.benchmark.startMarker");
            scene.addPostLayoutPulseListener(new Runnable() {
                @Override
                public void run() {
                    scene.removePostLayoutPulseListener(this);
                    if (marker != null) {
                        write(Path.of(marker), "firstFrame=" + System.currentTimeMillis());
                    }
                    Platform.exit();
                }
            });
            stage.setTitle("floor");
            stage.setScene(scene);
            stage.show();
        }
    }

    private static void write(Path file, String line) {
        try {
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException("marker " + file + " not written", e);
        }
    }
}

package com.stocklens.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Saves a PNG of every showing window to {@code target/ui-failures/} when a TestFX test fails, so a
 * headless failure can be looked at. Runs before {@code @AfterEach}, while the stage still shows.
 */
public final class ScreenshotOnFailure implements AfterTestExecutionCallback {
    @Override
    public void afterTestExecution(ExtensionContext context) throws Exception {
        if (context.getExecutionException().isEmpty()) {
            return;
        }
        String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
        Path dir = Path.of("target", "ui-failures");
        Files.createDirectories(dir);
        CompletableFuture<List<WritableImage>> shots = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                shots.complete(Window.getWindows().stream()
                        .filter(Window::isShowing)
                        .map(Window::getScene)
                        .filter(s -> s != null)
                        .map(s -> s.snapshot(null))
                        .toList());
            } catch (RuntimeException e) {
                shots.completeExceptionally(e);
            }
        });
        List<WritableImage> images = shots.get(10, TimeUnit.SECONDS);
        for (int i = 0; i < images.size(); i++) {
            write(images.get(i), dir.resolve(name + (i == 0 ? "" : "-" + i) + ".png").toFile());
        }
    }

    /** Writes a JavaFX image as PNG. */
    public static void write(WritableImage image, File file) throws IOException {
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file);
    }
}

package com.stocklens.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Objects;
import java.util.ResourceBundle;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.util.Callback;

/**
 * Loads an FXML view with the translation bundle and a caller-supplied controller factory, so
 * controllers are built with constructor injection instead of a no-arg constructor plus setters.
 */
public final class FxViewLoader {

    /** A loaded view: its root node and the controller the factory built for it. */
    public record Loaded<C>(Parent root, C controller) {
    }

    private final ResourceBundle bundle;
    private final Callback<Class<?>, Object> controllerFactory;

    public FxViewLoader(ResourceBundle bundle, Callback<Class<?>, Object> controllerFactory) {
        this.bundle = Objects.requireNonNull(bundle, "bundle");
        this.controllerFactory = Objects.requireNonNull(controllerFactory, "controllerFactory");
    }

    /** Loads {@code <controller's class>.fxml} from its own package, with {@code controller} as its controller. */
    public static <C> C load(C controller, ResourceBundle bundle) {
        @SuppressWarnings("unchecked")
        Class<C> type = (Class<C>) controller.getClass();
        return new FxViewLoader(bundle, t -> controller).load(type).controller();
    }

    /** Loads {@code <ViewClass>.fxml} from the view class's own package (the feature-package convention). */
    public <C> Loaded<C> load(Class<C> viewClass) {
        URL url = viewClass.getResource(viewClass.getSimpleName() + ".fxml");
        if (url == null) {
            throw new IllegalArgumentException("No FXML beside " + viewClass.getName());
        }
        return load(url, viewClass);
    }

    /** Loads the FXML at {@code url}; its controller must be of {@code controllerType}. */
    public <C> Loaded<C> load(URL url, Class<C> controllerType) {
        FXMLLoader loader = new FXMLLoader(url, bundle);
        loader.setControllerFactory(controllerFactory);
        try {
            Parent root = loader.load();
            return new Loaded<>(root, controllerType.cast(loader.getController()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + url, e);
        }
    }
}

package com.stocklens.ui;

import com.stocklens.rules.Urgency;
import com.stocklens.ui.flags.FlagsView;
import java.util.EnumMap;
import java.util.Map;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;

/**
 * The sidebar: one entry per {@link Screen}, in its order, the one on show selected. The triage list comes
 * first, with a count of what it holds to act on now, coloured like the most urgent task.
 */
final class SidebarView {
    private final VBox box = new VBox();
    private final Map<Screen, ToggleButton> entries = new EnumMap<>(Screen.class);

    SidebarView(MainWindowViewModel viewModel, Messages messages) {
        ToggleGroup group = new ToggleGroup();
        for (Screen screen : Screen.values()) {
            ToggleButton nav = new ToggleButton(messages.get(screen.navKey()));
            nav.setId(screen.navId());
            nav.getStyleClass().add("nav-item");
            nav.setToggleGroup(group);
            nav.setMaxWidth(Double.MAX_VALUE);
            nav.setOnAction(e -> viewModel.choose(screen));
            entries.put(screen, nav);
            box.getChildren().add(nav);
        }
        // Keep the one screen selected: a toggle that can be switched off would blank the content.
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null && old != null) {
                old.setSelected(true);
            }
        });
        viewModel.screenProperty().addListener((obs, o, screen) -> entries.get(screen).setSelected(true));
        entries.get(viewModel.screen()).setSelected(true);
        badge(viewModel, entries.get(Screen.TRIAGE), messages);
        box.setId("sidebar");
        box.getStyleClass().add("sidebar");
    }

    private static void badge(MainWindowViewModel viewModel, ToggleButton flags, Messages messages) {
        Label badge = new Label();
        badge.setId("triageBadge");
        badge.getStyleClass().add("nav-badge");
        flags.setContentDisplay(ContentDisplay.RIGHT);
        flags.setGraphicTextGap(6);
        Runnable render = () -> {
            int n = viewModel.badgeCountProperty().get();
            badge.setText(Formats.quantity(n, messages));
            // Set and clear the graphic rather than hide it: a Labeled's skin does not notice a graphic
            // that becomes managed again, and the badge would never come back.
            flags.setGraphic(n > 0 ? badge : null);
            Urgency worst = viewModel.badgeUrgencyProperty().get();
            FlagsView.showUrgency(badge, worst, false);
            FlagsView.showUrgency(flags, worst, false);
        };
        viewModel.badgeCountProperty().addListener(o -> render.run());
        viewModel.badgeUrgencyProperty().addListener(o -> render.run());
        render.run();
    }

    VBox node() {
        return box;
    }
}

package com.stocklens.ui.history;

import com.stocklens.domain.BeijingTime;
import com.stocklens.ui.Formats;
import com.stocklens.ui.Messages;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.converter.LocalDateStringConverter;

/**
 * The global "as of" control under the menu bar (slider over the cached moments, date picker, Beijing
 * time field, Now) and the past banner shown while a past moment is on screen. Binds and forwards only.
 */
public final class TimeTravelView {
    private static final PseudoClass PAST = PseudoClass.getPseudoClass("past");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final TimeTravelViewModel vm;
    private final Messages messages;
    private final HBox bar = new HBox(8);
    private final HBox banner = new HBox(8);
    private final Slider slider = new Slider(0, 0, 0);
    private final Label moment = new Label();
    private final DatePicker date = new DatePicker();
    private final TextField time = new TextField();
    private final Label bannerText = new Label();
    private boolean updating;
    /** A snapshot file's moment: what "now" is in it; null for a live or demo workspace. */
    private Instant snapshotAt;

    public TimeTravelView(TimeTravelViewModel vm, Messages messages, Runnable openCompare) {
        this.vm = vm;
        this.messages = messages;
        bar.setId("timeTravelBar");
        bar.getStyleClass().add("time-travel-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        Label title = new Label(messages.get("history.asOf"));
        title.getStyleClass().add("time-travel-title");
        slider.setId("timeSlider");
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(0);
        slider.setSnapToTicks(true);
        slider.setBlockIncrement(1);
        slider.setFocusTraversable(true);
        slider.setMinWidth(160);
        HBox.setHgrow(slider, Priority.ALWAYS);
        slider.setMaxWidth(480);
        moment.setId("timeMoment");
        moment.getStyleClass().add("time-travel-moment");
        moment.setMinWidth(150);
        date.setId("timeDate");
        date.setPrefWidth(150);
        date.setMinWidth(150);
        date.setPromptText(messages.get("history.date.prompt"));
        // yyyy-MM-dd whatever the JVM's locale (not 12/6/2026).
        date.setConverter(new LocalDateStringConverter(Formats.DAY, Formats.DAY));
        time.setId("timeField");
        time.setPrefColumnCount(5);
        time.setPromptText("HH:mm");
        Button go = new Button(messages.get("history.go"));
        go.setId("timeGo");
        go.setOnAction(e -> goToPicked());
        time.setOnAction(e -> goToPicked());
        Button now = new Button(messages.get("history.now"));
        now.setId("timeNow");
        now.setOnAction(e -> vm.backToNow());
        now.disableProperty().bind(vm.pastProperty().not());
        Button compare = new Button(messages.get("history.compare.button"));
        compare.setId("timeCompare");
        compare.setOnAction(e -> openCompare.run());
        Label zone = new Label(messages.get("history.beijing"));
        zone.getStyleClass().add("time-travel-zone");
        bar.getChildren().addAll(title, slider, moment, date, time, zone, go, now, compare);

        banner.setId("pastBanner");
        banner.getStyleClass().add("past-banner");
        banner.setAlignment(Pos.CENTER);
        bannerText.setId("pastBannerText");
        Hyperlink back = new Hyperlink(messages.get("history.banner.back"));
        back.setId("pastBackToNow");
        back.setOnAction(e -> vm.backToNow());
        banner.getChildren().addAll(bannerText, back);
        banner.visibleProperty().bind(vm.pastProperty());
        banner.managedProperty().bind(vm.pastProperty());

        slider.valueProperty().addListener((obs, o, n) -> {
            if (!updating) {
                int index = (int) Math.round(n.doubleValue());
                if (index != vm.positionProperty().get()) {
                    vm.goToPosition(index);
                }
            }
        });
        ChangeListener<Object> render = (obs, o, n) -> render();
        vm.asOfProperty().addListener(render);
        vm.positionProperty().addListener(render);
        vm.moments().addListener((ListChangeListener<Instant>) c -> render());
        render();
    }

    /** Date and time are Beijing time, as everywhere on screen. */
    private void goToPicked() {
        LocalDate d = date.getValue();
        if (d == null) {
            return;
        }
        LocalTime t = LocalTime.MAX;
        String text = time.getText() == null ? "" : time.getText().strip();
        if (!text.isEmpty()) {
            try {
                t = LocalTime.parse(text.length() == 4 ? "0" + text : text, HH_MM).withSecond(59);
            } catch (DateTimeParseException e) {
                time.selectAll();
                time.requestFocus();
                return;
            }
        }
        vm.goTo(d.atTime(t).atZone(BeijingTime.ZONE).toInstant());
    }

    private void render() {
        updating = true;
        try {
            slider.setMax(vm.moments().size());
            slider.setValue(vm.positionProperty().get());
            slider.setDisable(vm.moments().isEmpty());
        } finally {
            updating = false;
        }
        Instant at = vm.asOfProperty().get();
        boolean past = at != null;
        moment.setText(past ? Formats.beijingTime(at) : snapshotAt != null
                ? messages.format("history.snapshot.label", Formats.beijingTime(snapshotAt))
                : messages.get("history.now.label"));
        bar.pseudoClassStateChanged(PAST, past);
        bannerText.setText(past ? messages.format("history.banner", Formats.beijingTime(at)) : "");
        if (past) {
            date.setValue(at.atZone(BeijingTime.ZONE).toLocalDate());
            time.setText(HH_MM.format(at.atZone(BeijingTime.ZONE)));
        }
    }

    /** A snapshot file is shown: its "now" is the moment it holds, and the bar says that moment. */
    public void showSnapshot(Instant at) {
        snapshotAt = at;
        render();
    }

    /** The control row. */
    public Node node() {
        return bar;
    }

    /** The "viewing the past" banner; hidden while the window shows now. */
    public Node banner() {
        return banner;
    }
}

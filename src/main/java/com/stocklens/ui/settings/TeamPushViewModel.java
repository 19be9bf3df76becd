package com.stocklens.ui.settings;

import com.stocklens.service.TeamPush.Platform;
import com.stocklens.service.TeamPush.RobotSetting;
import com.stocklens.service.TeamPush;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The team-push settings dialog: one webhook URL (and signing secret where the platform signs) per
 * chat platform, a test button per platform, and save. A platform left blank is not used.
 */
public final class TeamPushViewModel {
    /** What the dialog shows after a test. */
    public enum TestState {
        NONE,
        TESTING,
        DELIVERED,
        FAILED
    }

    /** One platform's row. */
    public static final class Row {
        private final Platform platform;
        private final StringProperty webhookUrl = new SimpleStringProperty("");
        private final StringProperty secret = new SimpleStringProperty("");
        private final ReadOnlyStringWrapper testReason = new ReadOnlyStringWrapper("");
        private final ReadOnlyObjectWrapper<TestState> testState =
                new ReadOnlyObjectWrapper<>(TestState.NONE);

        Row(Platform platform) {
            this.platform = platform;
        }

        public Platform platform() {
            return platform;
        }

        /** WeCom robots do not sign; DingTalk and Feishu may. */
        public boolean signs() {
            return platform != Platform.WECOM;
        }

        public StringProperty webhookUrlProperty() {
            return webhookUrl;
        }

        public StringProperty secretProperty() {
            return secret;
        }

        public ReadOnlyStringProperty testReasonProperty() {
            return testReason.getReadOnlyProperty();
        }

        public ReadOnlyObjectProperty<TestState> testStateProperty() {
            return testState.getReadOnlyProperty();
        }

        boolean isBlank() {
            return webhookUrl.get() == null || webhookUrl.get().isBlank();
        }

        RobotSetting setting() {
            String s = secret.get();
            return new RobotSetting(platform, webhookUrl.get().strip(), s == null || s.isBlank() ? null : s.strip());
        }
    }

    private final TeamPush teamPush;
    private final Executor ui;
    private final Map<Platform, Row> rows = new EnumMap<>(Platform.class);
    private final ReadOnlyStringWrapper saveError = new ReadOnlyStringWrapper("");
    private final BooleanProperty saved = new SimpleBooleanProperty(false);

    /**
     * @param ui where test results are applied (the FX thread in the app, same thread in tests)
     */
    public TeamPushViewModel(TeamPush teamPush, Executor ui) {
        this.teamPush = Objects.requireNonNull(teamPush, "teamPush");
        this.ui = Objects.requireNonNull(ui, "ui");
        for (Platform p : Platform.values()) {
            rows.put(p, new Row(p));
        }
        for (RobotSetting s : teamPush.robots()) {
            Row row = rows.get(s.platform());
            row.webhookUrl.set(s.webhookUrl());
            row.secret.set(s.secret() == null ? "" : s.secret());
        }
    }

    public Row row(Platform platform) {
        return rows.get(platform);
    }

    public ReadOnlyStringProperty saveErrorProperty() {
        return saveError.getReadOnlyProperty();
    }

    public BooleanProperty savedProperty() {
        return saved;
    }

    /** Sends a test message through this row's robot as typed (saved or not). */
    public void test(Platform platform) {
        Row row = rows.get(platform);
        if (row.isBlank()) {
            row.testState.set(TestState.FAILED);
            row.testReason.set("");
            return;
        }
        row.testState.set(TestState.TESTING);
        row.testReason.set("");
        RobotSetting setting = row.setting();
        teamPush.test(setting).whenComplete((result, error) -> ui.execute(() -> {
            if (error != null || result == null || !result.delivered()) {
                row.testState.set(TestState.FAILED);
                row.testReason.set(error != null ? String.valueOf(error.getMessage())
                        : result == null ? "" : String.valueOf(result.reason()));
            } else {
                row.testState.set(TestState.DELIVERED);
            }
        }));
    }

    /** Applies the rows that have a URL. Returns false, with {@link #saveErrorProperty()} set, when one is invalid. */
    public boolean save() {
        List<RobotSetting> settings = new ArrayList<>();
        for (Row row : rows.values()) {
            if (!row.isBlank()) {
                settings.add(row.setting());
            }
        }
        try {
            teamPush.setRobots(settings);
            saveError.set("");
            saved.set(true);
            return true;
        } catch (IllegalArgumentException e) {
            saveError.set(e.getMessage());
            return false;
        }
    }
}

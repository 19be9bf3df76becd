package com.stocklens.ui.notices;

import com.stocklens.domain.AlertKind;
import com.stocklens.service.Notice;
import com.stocklens.service.NoticeSettings;
import com.stocklens.ui.Messages;
import com.stocklens.ui.flags.FlagTexts;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** How a notification reads, the same in the window's notification lane and on the wall's strip. */
public final class NoticeTexts {
    private final Messages messages;
    private final FlagTexts texts;

    public NoticeTexts(Messages messages) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.texts = new FlagTexts(messages);
    }

    /** One notice ("新校准任务：TTS-… @ Moreno Valley (CA)"), or the summary of several. */
    public String of(NotificationCenterViewModel.Popup popup) {
        Notice single = popup.single();
        return single != null ? texts.notice(single) : summary(popup.notices());
    }

    /** "3 项新情况：新校准任务 1 · 超卖风险 2". */
    public String summary(List<Notice> notices) {
        List<String> topics = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        int total = 0;
        for (Notice n : notices) {
            String topic = NoticeSettings.topicOf(n);
            int c = NotificationCenterViewModel.count(n);
            total += c;
            int i = topics.indexOf(topic);
            if (i < 0) {
                topics.add(topic);
                counts.add(c);
            } else {
                counts.set(i, counts.get(i) + c);
            }
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < topics.size(); i++) {
            parts.add(messages.format("notify.summary.part", topic(topics.get(i)), counts.get(i)));
        }
        return messages.format("notify.summary", total, String.join(" · ", parts));
    }

    /** A topic in words: an alert kind's name, or the calibration and push topics' own. */
    public String topic(String topic) {
        return switch (topic) {
            case NoticeSettings.CALIBRATION_OPENED -> messages.get("notify.topic.calibrationOpened");
            case NoticeSettings.CALIBRATION_DUE -> messages.get("notify.topic.calibrationDue");
            case NoticeSettings.PUSH_FAILED -> messages.get("notify.topic.pushFailed");
            default -> {
                try {
                    yield texts.alertKind(AlertKind.valueOf(topic));
                } catch (IllegalArgumentException e) {
                    yield topic;
                }
            }
        };
    }

    /** A notice of the bell's history. */
    public String notice(Notice n) {
        return texts.notice(n);
    }
}

package com.stocklens.ui.push;

import com.stocklens.service.PushRecord;
import com.stocklens.service.PushScope;
import com.stocklens.service.PushedLine;
import com.stocklens.ui.Messages;
import java.util.Objects;

/** The push screens' sentences in the window's language, from the {@code stockpush.*} keys. */
public final class PushTexts {
    private final Messages messages;

    public PushTexts(Messages messages) {
        this.messages = Objects.requireNonNull(messages, "messages");
    }

    /** Why a line is what it is: the working of its figure, the undo it belongs to, or its refusal (with TikTok's words). */
    public String why(PushRowViewModel row) {
        if (row.refusal() != null) {
            String text = messages.format("stockpush.refusal." + row.refusal().name(), row.args().toArray());
            return row.tiktokMessage() == null || text.contains(row.tiktokMessage()) ? text
                    : text + " " + messages.format("stockpush.tiktokSaid", row.tiktokMessage());
        }
        if (row.working().size() == 3) {
            return messages.format("stockpush.reason.planned", row.working().get(0), row.working().get(1),
                    row.working().get(2), row.after());
        }
        if (row.working().size() == 1) {
            return messages.format("stockpush.reason.undo", row.working().getFirst(), row.after());
        }
        return "";
    }

    public String outcome(PushedLine.Outcome outcome) {
        return outcome == null ? "" : messages.get("stockpush.outcome." + outcome.name());
    }

    public String status(PushRecord.Status status) {
        return messages.get("stockpush.status." + status.name());
    }

    public String scope(PushScope scope) {
        return messages.format("stockpush.scope." + scope.kind().name(), scope.ref() == null ? "" : scope.ref());
    }

    /** {@code 277 → 292}; "—" for an unknown figure. */
    public String change(Integer before, Integer after) {
        return (before == null ? "—" : before.toString()) + " → " + (after == null ? "—" : after.toString());
    }
}

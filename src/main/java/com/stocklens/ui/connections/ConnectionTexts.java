package com.stocklens.ui.connections;

import com.stocklens.domain.ConnectionKind;
import com.stocklens.domain.SourceProbe;
import com.stocklens.service.Connections.TestOutcome;
import com.stocklens.service.Connections;
import com.stocklens.ui.Messages;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** The words of the connections screen and its dialog: kinds, field labels, cadences, test outcomes. */
public final class ConnectionTexts {
    private static final int NAMES_SHOWN = 6;
    private final Messages messages;

    public ConnectionTexts(Messages messages) {
        this.messages = Objects.requireNonNull(messages, "messages");
    }

    public String kind(ConnectionKind kind) {
        return messages.get("connections.kind." + kind.name());
    }

    public String field(String key) {
        return messages.get("connection.field." + key);
    }

    /** A cadence; null is the app's default, shown with {@code defaultCadence} when known. */
    public String cadence(Duration d, Duration defaultCadence) {
        if (d == null) {
            return defaultCadence == null ? messages.get("connections.cadence.default")
                    : messages.format("connections.cadence.defaultIs", cadence(defaultCadence));
        }
        return cadence(d);
    }

    public String cadence(Duration d) {
        if (d == null) {
            return messages.get("connections.cadence.default");
        }
        if (d.toMinutes() >= 60 && d.toMinutes() % 60 == 0) {
            return messages.format("connections.cadence.hours", d.toHours());
        }
        if (d.toSeconds() % 60 == 0) {
            return messages.format("connections.cadence.minutes", d.toMinutes());
        }
        return messages.format("connections.cadence.seconds", d.toSeconds());
    }

    /** What a test found, or why it failed, in plain words. */
    public String outcome(String name, TestOutcome o) {
        if (o.succeeded()) {
            SourceProbe p = o.probe();
            StringBuilder sb = new StringBuilder(messages.format("connections.test.ok", name));
            if (!p.shops().isEmpty()) {
                sb.append('\n').append(messages.format("connections.test.shops", p.shops().size(), names(p.shops())));
            }
            sb.append('\n').append(messages.format("connections.test.warehouses", p.warehouses().size(),
                    names(p.warehouses())));
            if (p.skuCount() >= 0) {
                sb.append('\n').append(messages.format("connections.test.skus", p.skuCount(), p.requests()));
            }
            return sb.toString();
        }
        String detail = o.detail() == null ? "" : o.detail();
        String field = o.failure() == Connections.Failure.MISSING_FIELD && o.detail() != null
                ? field(o.detail()) : detail;
        return messages.format("connections.test.failed", name) + "\n"
                + messages.format("connections.test.failure." + o.failure().name(), o.provider(), field);
    }

    private static String names(List<String> names) {
        if (names.isEmpty()) {
            return "—";
        }
        String shown = String.join(", ", names.subList(0, Math.min(NAMES_SHOWN, names.size())));
        return names.size() > NAMES_SHOWN ? shown + ", …" : shown;
    }
}

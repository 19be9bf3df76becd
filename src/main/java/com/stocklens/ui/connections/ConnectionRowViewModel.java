package com.stocklens.ui.connections;

import com.stocklens.domain.Connection;
import com.stocklens.domain.ConnectionKind;
import com.stocklens.domain.SyncRun;
import com.stocklens.domain.SyncStatus;
import com.stocklens.service.Connections.ConnectionStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/** One row of the connections table: a connection and its last sync, precomputed for the cells. */
public final class ConnectionRowViewModel {
    private final ConnectionStatus status;

    public ConnectionRowViewModel(ConnectionStatus status) {
        this.status = Objects.requireNonNull(status, "status");
    }

    public ConnectionStatus status() {
        return status;
    }

    public Connection connection() {
        return status.connection();
    }

    public String id() {
        return connection().id();
    }

    public String name() {
        return connection().displayName();
    }

    public ConnectionKind kind() {
        return connection().kind();
    }

    public boolean enabled() {
        return connection().enabled();
    }

    /** The connection's own cadence, or null for the app's default. */
    public Duration cadence() {
        return connection().cadence();
    }

    public Set<String> storedSecrets() {
        return status.storedSecrets();
    }

    /** True when TikTok's authorization (the Authorize… button) applies to this row. */
    public boolean authorizable() {
        return kind() == ConnectionKind.TIKTOK_SHOP;
    }

    /** When the last sync finished (or started, if it is still running); null when it never ran. */
    public Instant lastSyncAt() {
        SyncRun r = status.lastRun();
        return r == null ? null : r.finishedAt() != null ? r.finishedAt() : r.startedAt();
    }

    /** COMPLETE, FAILED or RUNNING of the last sync; null when it never ran. */
    public SyncStatus lastSyncStatus() {
        return status.lastRun() == null ? null : status.lastRun().status();
    }

    public int lastSyncRows() {
        return status.lastRun() == null ? 0 : status.lastRun().rows();
    }

    /** The last sync's one-line error, or why the connection is not polled this session; null when fine. */
    public String problem() {
        if (status.problem() != null) {
            return status.problem();
        }
        SyncRun r = status.lastRun();
        return r != null && r.status() == SyncStatus.FAILED ? r.error() : null;
    }
}

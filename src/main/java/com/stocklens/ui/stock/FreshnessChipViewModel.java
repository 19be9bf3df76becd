package com.stocklens.ui.stock;

import com.stocklens.domain.SourceKind;
import com.stocklens.rules.Staleness;
import com.stocklens.service.SourceFreshness;
import com.stocklens.service.SyncProgress;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * One chip of the freshness bar: a source (TikTok Shop) or one warehouse of a warehouse source
 * (ShipBob · Moreno Valley (CA)), its age, whether it is past the staleness window, and where its sync
 * stands (issue 16 item 4): syncing with the requests made so far, done, or failed. A chip lives as long as
 * its source and warehouse are on the board: each snapshot updates it in place, so the bar is not rebuilt
 * (and laid out again) on every sync.
 */
public final class FreshnessChipViewModel {
    /** Where the chip's source stands. */
    public enum State {
        /** Never synced and not syncing now. */
        NEVER,
        /** A sync is under way ({@link #syncingProperty()}). */
        SYNCING,
        /** The latest attempt failed; the figures are the last good snapshot's. */
        FAILED,
        /** The latest attempt stored a snapshot. */
        DONE
    }

    private final String key;
    private final String warehouseName;
    private final ReadOnlyObjectWrapper<SourceFreshness> freshness = new ReadOnlyObjectWrapper<>(this, "freshness");
    private final ReadOnlyObjectWrapper<Polling> polling = new ReadOnlyObjectWrapper<>(this, "polling");
    private final ReadOnlyObjectWrapper<Duration> age = new ReadOnlyObjectWrapper<>(this, "age");
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale");
    private final ReadOnlyObjectWrapper<SyncProgress.Running> syncing = new ReadOnlyObjectWrapper<>(this, "syncing");

    /**
     * Team mode: who polls the chip's source.
     *
     * @param desk the polling desk, or null when nobody polls it now
     * @param here true when it is this desk
     */
    public record Polling(String desk, boolean here) {
    }

    FreshnessChipViewModel(SourceFreshness freshness, String warehouseName) {
        this(freshness, warehouseName, null);
    }

    FreshnessChipViewModel(SourceFreshness freshness, String warehouseName, Polling polling) {
        this.key = keyOf(freshness, warehouseName);
        this.warehouseName = warehouseName;
        this.freshness.set(Objects.requireNonNull(freshness, "freshness"));
        this.polling.set(polling);
    }

    /** Source id and warehouse: the same key on the next board means the same chip. */
    static String keyOf(SourceFreshness freshness, String warehouseName) {
        return freshness.source().id() + '\u0000' + (warehouseName == null ? "" : warehouseName);
    }

    String key() {
        return key;
    }

    /** The next board's view of the same source and warehouse. UI thread. */
    void update(FreshnessChipViewModel next) {
        freshness.set(next.freshness());
        polling.set(next.polling());
    }

    /** Team mode: who polls this source ("polled here" / "polled by &lt;desk&gt;"); null on a lone workspace. */
    public Polling polling() {
        return polling.get();
    }

    /** "ShipBob" or "TikTok Shop". */
    public String sourceName() {
        return freshness().source().displayName();
    }

    /** The warehouse this chip stands for, or {@code null} for a whole source such as the shop. */
    public String warehouseName() {
        return warehouseName;
    }

    public boolean isShop() {
        return freshness().source().kind() == SourceKind.SHOP;
    }

    public SourceFreshness freshness() {
        return freshness.get();
    }

    /** The source's freshness as of the latest board (replaced by each snapshot, with the poller line). */
    public ReadOnlyObjectProperty<SourceFreshness> freshnessProperty() {
        return freshness.getReadOnlyProperty();
    }

    /** Age of the latest complete snapshot; {@code null} when the source never completed one. */
    public ReadOnlyObjectProperty<Duration> ageProperty() {
        return age.getReadOnlyProperty();
    }

    public Duration getAge() {
        return age.get();
    }

    /** Past the window, or never synced. */
    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    public boolean isStale() {
        return stale.get();
    }

    /** The sync under way with its requests so far, or null when the source is not syncing. */
    public ReadOnlyObjectProperty<SyncProgress.Running> syncingProperty() {
        return syncing.getReadOnlyProperty();
    }

    /** Syncing, failed, done or never synced. */
    public State state() {
        SourceFreshness f = freshness();
        if (syncing.get() != null) {
            return State.SYNCING;
        }
        if (f.lastError() != null) {
            return State.FAILED;
        }
        return f.lastSnapshotAt() == null ? State.NEVER : State.DONE;
    }

    void tick(Instant now, Duration window) {
        tick(now, window, null);
    }

    /** Ages the chip at {@code now}; {@code running} is its source's sync under way, or null. */
    void tick(Instant now, Duration window, SyncProgress.Running running) {
        Instant at = freshness().lastSnapshotAt();
        age.set(at == null ? null : Staleness.age(at, now));
        stale.set(Staleness.isStale(at, now, window));
        syncing.set(running);
    }
}

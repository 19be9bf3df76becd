package com.stocklens.ui.stock;

import com.stocklens.domain.SourceKind;
import com.stocklens.rules.Staleness;
import com.stocklens.service.SourceFreshness;
import java.time.Duration;
import java.time.Instant;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * One chip of the freshness bar: a source (TikTok Shop) or one warehouse of a warehouse source
 * (ShipBob · Moreno Valley (CA)), its age and whether it is past the staleness window.
 */
public final class FreshnessChipViewModel {
    private final SourceFreshness freshness;
    private final String warehouseName;
    private final ReadOnlyObjectWrapper<Duration> age = new ReadOnlyObjectWrapper<>(this, "age");
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale");

    /**
     * Team mode: who polls the chip's source.
     *
     * @param desk the polling desk, or null when nobody polls it now
     * @param here true when it is this desk
     */
    public record Polling(String desk, boolean here) {
    }

    private final Polling polling;

    FreshnessChipViewModel(SourceFreshness freshness, String warehouseName) {
        this(freshness, warehouseName, null);
    }

    FreshnessChipViewModel(SourceFreshness freshness, String warehouseName, Polling polling) {
        this.freshness = freshness;
        this.warehouseName = warehouseName;
        this.polling = polling;
    }

    /** Team mode: who polls this source ("polled here" / "polled by &lt;desk&gt;"); null on a lone workspace. */
    public Polling polling() {
        return polling;
    }

    /** "ShipBob" or "TikTok Shop". */
    public String sourceName() {
        return freshness.source().displayName();
    }

    /** The warehouse this chip stands for, or {@code null} for a whole source such as the shop. */
    public String warehouseName() {
        return warehouseName;
    }

    public boolean isShop() {
        return freshness.source().kind() == SourceKind.SHOP;
    }

    public SourceFreshness freshness() {
        return freshness;
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

    void tick(Instant now, Duration window) {
        Instant at = freshness.lastSnapshotAt();
        age.set(at == null ? null : Staleness.age(at, now));
        stale.set(Staleness.isStale(at, now, window));
    }
}

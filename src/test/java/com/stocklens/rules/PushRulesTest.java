package com.stocklens.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.PushRefusal;
import com.stocklens.domain.StockLevel;
import com.stocklens.rules.PushRules.Candidate;
import com.stocklens.rules.PushRules.Decision;
import com.stocklens.rules.PushRules.Policy;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Every figure below is worked out by hand from the rule: available − (committed − reserved)⁺ − buffer, floor 0. */
class PushRulesTest {
    private static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(15);
    private static final Policy NO_BUFFER = new Policy(WINDOW, 0);

    private static StockLevel level(Integer available, Integer reserved) {
        return new StockLevel(null, available, reserved, null, null, null, null);
    }

    /** A fresh, assigned, conflict-free candidate: both snapshots a minute old. */
    private static Candidate candidate(StockLevel level, Integer tiktokAvailable, Integer tiktokCommitted) {
        return new Candidate("TTS-A-01", "Moreno Valley (CA)", "7301", true, level, tiktokAvailable, tiktokCommitted,
                NOW.minusSeconds(60), null, NOW.minusSeconds(60), null, null, null, null);
    }

    private static Candidate withTimes(Candidate c, Instant warehouseAt, Instant tiktokAt) {
        return new Candidate(c.sellerSku(), c.warehouseName(), c.tiktokWarehouseId(), c.assigned(), c.level(),
                c.tiktokAvailable(), c.tiktokCommitted(), warehouseAt, c.warehouseError(), tiktokAt, c.tiktokError(),
                c.conflictCode(), c.conflictSource(), c.zeroAccepted());
    }

    @Test
    void theProposedFigureIsAvailableLessUnreservedOrdersLessTheBuffer() {
        // 40 available, TikTok committed 7, the warehouse reserved 4 → 3 unreserved; buffer 2 → 40 − 3 − 2 = 35.
        Decision d = PushRules.decide(candidate(level(40, 4), 50, 7), new Policy(WINDOW, 2), NOW);
        assertThat(d.planned()).isTrue();
        assertThat(d.before()).isEqualTo(50);
        assertThat(d.after()).isEqualTo(35);
        assertThat(d.unreserved()).isEqualTo(3);
        assertThat(d.reason()).isEqualTo("warehouse available 40 − 3 TikTok orders not yet reserved − buffer 2 = 35");
        assertThat(d.changes()).isTrue();
    }

    @Test
    void reservedBeyondCommittedNeverAddsUnits() {
        // Reserved 9 > committed 2: no unreserved order, the figure is not raised above available.
        assertThat(PushRules.unreserved(level(10, 9), 2)).isZero();
        assertThat(PushRules.canShip(level(10, 9), 2, 0)).isEqualTo(10);
    }

    @Test
    void unknownReservedCountsEveryCommittedUnitAsUnreserved() {
        // The warehouse does not say what it reserved: 12 − 5 = 7.
        assertThat(PushRules.canShip(level(12, null), 5, 0)).isEqualTo(7);
        assertThat(PushRules.canShip(level(12, null), null, 0)).isEqualTo(12);
    }

    @Test
    void neverBelowZero() {
        // 3 available − 5 unreserved − 1 buffer = −3 → 0.
        Decision d = PushRules.decide(candidate(level(3, 0), 4, 5), new Policy(WINDOW, 1), NOW);
        assertThat(d.after()).isZero();
        assertThat(d.reason()).endsWith("= -3, so 0");
    }

    @Test
    void aBufferExactlyTheAvailableLeavesZero() {
        assertThat(PushRules.canShip(level(5, 0), 0, 5)).isZero();
        assertThat(PushRules.canShip(level(5, 0), 0, 4)).isEqualTo(1);
    }

    @Test
    void sameFigureIsPlannedButChangesNothing() {
        Decision d = PushRules.decide(candidate(level(30, 0), 30, 0), NO_BUFFER, NOW);
        assertThat(d.planned()).isTrue();
        assertThat(d.changes()).isFalse();
    }

    @Test
    void aSnapshotExactlyAtTheWindowIsFreshOneSecondMoreIsStale() {
        Candidate c = candidate(level(30, 0), 20, 0);
        assertThat(PushRules.decide(withTimes(c, NOW.minus(WINDOW), NOW), NO_BUFFER, NOW).planned()).isTrue();
        Decision stale = PushRules.decide(withTimes(c, NOW.minus(WINDOW).minusSeconds(1), NOW), NO_BUFFER, NOW);
        assertThat(stale.refusal()).isEqualTo(PushRefusal.STALE_WAREHOUSE);
        // 15 min 1 s old reads 16 min, never "15 min old, older than the 15-min window".
        assertThat(stale.args()).containsExactly("Moreno Valley (CA)", "16", "15");
        assertThat(stale.reason()).isEqualTo("the stock of Moreno Valley (CA) is 16 min old, older than the 15-min sync "
                + "window: sync or import a fresh file first");
        Decision tiktok = PushRules.decide(withTimes(c, NOW, NOW.minus(Duration.ofHours(5))), NO_BUFFER, NOW);
        assertThat(tiktok.refusal()).isEqualTo(PushRefusal.STALE_TIKTOK);
        assertThat(tiktok.args()).containsExactly("300", "15");
        assertThat(tiktok.reason()).startsWith("TikTok's figures are 300 min old");
    }

    @Test
    void refusalsComeInTheDocumentedOrder() {
        Candidate ok = candidate(level(30, 0), 20, 0);
        Candidate notLinked = new Candidate("A", "W", null, false, null, null, null, null, "boom", null, null,
                "X", "s", false);
        assertThat(PushRules.decide(notLinked, NO_BUFFER, NOW).refusal()).isEqualTo(PushRefusal.NOT_LINKED);
        assertThat(PushRules.decide(withTimes(ok, null, NOW), NO_BUFFER, NOW).refusal())
                .isEqualTo(PushRefusal.NO_WAREHOUSE_SNAPSHOT);
        Candidate failed = new Candidate("A", "W", "7301", false, level(1, 0), 1, 0, NOW, "HTTP 503", null, null,
                null, null, null);
        Decision f = PushRules.decide(failed, NO_BUFFER, NOW);
        assertThat(f.refusal()).isEqualTo(PushRefusal.WAREHOUSE_SYNC_FAILED);
        assertThat(f.reason()).isEqualTo("the last sync of W failed, so its figures may be out of date (HTTP 503)");
        assertThat(PushRules.decide(withTimes(ok, NOW, null), NO_BUFFER, NOW).refusal())
                .isEqualTo(PushRefusal.NO_TIKTOK_SNAPSHOT);
        Candidate tiktokFailed = new Candidate("A", "W", "7301", true, level(1, 0), 1, 0, NOW, null, NOW, "105005",
                null, null, null);
        assertThat(PushRules.decide(tiktokFailed, NO_BUFFER, NOW).refusal()).isEqualTo(PushRefusal.TIKTOK_SYNC_FAILED);
        Candidate unassigned = new Candidate("A", "W", "7301", false, level(1, 0), null, null, NOW, null, NOW, null,
                "A-X", "csv:PH", null);
        Decision u = PushRules.decide(unassigned, NO_BUFFER, NOW);
        assertThat(u.refusal()).isEqualTo(PushRefusal.NOT_ASSIGNED);
        assertThat(u.reason()).isEqualTo("TikTok does not list this SKU in its warehouse 7301: assign it in Seller "
                + "Center first");
        Candidate conflict = new Candidate("A", "W", "7301", true, level(1, 0), 1, 0, NOW, null, NOW, null,
                "PH-MNL-10007", "csv:PH-MNL", null);
        Decision cf = PushRules.decide(conflict, NO_BUFFER, NOW);
        assertThat(cf.refusal()).isEqualTo(PushRefusal.MAPPING_CONFLICT);
        assertThat(cf.args()).containsExactly("PH-MNL-10007", "csv:PH-MNL");
        Candidate noAvailable = candidate(level(null, 3), 5, 0);
        assertThat(PushRules.decide(noAvailable, NO_BUFFER, NOW).refusal()).isEqualTo(PushRefusal.AVAILABLE_UNKNOWN);
        assertThat(PushRules.decide(candidate(null, 5, 0), NO_BUFFER, NOW).refusal())
                .isEqualTo(PushRefusal.AVAILABLE_UNKNOWN);
        assertThat(PushRules.decide(candidate(level(5, 0), null, null), NO_BUFFER, NOW).refusal())
                .isEqualTo(PushRefusal.TIKTOK_UNKNOWN);
    }

    @Test
    void zeroIsRefusedOnlyWhereTheShopIsKnownNotToTakeIt() {
        Candidate c = candidate(level(0, 0), 6, 0);
        Candidate refuses = new Candidate(c.sellerSku(), c.warehouseName(), c.tiktokWarehouseId(), true, c.level(), 6,
                0, c.warehouseAt(), null, c.tiktokAt(), null, null, null, false);
        Candidate takes = new Candidate(c.sellerSku(), c.warehouseName(), c.tiktokWarehouseId(), true, c.level(), 6,
                0, c.warehouseAt(), null, c.tiktokAt(), null, null, null, true);
        assertThat(PushRules.decide(c, NO_BUFFER, NOW).after()).as("unknown: planned, the send probes").isZero();
        assertThat(PushRules.decide(takes, NO_BUFFER, NOW).after()).isZero();
        assertThat(PushRules.decide(refuses, NO_BUFFER, NOW).refusal()).isEqualTo(PushRefusal.ZERO_NOT_ACCEPTED);
        // Already 0 on TikTok: nothing to send, nothing to refuse.
        Candidate alreadyZero = new Candidate(c.sellerSku(), c.warehouseName(), c.tiktokWarehouseId(), true, c.level(),
                0, 0, c.warehouseAt(), null, c.tiktokAt(), null, null, null, false);
        assertThat(PushRules.decide(alreadyZero, NO_BUFFER, NOW).changes()).isFalse();
    }

    @Test
    void theDailyCapCountsUnitsEitherWayAndAllowsExactlyTheCap() {
        assertThat(PushRules.unitsChanged(50, 35)).isEqualTo(15);
        assertThat(PushRules.unitsChanged(35, 50)).isEqualTo(15);
        assertThat(PushRules.unitsChanged(null, 4)).isEqualTo(4);
        assertThat(PushRules.withinDailyCap(485, 15, 500)).isTrue();
        assertThat(PushRules.withinDailyCap(486, 15, 500)).isFalse();
    }
}

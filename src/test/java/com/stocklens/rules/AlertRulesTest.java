package com.stocklens.rules;

import static com.stocklens.rules.Pairs.NOW;
import static com.stocklens.rules.Pairs.SHIPBOB;
import static com.stocklens.rules.Pairs.pair;
import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.AgeBucket;
import com.stocklens.domain.AgeProfile;
import com.stocklens.domain.Alert;
import com.stocklens.domain.AlertKind;
import com.stocklens.domain.AlertState;
import com.stocklens.domain.PairWatch;
import com.stocklens.domain.ReturnItem;
import com.stocklens.domain.ReturnStage;
import com.stocklens.domain.SourceStatus;
import com.stocklens.domain.StockLevel;
import com.stocklens.domain.StockPair;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class AlertRulesTest {
    private static StockLevel level(Integer available, Integer reserved) {
        return new StockLevel(100, available, reserved, 0, 0, null, 0);
    }

    @Test
    void oversellWhenTikTokOffersMoreThanTheWarehouseCanShip() {
        assertThat(OversellRule.evaluate(pair("S", level(10, 0), 10, 0), NOW)).isEmpty();
        Alert a = OversellRule.evaluate(pair("S", level(10, 0), 11, 0), NOW).orElseThrow();
        assertThat(a.key()).isEqualTo("OVERSELL_RISK:S@shipbob:1");
        assertThat(a.actual()).isEqualTo(11);
        assertThat(a.limit()).isEqualTo(10);
        assertThat(a.state()).isEqualTo(AlertState.ACTIVE);
        assertThat(a.raisedAt()).isEqualTo(NOW);
        assertThat(OversellRule.evaluate(pair("S", level(null, 0), 11, 0), NOW)).isEmpty();
        assertThat(OversellRule.evaluate(pair("S", level(10, 0), null, 0), NOW)).isEmpty();
    }

    @Test
    void missingPreallocationWhenCommittedExceedsReserved() {
        assertThat(PreallocationRule.evaluate(pair("S", level(10, 3), 10, 3), NOW)).isEmpty();
        Alert a = PreallocationRule.evaluate(pair("S", level(10, 3), 10, 4), NOW).orElseThrow();
        assertThat(a.kind()).isEqualTo(AlertKind.MISSING_PREALLOCATION);
        assertThat(a.actual()).isEqualTo(4);
        assertThat(a.limit()).isEqualTo(3);
        assertThat(PreallocationRule.evaluate(pair("S", level(10, null), 10, 4), NOW)).isEmpty();
        assertThat(PreallocationRule.evaluate(pair("S", level(10, 3), 10, null), NOW)).isEmpty();
    }

    @Test
    void staleSourceWhenNeverSyncedOrPastTheWindow() {
        Duration w = Duration.ofMinutes(15);
        Alert never = StaleSourceRule.evaluate(new SourceStatus(SHIPBOB, null, null), NOW, w).orElseThrow();
        assertThat(never.key()).isEqualTo("STALE_SOURCE:shipbob:main");
        assertThat(never.sourceId()).isEqualTo("shipbob:main");
        assertThat(never.sellerSku()).isNull();
        assertThat(never.actual()).isNull();
        assertThat(StaleSourceRule.evaluate(new SourceStatus(SHIPBOB, NOW.minus(w), null), NOW, w)).isEmpty();
        assertThat(StaleSourceRule.evaluate(new SourceStatus(SHIPBOB, NOW.minus(w).minusSeconds(1), "boom"), NOW, w))
                .hasValueSatisfying(a -> assertThat(a.detail().english()).contains("boom"));
    }

    /** A profile from exact ages: age in days → units; {@code unaged} units of unknown age. */
    private static AgeProfile ages(int unaged, int... ageUnits) {
        TreeMap<Integer, Integer> byAge = new TreeMap<>();
        Map<AgeBucket, Integer> buckets = new EnumMap<>(AgeBucket.class);
        for (int i = 0; i < ageUnits.length; i += 2) {
            byAge.merge(ageUnits[i], ageUnits[i + 1], Integer::sum);
            buckets.merge(AgeBucket.of(ageUnits[i]), ageUnits[i + 1], Integer::sum);
        }
        return new AgeProfile("S", "shipbob:1", buckets, byAge.isEmpty() ? null : byAge.lastKey(), unaged, byAge);
    }

    @Test
    void slowMovingStrictlyOverTheDaysAndNeverWhenAgeUnknown() {
        StockPair p = pair("S", level(10, 0), 10, 0);
        assertThat(SlowMovingRule.evaluate(p, ages(0, 90, 5), 90, NOW)).isEmpty(); // 90 days is not over 90
        assertThat(SlowMovingRule.evaluate(p, ages(0, 91, 1), 90, NOW)).hasValueSatisfying(a -> {
            assertThat(a.actual()).isEqualTo(1);
            assertThat(a.limit()).isEqualTo(90);
            assertThat(a.weight()).isEqualTo(91L); // 1 unit × 91 days
        });
        assertThat(SlowMovingRule.evaluate(p, null, 90, NOW)).isEmpty();
        assertThat(SlowMovingRule.evaluate(p, ages(500), 90, NOW)).isEmpty(); // all of unknown age
    }

    @Test
    void slowMovingFlagsAnyOldUnitWithItsUnitsAndAgeAndWeighsUnitsTimesAge() {
        // Issue 17: a line is slow-moving as soon as it holds units over 90 days, not only when half of its
        // units are. 100 young units (10 days) and 3 old ones: 2 at 200 days, 1 at 95 days.
        // units over 90 = 3; unit-days = 2 × 200 + 1 × 95 = 495; average 165 days; oldest 200.
        Alert a = SlowMovingRule.evaluate(pair("S", level(10, 0), 10, 0), ages(7, 10, 100, 200, 2, 95, 1), 90, NOW)
                .orElseThrow();
        assertThat(a.actual()).isEqualTo(3);
        assertThat(a.weight()).isEqualTo(495L);
        assertThat(a.detail().english()).startsWith("3 units older than 90 days (oldest 200 days, average 165 days): 495 unit-days")
                .endsWith("7 more units of unknown age");
        // The threshold is a setting, exact to the day: over 150 days only the 2 units at 200 days count.
        Alert b = SlowMovingRule.evaluate(pair("S", level(10, 0), 10, 0), ages(0, 10, 100, 200, 2, 95, 1), 150, NOW)
                .orElseThrow();
        assertThat(b.actual()).isEqualTo(2);
        assertThat(b.weight()).isEqualTo(400L);
    }

    @Test
    void oversellCountsOrdersTikTokCommittedThatTheWarehouseHasNotReserved() {
        // Issue 17, TTS-EBD-BLU-06: TikTok 139, warehouse available 139, committed 9 against 3 reserved →
        // 6 ordered units not reserved; the warehouse can ship 139 − 6 = 133 < 139: risk of 6 units.
        Alert a = OversellRule.evaluate(pair("S", level(139, 3), 139, 9), NOW).orElseThrow();
        assertThat(a.actual()).isEqualTo(139);
        assertThat(a.limit()).isEqualTo(133);
        assertThat(a.detail().english()).endsWith("up to 6 units could be sold that cannot ship");
        // Boundary: TikTok 133 = what can ship → no risk; 134 → risk of 1.
        assertThat(OversellRule.evaluate(pair("S", level(139, 3), 133, 9), NOW)).isEmpty();
        assertThat(OversellRule.evaluate(pair("S", level(139, 3), 134, 9), NOW)).isPresent();
        // Reserved covers the committed orders: nothing unreserved, the plain comparison (139 > 139 is false).
        assertThat(OversellRule.evaluate(pair("S", level(139, 9), 139, 9), NOW)).isEmpty();
        // Reserved unknown: no unreserved units assumed, said so.
        assertThat(OversellRule.evaluate(pair("S", level(139, null), 140, 9), NOW))
                .hasValueSatisfying(x -> assertThat(x.detail().english()).contains("unknown"));
        // What can ship never goes below 0: 2 available − 5 unreserved → 0; TikTok offering 0 is no risk.
        assertThat(OversellRule.evaluate(pair("S", level(2, 0), 0, 5), NOW)).isEmpty();
        assertThat(OversellRule.evaluate(pair("S", level(2, 0), 1, 5), NOW)).hasValueSatisfying(
                x -> assertThat(x.limit()).isZero());
    }

    @Test
    void oversoldWhenTikTokCommittedMoreThanTheWarehouseHolds() {
        // Issue 17, TTS-PS-PNK-05: committed 5, on hand 0 → already oversold by 5.
        StockLevel empty = new StockLevel(0, 0, 0, 0, 0, null, 0);
        Alert a = OversoldRule.evaluate(pair("S", empty, 0, 5), NOW).orElseThrow();
        assertThat(a.key()).isEqualTo("OVERSOLD:S@shipbob:1");
        assertThat(a.actual()).isEqualTo(5);
        assertThat(a.limit()).isZero();
        // Boundary: committed = on hand (100) is not oversold; 101 is.
        assertThat(OversoldRule.evaluate(pair("S", level(10, 0), 10, 100), NOW)).isEmpty();
        assertThat(OversoldRule.evaluate(pair("S", level(10, 0), 10, 101), NOW)).isPresent();
        assertThat(OversoldRule.evaluate(pair("S", level(10, 0), 10, null), NOW)).isEmpty();
        assertThat(OversoldRule.evaluate(pair("S", new StockLevel(null, 5, 0, 0, 0, null, 0), 10, 101), NOW)).isEmpty();
    }

    @Test
    void syncLagWhenTikTokHasNotFollowedAWarehouseChangeWithinTheWindow() {
        Duration window = Duration.ofMinutes(15);
        Instant t0 = NOW.minus(Duration.ofMinutes(30));
        // First sight at t0: warehouse 40, TikTok 40. Nothing is known to have changed yet.
        StockPair first = new StockPair("S", "shipbob:1", SHIPBOB.id(), level(40, 0), 40, 0, t0, t0);
        PairWatch w0 = SyncLagRule.track(null, first);
        assertThat(w0.changedAt()).isNull();
        // t0 + 1 min: the warehouse reads 37 (a change of 3 units: under the 5-unit calibration limit);
        // TikTok's reading (t0) is older, so 40 is what TikTok showed when the warehouse changed.
        Instant t1 = t0.plus(Duration.ofMinutes(1));
        PairWatch w1 = SyncLagRule.track(w0, new StockPair("S", "shipbob:1", SHIPBOB.id(), level(37, 0), 40, 0, t1, t0));
        assertThat(w1.changedAt()).isEqualTo(t1);
        assertThat(w1.previousAvailable()).isEqualTo(40);
        assertThat(w1.tiktokBefore()).isEqualTo(40);
        // TikTok read at t1 + 15 min: exactly the window, not beyond it → no lag yet.
        StockPair atWindow = new StockPair("S", "shipbob:1", SHIPBOB.id(), level(37, 0), 40, 0, t1, t1.plus(window));
        PairWatch w2 = SyncLagRule.track(w1, atWindow);
        assertThat(SyncLagRule.evaluate(w2, atWindow, window, t1.plus(window))).isEmpty();
        // TikTok read at t1 + 15 min 1 s, still 40: lag (actual = seconds since the change, limit = the window).
        Instant late = t1.plus(window).plusSeconds(1);
        StockPair lagging = new StockPair("S", "shipbob:1", SHIPBOB.id(), level(37, 0), 40, 0, t1, late);
        PairWatch w3 = SyncLagRule.track(w2, lagging);
        Alert a = SyncLagRule.evaluate(w3, lagging, window, late).orElseThrow();
        assertThat(a.kind()).isEqualTo(AlertKind.SKU_SYNC_LAG);
        assertThat(a.actual()).isEqualTo(901);
        assertThat(a.limit()).isEqualTo(900);
        assertThat(a.detail().english()).contains("40 → 37").contains("TikTok still shows 40");
        // TikTok follows (37): no lag. TikTok moves by a different amount (38): it did react, no lag either.
        StockPair followed = new StockPair("S", "shipbob:1", SHIPBOB.id(), level(37, 0), 37, 0, t1, late);
        assertThat(SyncLagRule.evaluate(SyncLagRule.track(w3, followed), followed, window, late)).isEmpty();
        StockPair moved = new StockPair("S", "shipbob:1", SHIPBOB.id(), level(37, 0), 38, 0, t1, late);
        assertThat(SyncLagRule.evaluate(SyncLagRule.track(w3, moved), moved, window, late)).isEmpty();
    }

    @Test
    void syncLagTakesTikTokBeforeTheChangeWhenTikTokReadAfterIt() {
        Instant t0 = NOW.minus(Duration.ofMinutes(40));
        PairWatch w0 = SyncLagRule.track(null, new StockPair("S", "shipbob:1", SHIPBOB.id(), level(40, 0), 45, 0,
                t0, t0));
        // The warehouse changed 40 → 37 at t1, but TikTok's reading of this evaluation is newer (t1 + 30 s) and
        // already moved to 42: TikTok "before" is 45 (the previous evaluation's), and it did react.
        Instant t1 = t0.plus(Duration.ofMinutes(1));
        PairWatch w1 = SyncLagRule.track(w0, new StockPair("S", "shipbob:1", SHIPBOB.id(), level(37, 0), 42, 0, t1,
                t1.plusSeconds(30)));
        assertThat(w1.tiktokBefore()).isEqualTo(45);
        StockPair later = new StockPair("S", "shipbob:1", SHIPBOB.id(), level(37, 0), 42, 0, t1, NOW);
        assertThat(SyncLagRule.evaluate(SyncLagRule.track(w1, later), later, Duration.ofMinutes(15), NOW)).isEmpty();
    }

    @Test
    void returnPassedOnTikTokButStillOutOfAvailableAfterOneCycle() {
        Duration cycle = Duration.ofMinutes(1);
        Instant read = NOW; // the warehouse's reading
        // Warehouse holds 3 in returns awaiting QC; TikTok still awaits 1 of them, and says 2 passed QC
        // 5 minutes before the reading (more than one cycle) → excess 3 − 1 = 2, passed 2 → 2 not restocked.
        StockPair p = new StockPair("S", "shipbob:1", SHIPBOB.id(), new StockLevel(100, 90, 0, 0, 0, null, 3), 90, 0,
                read, read);
        List<ReturnItem> passed = List.of(item(ReturnStage.QC_PASSED, read.minus(Duration.ofMinutes(5))),
                item(ReturnStage.QC_PASSED, read.minus(Duration.ofMinutes(5))));
        List<ReturnItem> open = List.of(item(ReturnStage.AWAITING_QC, read.minus(Duration.ofDays(1))));
        Alert a = ReturnNotRestockedRule.evaluate(p, passed, open, cycle, NOW).orElseThrow();
        assertThat(a.kind()).isEqualTo(AlertKind.RETURN_NOT_RESTOCKED);
        assertThat(a.actual()).isEqualTo(2);
        assertThat(a.limit()).isEqualTo(2);
        // Boundary: passed exactly one cycle before the reading counts; 1 s later it does not (the warehouse
        // has not had a whole cycle to show it).
        assertThat(ReturnNotRestockedRule.evaluate(p, List.of(item(ReturnStage.QC_PASSED, read.minus(cycle))), open,
                cycle, NOW)).hasValueSatisfying(x -> assertThat(x.actual()).isEqualTo(1));
        assertThat(ReturnNotRestockedRule.evaluate(p, List.of(item(ReturnStage.QC_PASSED,
                read.minus(cycle).plusSeconds(1))), open, cycle, NOW)).isEmpty();
        // The warehouse restocked them: only the 1 TikTok still awaits is in its pending bucket → nothing.
        StockPair restocked = new StockPair("S", "shipbob:1", SHIPBOB.id(), new StockLevel(100, 92, 0, 0, 0, null, 1),
                92, 0, read, read);
        assertThat(ReturnNotRestockedRule.evaluate(restocked, passed, open, cycle, NOW)).isEmpty();
        // Unknown returns awaiting QC in the warehouse: nothing judged.
        StockPair unknown = new StockPair("S", "shipbob:1", SHIPBOB.id(), new StockLevel(100, 90, 0, 0, 0, null, null),
                90, 0, read, read);
        assertThat(ReturnNotRestockedRule.evaluate(unknown, passed, open, cycle, NOW)).isEmpty();
    }

    @Test
    void workingDaysSkipTheWeekend() {
        LocalDate friday = LocalDate.of(2026, 11, 27);
        assertThat(friday.getDayOfWeek()).isEqualTo(java.time.DayOfWeek.FRIDAY);
        assertThat(ReturnQcOverdueRule.workingDaysBetween(friday, friday)).isZero();
        assertThat(ReturnQcOverdueRule.workingDaysBetween(friday, friday.plusDays(1))).isZero(); // Saturday
        assertThat(ReturnQcOverdueRule.workingDaysBetween(friday, friday.plusDays(2))).isZero(); // Sunday
        assertThat(ReturnQcOverdueRule.workingDaysBetween(friday, friday.plusDays(3))).isEqualTo(1); // Monday
        assertThat(ReturnQcOverdueRule.workingDaysBetween(friday, friday.plusDays(7))).isEqualTo(5); // next Friday
        assertThat(ReturnQcOverdueRule.workingDaysBetween(friday, friday.plusDays(10))).isEqualTo(6);
    }

    @Test
    void returnQcOverdueAfterMoreThanTheAllowedWorkingDays() {
        Instant fridayArrival = Instant.parse("2026-11-27T10:00:00Z");
        ReturnItem waiting = item(ReturnStage.AWAITING_QC, fridayArrival);
        ReturnItem shipped = item(ReturnStage.IN_TRANSIT_BACK, fridayArrival);
        StockPair p = pair("S", level(10, 0), 10, 0);
        Instant nextFriday = Instant.parse("2026-12-04T09:00:00Z"); // 5 working days
        Instant nextMonday = Instant.parse("2026-12-07T09:00:00Z"); // 6 working days
        assertThat(ReturnQcOverdueRule.evaluate(p, List.of(waiting), 5, ZoneOffset.UTC, nextFriday)).isEmpty();
        assertThat(ReturnQcOverdueRule.evaluate(p, List.of(waiting, shipped), 5, ZoneOffset.UTC, nextMonday))
                .hasValueSatisfying(a -> {
                    assertThat(a.key()).isEqualTo("RETURN_QC_OVERDUE:S@shipbob:1");
                    assertThat(a.actual()).isEqualTo(6);
                    assertThat(a.limit()).isEqualTo(5);
                    assertThat(a.detail().english()).startsWith("1 returned unit");
                });
        assertThat(ReturnQcOverdueRule.evaluate(p, List.of(shipped), 5, ZoneOffset.UTC, nextMonday)).isEmpty();
        assertThat(ReturnQcOverdueRule.evaluate(p, null, 5, ZoneOffset.UTC, nextMonday)).isEmpty();
    }

    private static int seq;

    private static ReturnItem item(ReturnStage stage, Instant at) {
        return new ReturnItem("shop", "R1", "O1", "L1-" + stage + "-" + seq++, "S", null, "RETURN_AND_REFUND", "X",
                stage, at, at);
    }
}

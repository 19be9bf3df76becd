package com.stocklens.rules;

import static com.stocklens.rules.Pairs.NOW;
import static com.stocklens.rules.Pairs.SHIPBOB;
import static com.stocklens.rules.Pairs.pair;
import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.Alert;
import com.stocklens.domain.AlertKind;
import com.stocklens.domain.AlertState;
import com.stocklens.domain.ReturnItem;
import com.stocklens.domain.ReturnStage;
import com.stocklens.domain.SourceStatus;
import com.stocklens.domain.StockLevel;
import com.stocklens.domain.StockPair;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
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
                .hasValueSatisfying(a -> assertThat(a.detail()).contains("boom"));
    }

    @Test
    void slowMovingStrictlyOverTheDaysAndNeverWhenAgeUnknown() {
        StockPair p = pair("S", level(10, 0), 10, 0);
        assertThat(SlowMovingRule.evaluate(p, 90, 90, NOW)).isEmpty();
        assertThat(SlowMovingRule.evaluate(p, 91, 90, NOW)).hasValueSatisfying(a -> {
            assertThat(a.actual()).isEqualTo(91);
            assertThat(a.limit()).isEqualTo(90);
        });
        assertThat(SlowMovingRule.evaluate(p, null, 90, NOW)).isEmpty();
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
                    assertThat(a.detail()).startsWith("1 returned unit");
                });
        assertThat(ReturnQcOverdueRule.evaluate(p, List.of(shipped), 5, ZoneOffset.UTC, nextMonday)).isEmpty();
        assertThat(ReturnQcOverdueRule.evaluate(p, null, 5, ZoneOffset.UTC, nextMonday)).isEmpty();
    }

    private static ReturnItem item(ReturnStage stage, Instant at) {
        return new ReturnItem("shop", "R1", "O1", "L1-" + stage, "S", null, "RETURN_AND_REFUND", "X", stage, at, at);
    }
}

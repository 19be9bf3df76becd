package com.stocklens.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.RetentionPolicy;
import com.stocklens.domain.Snapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetentionPlannerTest {
    private static final Instant NOW = Instant.parse("2026-11-27T12:30:00Z");
    private static final RetentionPolicy POLICY = RetentionPolicy.DEFAULTS;

    private final List<Snapshot> history = new ArrayList<>();

    private long add(String source, Duration age) {
        long id = history.size() + 1;
        history.add(new Snapshot(id, source, NOW.minus(age), 1));
        return id;
    }

    private List<Long> plan(Instant now, RetentionPolicy policy) {
        return RetentionPlanner.toDelete(history, now, policy, Set.of());
    }

    @Test
    void everythingYoungerThan48HoursStays() {
        // Both in the same UTC hour (10:29 and 10:31 two days earlier); the older one is older than 48 h.
        long older = add("s", Duration.ofHours(48).plusMinutes(1));
        long younger = add("s", Duration.ofHours(47).plusMinutes(59));
        add("s", Duration.ofMinutes(1));
        // 48h01 is not the newest of its hour (47h59 is): it goes; 47h59 is within 48 h: it stays.
        assertThat(plan(NOW, POLICY)).containsExactly(older);
        assertThat(younger).isNotEqualTo(older);
    }

    @Test
    void exactly48HoursIsStillKeptWhole() {
        long a = add("s", Duration.ofHours(48));
        add("s", Duration.ofHours(48).minusSeconds(1));
        add("s", Duration.ZERO);
        assertThat(plan(NOW, POLICY)).doesNotContain(a).isEmpty();
    }

    @Test
    void hourlyKeepsTheNewestOfEachHourUntil90Days() {
        Duration base = Duration.ofDays(10).minusMinutes(25); // 12:55 UTC ten days ago; 12:35 and 12:45 share its hour
        long first = add("s", base.plusMinutes(20));
        long second = add("s", base.plusMinutes(10));
        long newest = add("s", base);
        long nextHour = add("s", base.minusMinutes(30));
        add("s", Duration.ZERO);
        assertThat(plan(NOW, POLICY)).containsExactly(first, second);
        assertThat(List.of(newest, nextHour)).doesNotContainAnyElementsOf(plan(NOW, POLICY));
    }

    @Test
    void after90DaysOnlyTheNewestOfEachDayStays() {
        // 12:30 now; 91 days ago at 12:30, 08:30 and 02:30 (one UTC day), and 89 days ago two in different hours.
        long noon = add("s", Duration.ofDays(91));
        long morning = add("s", Duration.ofDays(91).plusHours(4));
        long night = add("s", Duration.ofDays(91).plusHours(10));
        long hourlyA = add("s", Duration.ofDays(89).plusHours(4));
        long hourlyB = add("s", Duration.ofDays(89));
        add("s", Duration.ZERO);
        assertThat(plan(NOW, POLICY)).containsExactly(morning, night);
        assertThat(List.of(noon, hourlyA, hourlyB)).doesNotContainAnyElementsOf(plan(NOW, POLICY));
    }

    @Test
    void exactlyAt90DaysTheHourlyRuleStillApplies() {
        long a = add("s", Duration.ofDays(90));               // 12:30
        long b = add("s", Duration.ofDays(90).minusHours(1)); // 13:30: another hour, same day
        add("s", Duration.ZERO);
        assertThat(plan(NOW, POLICY)).isEmpty();
        // One second later a is past 90 days: only the newest of its day stays, and that is b.
        assertThat(plan(NOW.plusSeconds(1), POLICY)).containsExactly(a);
        assertThat(a).isLessThan(b);
    }

    @Test
    void theLatestOfASourceIsNeverDroppedEvenIfOlderThanEverything() {
        // A source that stopped long ago: its two snapshots share a day 400 days back, and daily history
        // ends at 200 days. The latest (highest id) stays whatever its age; the other goes.
        long old = add("gone", Duration.ofDays(400).plusHours(2));
        long latest = add("gone", Duration.ofDays(400));
        add("live", Duration.ofDays(500));
        long liveLatest = add("live", Duration.ZERO);
        RetentionPolicy limited = new RetentionPolicy(Duration.ofHours(48), Duration.ofDays(90), Duration.ofDays(200));
        List<Long> out = plan(NOW, limited);
        assertThat(out).containsExactly(old, 3L);
        assertThat(out).doesNotContain(latest, liveLatest);
    }

    @Test
    void theLatestIsKeptEvenWhenItWasTakenBeforeOlderIds() {
        // The latest commit (highest id) may carry an older taken time (a late CSV file): still kept.
        add("csv", Duration.ofDays(100));
        long lateFile = add("csv", Duration.ofDays(120));
        assertThat(plan(NOW, POLICY)).doesNotContain(lateFile);
    }

    @Test
    void pinnedSnapshotsStay() {
        long pinned = add("csv", Duration.ofDays(100).plusHours(2));
        add("csv", Duration.ofDays(100));
        add("csv", Duration.ZERO);
        assertThat(RetentionPlanner.toDelete(history, NOW, POLICY, Set.of(pinned))).isEmpty();
        assertThat(plan(NOW, POLICY)).containsExactly(pinned);
    }
}

package com.stocklens.rules;

import com.stocklens.domain.RetentionPolicy;
import com.stocklens.domain.Snapshot;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which snapshots compaction removes (docs/ARCHITECTURE.md "Data": everything for 48 h, then hourly for 90
 * days, then daily; configurable). Pure: same snapshots, same instant, same answer.
 *
 * <p>A snapshot older than {@code keepAll} survives when it is the newest snapshot of its source in its
 * UTC hour; older than {@code hourlyFor}, when it is the newest of its source in its UTC day; older than
 * {@code dailyFor} (when set), never. "Newest" counts every snapshot of the source, so the survivor of
 * an hour never changes as time passes and compacting twice removes nothing more. The latest snapshot
 * of every source (highest id) is always kept, however old, and so is every id in {@code pinned}.
 */
public final class RetentionPlanner {
    private RetentionPlanner() {
    }

    /** The ids to delete, in ascending order. */
    public static List<Long> toDelete(List<Snapshot> snapshots, Instant now, RetentionPolicy policy,
                                      Set<Long> pinned) {
        Map<String, Long> latest = new HashMap<>();
        Map<String, Snapshot> newestPerHour = new HashMap<>();
        Map<String, Snapshot> newestPerDay = new HashMap<>();
        for (Snapshot s : snapshots) {
            latest.merge(s.sourceId(), s.id(), Math::max);
            newestPerHour.merge(key(s, ChronoUnit.HOURS), s, RetentionPlanner::newer);
            newestPerDay.merge(key(s, ChronoUnit.DAYS), s, RetentionPlanner::newer);
        }
        Set<Long> hourSurvivors = new HashSet<>();
        newestPerHour.values().forEach(s -> hourSurvivors.add(s.id()));
        Set<Long> daySurvivors = new HashSet<>();
        newestPerDay.values().forEach(s -> daySurvivors.add(s.id()));

        List<Long> out = new ArrayList<>();
        for (Snapshot s : snapshots) {
            if (latest.get(s.sourceId()) == s.id() || pinned.contains(s.id())) {
                continue;
            }
            Duration age = Duration.between(s.takenAt(), now);
            boolean keep;
            if (age.compareTo(policy.keepAll()) <= 0) {
                keep = true;
            } else if (age.compareTo(policy.hourlyFor()) <= 0) {
                keep = hourSurvivors.contains(s.id());
            } else if (policy.dailyForever() || age.compareTo(policy.dailyFor()) <= 0) {
                keep = daySurvivors.contains(s.id());
            } else {
                keep = false;
            }
            if (!keep) {
                out.add(s.id());
            }
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    private static String key(Snapshot s, ChronoUnit unit) {
        return s.sourceId() + '\u0000' + s.takenAt().truncatedTo(unit);
    }

    /** The later snapshot; ids break a tie (the later commit). */
    private static Snapshot newer(Snapshot a, Snapshot b) {
        int c = a.takenAt().compareTo(b.takenAt());
        if (c != 0) {
            return c > 0 ? a : b;
        }
        return a.id() >= b.id() ? a : b;
    }
}

package com.stocklens.app.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stocklens.domain.WarehouseProfile;
import com.stocklens.rules.score.Axis;
import com.stocklens.rules.score.Criterion;
import com.stocklens.rules.score.ScoreWeights;
import com.stocklens.service.AgeingReader;
import com.stocklens.service.Scorecards;
import com.stocklens.store.Database;
import com.stocklens.store.JdbiWarehouseKpis;
import com.stocklens.store.ScoreWeightRepository;
import com.stocklens.store.WarehouseProfileRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seller's weights and hand-entered candidates survive closing and reopening the workspace (V10). */
class ScorecardWeightsPersistenceTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T06:00:00Z"), ZoneOffset.UTC);

    private static Scorecards service(Database db) {
        AgeingReader noAges = new AgeingReader() {
            @Override
            public List<com.stocklens.domain.AgeProfile> current() {
                return List.of();
            }

            @Override
            public List<com.stocklens.service.AgeTrendPoint> over180Trend(java.time.LocalDate from,
                                                                         java.time.LocalDate to) {
                return List.of();
            }
        };
        return new ScorecardService(new WarehouseProfileRepository(db.jdbi()), new JdbiWarehouseKpis(db.jdbi()),
                noAges, CLOCK, null, new ScoreWeightRepository(db.jdbi(), CLOCK));
    }

    @Test
    void weightsAndCandidatesAreKeptAcrossARestart(@TempDir Path workspace) {
        ScoreWeights moved = ScoreWeights.EQUAL.with(Axis.SYSTEM, 0).with(Axis.COVERAGE, 4.5)
                .with(Criterion.OUTBOUND_SLA_HOURS, 2.5);
        try (Database db = Database.open(workspace, CLOCK)) {
            Scorecards s = service(db);
            assertThat(s.weights()).isEmpty();
            s.saveWeights(moved.changed());
            s.save(WarehouseProfile.empty("candidate:lisbon", "Lisbon", true));
        }
        try (Database db = Database.open(workspace, CLOCK)) {
            Scorecards s = service(db);
            assertThat(s.weights()).containsExactlyInAnyOrderEntriesOf(
                    Map.of("SYSTEM", 0.0, "COVERAGE", 4.5, "OUTBOUND_SLA_HOURS", 2.5));
            assertThat(ScoreWeights.fromNames(s.weights())).isEqualTo(moved);
            assertThat(s.read().entries()).extracting(e -> e.profile().name()).containsExactly("Lisbon");
            s.saveWeights(ScoreWeights.EQUAL.changed()); // Reset weights
            s.delete("candidate:lisbon");
        }
        try (Database db = Database.open(workspace, CLOCK)) {
            Scorecards s = service(db);
            assertThat(s.weights()).isEmpty();
            assertThat(ScoreWeights.fromNames(s.weights())).isEqualTo(ScoreWeights.EQUAL);
            assertThat(s.read().entries()).isEmpty();
        }
    }

    @Test
    void aBadWeightIsRefusedAndTheStoredOnesStay() {
        try (Database db = Database.inMemory("weights-" + System.nanoTime())) {
            ScoreWeightRepository repo = new ScoreWeightRepository(db.jdbi(), CLOCK);
            repo.replace(Map.of("COVERAGE", 2.0));
            assertThatThrownBy(() -> repo.replace(Map.of("COVERAGE", 3.0, "SYSTEM", -1.0)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> repo.replace(Map.of("SYSTEM", Double.NaN)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(repo.read()).containsExactly(Map.entry("COVERAGE", 2.0));
        }
    }

    @Test
    void namesRoundTripAndUnknownOrBadOnesAreSkipped() {
        ScoreWeights w = ScoreWeights.EQUAL.with(Axis.LOGISTICS, 0.5).with(Criterion.API_READY, 0);
        assertThat(w.changed()).containsExactly(Map.entry("API_READY", 0.0), Map.entry("LOGISTICS", 0.5));
        assertThat(ScoreWeights.fromNames(w.changed())).isEqualTo(w);
        assertThat(ScoreWeights.EQUAL.changed()).isEmpty();
        java.util.Map<String, Double> odd = new java.util.HashMap<>();
        odd.put("logistics", 0.5);
        odd.put("FROM_A_NEWER_VERSION", 2.0);
        odd.put("SYSTEM", -1.0);
        odd.put("COVERAGE", Double.POSITIVE_INFINITY);
        odd.put("MARKETS", null);
        assertThat(ScoreWeights.fromNames(odd)).isEqualTo(ScoreWeights.EQUAL.with(Axis.LOGISTICS, 0.5));
    }
}

package com.stocklens.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SimulatedWorldTest {
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    private static SimulatedWorld world(long seed, SandboxClock clock) {
        return new SimulatedWorld(seed, 300, clock);
    }

    @Test
    void sameSeedAndStepsGiveTheSameStateAndADifferentSeedDoesNot() {
        SandboxClock c1 = new SandboxClock(START);
        SandboxClock c2 = new SandboxClock(START);
        SandboxClock c3 = new SandboxClock(START);
        SimulatedWorld a = world(42, c1);
        SimulatedWorld b = world(42, c2);
        SimulatedWorld other = world(43, c3);
        // b gets there in many small hops, a in one: only the number of steps may matter.
        c1.advance(Duration.ofMinutes(30));
        for (int i = 0; i < 90; i++) {
            c2.advance(Duration.ofSeconds(20));
            b.view();
        }
        c3.advance(Duration.ofMinutes(30));
        WorldView va = a.view();
        WorldView vb = b.view();
        assertThat(va.step()).isEqualTo(900).isEqualTo(vb.step());
        assertThat(vb.cells()).isEqualTo(va.cells());
        assertThat(vb.wros()).isEqualTo(va.wros());
        assertThat(vb.returns()).isEqualTo(va.returns());
        assertThat(vb.drifts()).isEqualTo(va.drifts());
        assertThat(b.skus()).isEqualTo(a.skus());
        assertThat(other.view().cells()).isNotEqualTo(va.cells());
        assertThat(other.skus()).isNotEqualTo(a.skus());
    }

    @Test
    void catalogueHasTheShapeTheDemoNeeds() {
        SimulatedWorld w = world(7, new SandboxClock(START));
        assertThat(w.skus()).hasSize(300);
        assertThat(w.truth()).hasSize(900);
        assertThat(w.skus().stream().map(SimSku::sellerSku).distinct()).hasSize(300);
        assertThat(w.skus()).allSatisfy(s -> assertThat(s.sellerSku()).matches("TTS-[A-Z]+-[A-Z0-9]+-\\d{2}"));
        assertThat(w.skus().stream().filter(s -> !s.onTikTok()).count()).isBetween(1L, 30L);
        assertThat(w.skus().stream().filter(s -> s.barcode() != null && !s.barcodeValid()).count()).isPositive();
        assertThat(w.skus().stream().filter(SimSku::onTikTok))
                .allSatisfy(s -> assertThat(s.tiktokSkuIdUs()).hasSize(19).isNotEqualTo(s.tiktokSkuIdGb()));
        assertThat(w.products()).allSatisfy(p -> assertThat(p.skuIndexes()).hasSizeBetween(1, 4));
        assertThat(w.truth().stream().filter(c -> c.onHand() == 0).count()).isPositive();
        assertThat(SimulatedWorld.demoLinks()).containsExactly(
                Map.entry("228", "7301234567890123401"), Map.entry("156", "7301234567890123402"),
                Map.entry("310", "7301234567890123411"));
        assertThat(SimulatedWorld.demoWarehouses()).extracting(com.stocklens.domain.Warehouse::id)
                .containsExactly("shipbob:228", "shipbob:156", "shipbob:310");
    }

    @Test
    void invariantsHoldOverADayOfSimulatedTime() {
        SandboxClock clock = new SandboxClock(START);
        SimulatedWorld w = world(11, clock);
        Set<String> statusesSeen = new HashSet<>();
        Set<String> returnStatusesSeen = new HashSet<>();
        for (int hour = 0; hour < 24; hour++) {
            clock.advance(Duration.ofHours(1));
            WorldView v = w.view();
            assertInvariants(v);
            v.wros().forEach(x -> statusesSeen.add(x.status()));
            v.returns().forEach(x -> returnStatusesSeen.add(x.status()));
            SimulatedWorld.Ledger ledger = w.ledger();
            assertThat(ledger.currentTotal()).isEqualTo(ledger.expectedTotal());
        }
        SimulatedWorld.Ledger ledger = w.ledger();
        assertThat(ledger.shipped()).isGreaterThan(1000);
        assertThat(ledger.inboundAnnounced()).isPositive();
        assertThat(ledger.returnsArrived()).isPositive();
        assertThat(statusesSeen).contains("Awaiting", "Arrived", "Processing", "Completed");
        assertThat(returnStatusesSeen).contains("Awaiting Arrival", "Arrived", "Completed");
    }

    @Test
    void initialLotsFillEveryAgeBucketAndSomeSkusAreMostlyOld() {
        SandboxClock clock = new SandboxClock(START);
        WorldView v = world(42, clock).view();
        Set<Integer> buckets = new HashSet<>();
        int[] upper = {30, 60, 90, 180, 270, 365, Integer.MAX_VALUE};
        int mostlyOld = 0;
        for (CellState c : v.cells()) {
            int old = 0;
            for (SimLot l : v.lots(c.skuIndex(), c.fcId())) {
                long age = Duration.between(l.receivedAt(), START).toDays() + 1;
                for (int b = 0; b < upper.length; b++) {
                    if (age <= upper[b]) {
                        buckets.add(b);
                        break;
                    }
                }
                old += age > 180 ? l.units() : 0;
                assertThat(l.receivedAt()).isBeforeOrEqualTo(START);
            }
            if (c.onHand() > 0 && old * 10 >= c.onHand() * 7 && v.lots(c.skuIndex(), c.fcId()).stream()
                    .anyMatch(l -> l.lotNumber().startsWith("FBA-XFER-"))) {
                mostlyOld++;
            }
        }
        assertThat(buckets).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6);
        assertThat(mostlyOld).isGreaterThan(10);
    }

    @Test
    void lotsDoNotChangeTheStockAndAreTheSameForTheSameSeed() {
        SandboxClock c1 = new SandboxClock(START);
        SandboxClock c2 = new SandboxClock(START);
        SimulatedWorld a = world(42, c1);
        SimulatedWorld b = world(42, c2);
        c1.advance(Duration.ofHours(2));
        c2.advance(Duration.ofHours(2));
        WorldView va = a.view();
        WorldView vb = b.view();
        for (CellState c : va.cells()) {
            assertThat(vb.lots(c.skuIndex(), c.fcId())).isEqualTo(va.lots(c.skuIndex(), c.fcId()));
        }
        assertInvariants(va);
    }

    @Test
    void numbersChangeWithinTenSeconds() {
        SandboxClock clock = new SandboxClock(START);
        SimulatedWorld w = world(5, clock);
        int changed = 0;
        for (int i = 0; i < 30; i++) {
            List<CellState> before = w.truth();
            clock.advance(Duration.ofSeconds(10));
            if (!w.truth().equals(before)) {
                changed++;
            }
        }
        assertThat(changed).isGreaterThanOrEqualTo(27);
    }

    @Test
    void driftStaysBeyondTheCalibrationThresholdsAndSomeDriftResolves() {
        SandboxClock clock = new SandboxClock(START);
        SimulatedWorld w = world(3, clock);
        Set<Drift> seen = new HashSet<>();
        for (int i = 0; i < 48; i++) {
            WorldView v = w.view();
            List<Drift> drifts = v.drifts();
            seen.addAll(drifts);
            long availability = drifts.stream().filter(d -> d.kind() != Drift.Kind.COMMITTED_HIGH).count();
            long committed = drifts.stream().filter(d -> d.kind() == Drift.Kind.COMMITTED_HIGH).count();
            assertThat(availability).isBetween(5L, 8L);
            assertThat(committed).isBetween(2L, 3L);
            for (CellState cell : v.cells()) {
                TikTokStock tt = v.tiktokStock(cell.skuIndex(), cell.fcId());
                var drift = v.drift(cell.skuIndex(), cell.fcId());
                int total = cell.onHand() + cell.inTransit() + cell.qcHold() + cell.returnPendingQc();
                int gap = Math.abs(tt.available() - cell.available());
                if (drift.isEmpty()) {
                    assertThat(tt).isEqualTo(new TikTokStock(cell.available(), cell.reserved()));
                } else if (drift.get().kind() == Drift.Kind.COMMITTED_HIGH) {
                    assertThat(tt.committed()).isGreaterThan(cell.reserved());
                    assertThat(tt.available()).isEqualTo(cell.available());
                } else {
                    assertThat(gap).isGreaterThan(5);
                    assertThat((double) gap).isGreaterThan(0.03 * total);
                    assertThat(tt.available()).isNotNegative();
                    assertThat(w.skus().get(cell.skuIndex()).onTikTok()).isTrue();
                }
            }
            clock.advance(Duration.ofMinutes(30));
        }
        assertThat(seen.size()).as("drift appears and resolves over a day").isGreaterThan(8);
    }

    @Test
    void scalesToABenchmarkSizedWorld() {
        SandboxClock clock = new SandboxClock(START);
        SimulatedWorld w = new SimulatedWorld(8, 33_334, clock);
        clock.advance(Duration.ofMinutes(10));
        WorldView v = w.view();
        assertThat(v.cells()).hasSizeGreaterThanOrEqualTo(100_000);
        assertInvariants(v);
        SimulatedWorld.Ledger ledger = w.ledger();
        assertThat(ledger.currentTotal()).isEqualTo(ledger.expectedTotal());
    }

    @Test
    void sandboxClockZonedViewsFollowTheClock() {
        SandboxClock clock = new SandboxClock(START);
        java.time.Clock london = clock.withZone(java.time.ZoneId.of("Europe/London"));
        clock.advance(Duration.ofMinutes(5));
        assertThat(london.instant()).isEqualTo(START.plus(Duration.ofMinutes(5)));
    }

    /** The identities the app's numbers rely on. */
    static void assertInvariants(WorldView v) {
        Map<String, Integer> qc = new HashMap<>();
        Map<String, Integer> transit = new HashMap<>();
        Map<String, Integer> pending = new HashMap<>();
        for (Wro w : v.wros()) {
            for (Wro.Line l : w.lines()) {
                String key = l.skuIndex() + "@" + w.fcId();
                assertThat(l.stowed()).isBetween(0, l.received());
                assertThat(l.received()).isBetween(0, l.expected());
                if (List.of("Arrived", "PartiallyArrived", "Processing").contains(w.status())) {
                    qc.merge(key, l.received() - l.stowed(), Integer::sum);
                }
                if (List.of("Awaiting", "PartiallyArrived").contains(w.status())) {
                    transit.merge(key, l.expected() - l.received(), Integer::sum);
                }
            }
        }
        for (SimReturn r : v.returns()) {
            for (SimReturn.Line l : r.lines()) {
                if (List.of("Arrived", "Processing").contains(r.status())) {
                    pending.merge(l.skuIndex() + "@" + r.fcId(), l.quantity() - l.processed(), Integer::sum);
                }
            }
        }
        for (CellState c : v.cells()) {
            assertThat(c.toStockLevel().asMap().values()).allSatisfy(n -> assertThat(n).isNotNegative());
            assertThat(c.available()).isEqualTo(c.onHand() - c.reserved() - c.frozen());
            String key = c.skuIndex() + "@" + c.fcId();
            assertThat(c.qcHold()).as("qcHold %s", key).isEqualTo(qc.getOrDefault(key, 0));
            assertThat(c.inTransit()).as("inTransit %s", key).isEqualTo(transit.getOrDefault(key, 0));
            assertThat(c.returnPendingQc()).as("returns %s", key).isEqualTo(pending.getOrDefault(key, 0));
            List<SimLot> lots = v.lots(c.skuIndex(), c.fcId());
            assertThat(lots.stream().mapToInt(SimLot::units).sum()).as("lots %s", key).isEqualTo(c.onHand());
            assertThat(lots).allSatisfy(l -> assertThat(l.units()).isPositive());
            assertThat(lots).extracting(SimLot::receivedAt).isSorted();
        }
    }
}

package com.stocklens.sandbox;

import com.stocklens.domain.StockLevel;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The stock half of {@link WorldHistory}: every cell's daily closes, walked backwards from the epoch (see
 * there), its receipts with the days they were in transit, the returns awaiting inspection, and for a
 * ShipBob cell the first-in-first-out replay that gives its lots on any day.
 */
final class PastStock {
    private static final int DAYS = WorldHistory.DAYS;

    /** One receipt: stowed at {@code at}, on day {@code day}; the world's own starting lots keep their numbers. */
    record Receipt(int day, Instant at, int units, String lotNumber) {
    }

    /** One cell's year. */
    private static final class Year {
        final int[] shipped = new int[DAYS + 1];
        final int[] restockWanted = new int[DAYS + 1];
        final int[] restocked = new int[DAYS + 1];
        final int[] reserved = new int[DAYS + 1];
        final int[] awaitingQc = new int[DAYS + 1];
        final int[] inTransit = new int[DAYS + 1];
        final int[] onHand = new int[DAYS + 1];
        final List<Receipt> receipts = new ArrayList<>();
        /** The lots already there before the history's first day, oldest first. */
        final List<SimLot> carryIn = new ArrayList<>();
    }

    private final WorldHistory history;
    private final long seed;
    private final Year[] years;

    PastStock(WorldHistory history, long seed) {
        this.history = history;
        this.seed = seed;
        List<WorldHistory.Plan> plans = history.plans();
        this.years = new Year[plans.size()];
        for (int p = 0; p < plans.size(); p++) {
            years[p] = walk(plans.get(p));
        }
    }

    private Year walk(WorldHistory.Plan plan) {
        Year y = new Year();
        for (int d = 0; d <= DAYS; d++) {
            for (WorldHistory.Sale s : history.sales(plan, d)) {
                if (s.shipped() == null) {
                    continue;
                }
                int shipDay = history.dayIndex(s.shipped());
                y.shipped[shipDay] += s.units();
                // Placed before a close, shipped after it: reserved in that close's figures.
                for (int k = history.dayIndex(s.created()); k < shipDay; k++) {
                    y.reserved[k] += s.units();
                }
                for (WorldHistory.PastReturn r : s.returns()) {
                    int arrived = history.dayIndex(r.arrived());
                    int inspected = history.dayIndex(r.inspected());
                    for (int k = Math.max(0, arrived); k < inspected; k++) {
                        y.awaitingQc[k] += r.units();
                    }
                    if (!r.failed()) {
                        y.restockWanted[inspected] += r.units();
                    }
                }
            }
        }
        SplittableRandom rnd = new SplittableRandom(seed * 0x3C6EF372FE94F82BL + plan.cell.key());
        List<SimLot> starting = plan.start.lots();
        SimLot oldest = starting.isEmpty() ? null : starting.getFirst();
        int oldestDay = plan.hasLots() ? plan.oldestLotDay : Integer.MIN_VALUE;
        int stock = plan.start.onHand();
        int[] policy = policy(plan, rnd);
        for (int d = DAYS; d >= 0; d--) {
            y.onHand[d] = stock;
            int back = plan.restocksOn(d) ? Math.min(y.restockWanted[d], stock + y.shipped[d]) : 0;
            y.restocked[d] = back;
            int before = stock + y.shipped[d] - back;
            int fixed = 0;
            for (SimLot l : starting) {
                if (l != oldest && history.dayIndex(l.receivedAt()) == d) {
                    fixed += l.units();
                    y.receipts.add(new Receipt(d, l.receivedAt(), l.units(), l.lotNumber()));
                }
            }
            if (oldest != null && d == oldestDay) {
                int room = before - fixed - oldest.units();
                if (room < 0) {
                    throw new IllegalStateException("the past of " + plan.cell + " cannot hold its oldest lot");
                }
                int low = Math.min(room, policy[1]);
                y.receipts.add(new Receipt(d, oldest.receivedAt(), before - fixed - low, oldest.lotNumber()));
                stock = low;
            } else if (oldest != null && d > oldestDay) {
                stock = before - fixed;
            } else {
                stock = before;
                boolean spellEnds = d > 0 && plan.spell.get(d - 1) && !plan.spell.get(d);
                int receipt = 0;
                if (d == DAYS) {
                    receipt = 0; // the epoch's own day: the world's starting state, no receipt of ours
                } else if (d == plan.stockedFrom && d > 0 || spellEnds) {
                    receipt = stock;
                } else if (stock > policy[0]) {
                    receipt = stock - policy[1];
                }
                if (receipt > 0) {
                    Instant at = history.closeAt(d).minus(Duration.ofMinutes(120 + rnd.nextInt(600)));
                    y.receipts.add(new Receipt(d, at, receipt, "LOT-" + history.day(d).toString().replace("-", "")
                            + "-" + plan.cell.key()));
                    stock -= receipt;
                    policy = policy(plan, rnd);
                }
            }
            if (stock < 0) {
                throw new IllegalStateException("the past of " + plan.cell + " went below zero on day " + d);
            }
        }
        y.receipts.sort(Comparator.comparingInt(Receipt::day).thenComparing(Receipt::at));
        carryIn(plan, y, stock, starting, rnd);
        for (Receipt r : y.receipts) {
            int dock = plan.dockDaysMin + rnd.nextInt(plan.dockDaysMax - plan.dockDaysMin + 1);
            int announced = history.dayIndex(r.at().minus(Duration.ofDays(dock)).minusSeconds(rnd.nextInt(7200)));
            for (int k = Math.max(0, announced); k < r.day(); k++) {
                y.inTransit[k] += r.units();
            }
        }
        return y;
    }

    /** {usual level to replenish above, level a replenishment leaves}, drawn anew after each replenishment. */
    private static int[] policy(WorldHistory.Plan plan, SplittableRandom rnd) {
        int cap = (int) Math.round(plan.usualLevel * (1.0 + 0.3 * rnd.nextDouble()));
        int low = (int) Math.round(plan.usualLevel * 0.25 * rnd.nextDouble());
        return new int[] {cap, low};
    }

    /**
     * The lots already there when the history begins: the world's starting lots older than the history (the
     * oldest of them holding what the year sold of it), or one older lot holding whatever the walk left.
     */
    private void carryIn(WorldHistory.Plan plan, Year y, int stock, List<SimLot> starting, SplittableRandom rnd) {
        if (stock == 0) {
            return;
        }
        List<SimLot> before = starting.stream().filter(l -> history.dayIndex(l.receivedAt()) < 0).toList();
        if (!before.isEmpty()) {
            int others = before.stream().skip(1).mapToInt(SimLot::units).sum();
            SimLot oldest = before.getFirst();
            y.carryIn.add(new SimLot(oldest.lotNumber(), oldest.receivedAt(), stock - others));
            y.carryIn.addAll(before.subList(1, before.size()));
            return;
        }
        Instant at = history.day(0).minusDays(20 + rnd.nextInt(130)).atTime(LocalTime.of(10, rnd.nextInt(60)))
                .atZone(plan.cell.zone()).toInstant();
        y.carryIn.add(new SimLot("LOT-" + history.day(0).minusDays(1).toString().replace("-", "") + "-"
                + plan.cell.key(), at, stock));
    }

    int shipped(WorldHistory.Plan plan, int day) {
        return years[plan.index].shipped[day];
    }

    int received(WorldHistory.Plan plan, int day) {
        return years[plan.index].receipts.stream().filter(r -> r.day() == day).mapToInt(Receipt::units).sum();
    }

    int restocked(WorldHistory.Plan plan, int day) {
        return years[plan.index].restocked[day];
    }

    StockLevel close(WorldHistory.Plan plan, int day) {
        Year y = years[plan.index];
        int onHand = y.onHand[day];
        int frozen = Math.min(plan.start.frozen(), onHand);
        int reserved = Math.min(y.reserved[day], onHand - frozen);
        return new StockLevel(onHand, onHand - reserved - frozen, reserved, y.inTransit[day], 0, frozen,
                y.awaitingQc[day]);
    }

    /** The FIFO replay of one cell's year, the lots captured at the close of each of {@code days}. */
    Map<Integer, List<SimLot>> lots(WorldHistory.Plan plan, int... days) {
        Year y = years[plan.index];
        int[] wanted = days.clone();
        Arrays.sort(wanted);
        Map<Integer, List<SimLot>> out = new LinkedHashMap<>();
        ArrayDeque<MutableLot> shelf = new ArrayDeque<>();
        y.carryIn.forEach(l -> shelf.addLast(new MutableLot(l.lotNumber(), l.receivedAt(), l.units())));
        MutableLot lastConsumed = shelf.peekFirst();
        int next = 0;
        int r = 0;
        for (int d = 0; d <= DAYS && next < wanted.length; d++) {
            for (; r < y.receipts.size() && y.receipts.get(r).day() == d; r++) {
                Receipt rc = y.receipts.get(r);
                shelf.addLast(new MutableLot(rc.lotNumber(), rc.at(), rc.units()));
            }
            if (y.restocked[d] > 0) {
                // A returned unit goes back to the lot that was consumed last (a return is not a receipt).
                if (!shelf.contains(lastConsumed)) {
                    lastConsumed = new MutableLot(lastConsumed.number, lastConsumed.receivedAt, 0);
                    shelf.addFirst(lastConsumed);
                }
                lastConsumed.units += y.restocked[d];
            }
            int left = y.shipped[d];
            while (left > 0) {
                MutableLot front = shelf.peekFirst();
                if (front == null) {
                    throw new IllegalStateException("the lots of " + plan.cell + " fall short on day " + d);
                }
                int take = Math.min(left, front.units);
                front.units -= take;
                left -= take;
                lastConsumed = front;
                if (front.units == 0) {
                    shelf.pollFirst();
                }
            }
            while (next < wanted.length && wanted[next] == d) {
                List<SimLot> now = new ArrayList<>(shelf.size());
                shelf.forEach(l -> now.add(new SimLot(l.number, l.receivedAt, l.units)));
                out.put(d, List.copyOf(now));
                next++;
            }
        }
        return out;
    }

    private static final class MutableLot {
        final String number;
        final Instant receivedAt;
        int units;

        MutableLot(String number, Instant receivedAt, int units) {
            this.number = number;
            this.receivedAt = receivedAt;
            this.units = units;
        }
    }
}

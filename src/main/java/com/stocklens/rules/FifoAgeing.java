package com.stocklens.rules;

import com.stocklens.domain.AgeBucket;
import com.stocklens.domain.AgeProfile;
import com.stocklens.domain.DailyOnHand;
import com.stocklens.domain.Lot;
import com.stocklens.domain.ReturnedUnits;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * FIFO inventory age (docs/DOMAIN.md "Age"): every unit that leaves consumes the oldest units; age = today −
 * receipt date + 1, so the receipt day is day 1.
 *
 * <p>Units no receipt explains are {@link AgeProfile#unaged()}: stock already there on the first day we
 * observed, or more on-hand than the provider's lots add up to. They are never given a guessed age, and
 * they count as the oldest units, so FIFO consumes them first.
 *
 * <p>Returns: a customer-returned unit is not a receipt (docs/DOMAIN.md) and must not show up as young stock.
 * It goes back to the layer that was consumed most recently — FIFO's best guess of the unit that was sold
 * last — keeping that layer's original receipt date; a return beyond what our history saw consumed is
 * unaged.
 */
public final class FifoAgeing {
    private FifoAgeing() {
    }

    /** Age in days of a unit received on {@code receivedOn}, seen on {@code today}; at least 1. */
    public static int ageDays(LocalDate receivedOn, LocalDate today) {
        long days = ChronoUnit.DAYS.between(receivedOn, today) + 1;
        // A lot dated after today (a provider clock ahead of ours) is as young as stock gets, not negative.
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, days));
    }

    /**
     * The profile from a provider's lots. When the lots add up to more than {@code onHand} the excess is
     * consumed from the oldest lots (the lot figures lag the on-hand); when to less, the rest is unaged.
     *
     * @param lots the SKU's lots in this warehouse, in any order (sorted by receipt date here)
     */
    public static AgeProfile fromLots(String sellerSku, String warehouseId, List<Lot> lots, int onHand,
                                      LocalDate today) {
        List<Layer> layers = new ArrayList<>();
        lots.stream()
                .filter(l -> l.units() > 0)
                .sorted(Comparator.comparing(Lot::receivedOn))
                .forEach(l -> layers.add(new Layer(l.receivedOn(), l.units())));
        int total = layers.stream().mapToInt(l -> l.units).sum();
        int target = Math.max(0, onHand);
        consumeOldest(layers, total - target, null);
        if (total < target) {
            layers.addFirst(new Layer(null, target - total));
        }
        return profile(sellerSku, warehouseId, layers, today);
    }

    /**
     * The profile from our own daily on-hand history. The first day's stock is unaged. On every later day
     * the change of on-hand is split into units consumed (at least the known {@code shipped}), returns
     * restocked and receipts: receipts = change − returns + consumed, never negative. Consumption goes first
     * (oldest layers), then returns, then the day's receipt becomes a new layer dated that day.
     *
     * @param history  one entry per observed day, in any order; days after {@code today} are ignored
     * @param returned returned units re-entering on-hand per day; null or empty when none are known
     */
    public static AgeProfile fromHistory(String sellerSku, String warehouseId, List<DailyOnHand> history,
                                         List<ReturnedUnits> returned, LocalDate today) {
        List<DailyOnHand> days = history.stream()
                .filter(d -> !d.day().isAfter(today))
                .sorted(Comparator.comparing(DailyOnHand::day))
                .toList();
        List<Layer> layers = new ArrayList<>();
        if (days.isEmpty()) {
            return profile(sellerSku, warehouseId, layers, today);
        }
        Map<LocalDate, Integer> returnsByDay = new HashMap<>();
        if (returned != null) {
            returned.forEach(r -> returnsByDay.merge(r.day(), r.units(), Integer::sum));
        }
        // Consumed units, most recently consumed last: where a returned unit most likely came from.
        Deque<Layer> consumed = new ArrayDeque<>();
        int previous = days.getFirst().onHand();
        if (previous > 0) {
            layers.add(new Layer(null, previous));
        }
        for (DailyOnHand d : days.subList(1, days.size())) {
            int change = d.onHand() - previous;
            int returns = returnsByDay.getOrDefault(d.day(), 0);
            int out = Math.max(d.shipped(), returns - change);
            int receipts = change - returns + out;
            int left = consumeOldest(layers, out, consumed);
            restock(layers, consumed, returns);
            if (receipts > 0) {
                layers.add(new Layer(d.day(), receipts));
            }
            // Units shipped beyond what was there before the day were received and shipped the same day.
            consumeOldest(layers, left, consumed);
            previous = d.onHand();
        }
        return profile(sellerSku, warehouseId, layers, today);
    }

    /** Removes {@code units} from the oldest layers; returns how many could not be removed. */
    private static int consumeOldest(List<Layer> layers, int units, Deque<Layer> consumed) {
        int left = units;
        while (left > 0 && !layers.isEmpty()) {
            Layer oldest = layers.getFirst();
            int take = Math.min(left, oldest.units);
            oldest.units -= take;
            left -= take;
            if (consumed != null) {
                consumed.addLast(new Layer(oldest.receivedOn, take));
            }
            if (oldest.units == 0) {
                layers.removeFirst();
            }
        }
        return Math.max(0, left);
    }

    /** Puts returned units back into the most recently consumed layers, keeping their receipt dates. */
    private static void restock(List<Layer> layers, Deque<Layer> consumed, int units) {
        int left = units;
        while (left > 0 && !consumed.isEmpty()) {
            Layer last = consumed.peekLast();
            int take = Math.min(left, last.units);
            last.units -= take;
            left -= take;
            if (last.units == 0) {
                consumed.pollLast();
            }
            insert(layers, last.receivedOn, take);
        }
        if (left > 0) {
            insert(layers, null, left);
        }
    }

    /** Adds units to the layer of that date (null = unaged), keeping layers oldest first. */
    private static void insert(List<Layer> layers, LocalDate receivedOn, int units) {
        ListIterator<Layer> it = layers.listIterator();
        while (it.hasNext()) {
            Layer l = it.next();
            if (Objects.equals(l.receivedOn, receivedOn)) {
                l.units += units;
                return;
            }
            if (receivedOn == null || (l.receivedOn != null && l.receivedOn.isAfter(receivedOn))) {
                it.previous();
                it.add(new Layer(receivedOn, units));
                return;
            }
        }
        layers.add(new Layer(receivedOn, units));
    }

    private static AgeProfile profile(String sellerSku, String warehouseId, List<Layer> layers, LocalDate today) {
        Map<AgeBucket, Integer> units = new EnumMap<>(AgeBucket.class);
        for (AgeBucket b : AgeBucket.values()) {
            units.put(b, 0);
        }
        int unaged = 0;
        Integer oldest = null;
        NavigableMap<Integer, Integer> byAge = new TreeMap<>();
        for (Layer l : layers) {
            if (l.units <= 0) {
                continue;
            }
            if (l.receivedOn == null) {
                unaged += l.units;
                continue;
            }
            int age = ageDays(l.receivedOn, today);
            units.merge(AgeBucket.of(age), l.units, Integer::sum);
            byAge.merge(age, l.units, Integer::sum);
            oldest = oldest == null ? age : Math.max(oldest, age);
        }
        return new AgeProfile(sellerSku, warehouseId, units, oldest, unaged, byAge);
    }

    /** A FIFO layer: units received on one day (null = unaged). Mutable while one profile is computed. */
    private static final class Layer {
        final LocalDate receivedOn;
        int units;

        Layer(LocalDate receivedOn, int units) {
            this.receivedOn = receivedOn;
            this.units = units;
        }
    }
}

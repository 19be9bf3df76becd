package com.stocklens.app.reports;

import com.stocklens.domain.AgeProfile;
import com.stocklens.domain.BeijingTime;
import com.stocklens.domain.DailyOnHand;
import com.stocklens.domain.ReturnedUnits;
import com.stocklens.rules.FifoAgeing;
import com.stocklens.service.AgeTrendPoint;
import com.stocklens.service.AgeingReader;
import com.stocklens.store.AgeingInputs;
import com.stocklens.store.AgeingInputs.DailyClose;
import com.stocklens.store.AgeingInputs.Row;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * FIFO ageing from the store: the {@link AgeingReader} the screens and reports use.
 *
 * <p>It lives in {@code sync} because it joins the store's raw inputs ({@link AgeingInputs}) with the
 * rule ({@link FifoAgeing}), and only {@code sync} may depend on both (ArchitectureTest: the store speaks
 * SQL and the domain, the rules only the domain).
 *
 * <p>Per SKU × warehouse of the latest warehouse snapshots: the snapshot's lots when it has any (the
 * provider's receipt dates, against the row's on-hand); a row without lots and without stock is empty;
 * otherwise our own history: the on-hand of the day's last complete snapshot per Beijing day, with the
 * drop of "returns pending QC" from one day's close to the next counted as returned units going back on
 * the shelf (not receipts). "Today" is the Beijing day of the clock, the day sellers think in.
 */
public final class AgeingService implements AgeingReader {
    private final AgeingInputs inputs;
    private final Clock clock;

    public AgeingService(AgeingInputs inputs, Clock clock) {
        this.inputs = Objects.requireNonNull(inputs, "inputs");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<AgeProfile> current() {
        return profiles(null, LocalDate.now(clock.withZone(BeijingTime.ZONE)), null);
    }

    /**
     * Ages as they stood at {@code at}: lots and on-hand of each source's last snapshot taken at or
     * before it, the daily history up to it, and every age counted to {@code at}'s Beijing day (receipt
     * day = day 1), so a unit received 10 days before T is 10 days old at T, not older by today's count.
     */
    @Override
    public List<AgeProfile> at(Instant at) {
        Objects.requireNonNull(at, "at");
        return profiles(at, at.atZone(BeijingTime.ZONE).toLocalDate(), null);
    }

    /**
     * The age profile of one seller SKU in every warehouse holding it, now ({@code at} null) or as it
     * stood at {@code at}; reads only that SKU's rows (the SKU detail pane).
     */
    public List<AgeProfile> of(String sellerSku, Instant at) {
        Objects.requireNonNull(sellerSku, "sellerSku");
        LocalDate today = at == null ? LocalDate.now(clock.withZone(BeijingTime.ZONE))
                : at.atZone(BeijingTime.ZONE).toLocalDate();
        return profiles(at, today, sellerSku);
    }

    private List<AgeProfile> profiles(Instant at, LocalDate today, String onlySku) {
        List<AgeProfile> out = new ArrayList<>();
        Map<String, List<DailyClose>> history = null;
        for (Row r : inputs.latestAt(at, onlySku)) {
            if (r.onHand() == null || r.onHand() <= 0) {
                continue;
            }
            if (!r.lots().isEmpty()) {
                out.add(FifoAgeing.fromLots(r.sellerSku(), r.warehouseId(), r.lots(), r.onHand(), today));
                continue;
            }
            if (history == null) {
                // Read once, and only when some row has no lots: a lot-reporting provider never needs it.
                history = new HashMap<>();
                for (DailyClose d : inputs.dailyCloses(BeijingTime.ZONE, at, onlySku)) {
                    history.computeIfAbsent(key(d.sellerSku(), d.warehouseId()), k -> new ArrayList<>()).add(d);
                }
            }
            out.add(fromHistory(r, history.getOrDefault(key(r.sellerSku(), r.warehouseId()), List.of()), today));
        }
        out.sort(Comparator.comparing(AgeProfile::sellerSku).thenComparing(AgeProfile::warehouseId));
        return out;
    }

    /**
     * The history's days plus today's figure from the latest snapshot (it may be newer than the day's
     * close read from the store a moment earlier, and it is the on-hand the profile must add up to).
     */
    private static AgeProfile fromHistory(Row latest, List<DailyClose> closes, LocalDate today) {
        List<DailyOnHand> days = new ArrayList<>();
        List<ReturnedUnits> returns = new ArrayList<>();
        Integer previousPending = null;
        for (DailyClose d : closes) {
            if (d.onHand() == null || d.day().isAfter(today)) {
                continue;
            }
            if (d.day().equals(today)) {
                continue;
            }
            days.add(new DailyOnHand(d.day(), Math.max(0, d.onHand())));
            addReturns(returns, d.day(), previousPending, d.returnPendingQc());
            previousPending = d.returnPendingQc();
        }
        days.add(new DailyOnHand(today, latest.onHand()));
        Integer todayPending = null;
        for (DailyClose d : closes) {
            if (d.day().equals(today)) {
                todayPending = d.returnPendingQc();
            }
        }
        addReturns(returns, today, previousPending, todayPending);
        return FifoAgeing.fromHistory(latest.sellerSku(), latest.warehouseId(), days, returns, today);
    }

    /**
     * Returns pending QC that fell from one close to the next went back on the shelf (most pass QC; a
     * unit that failed is frozen, and frozen is part of on-hand too). Unknown on either side: none.
     */
    private static void addReturns(List<ReturnedUnits> returns, LocalDate day, Integer before, Integer after) {
        if (before != null && after != null && before > after) {
            returns.add(new ReturnedUnits(day, before - after));
        }
    }

    /**
     * Per day, the share of units older than 180 days among the units whose age is known (unaged units
     * are left out of both sides), from that day's last snapshot with lots; days without lots are skipped.
     */
    @Override
    public List<AgeTrendPoint> over180Trend(LocalDate from, LocalDate to) {
        return over180Trend(from, to, Set.of());
    }

    /**
     * As {@link #over180Trend(LocalDate, LocalDate)}, counting only the warehouses {@code warehouseIds} (none:
     * all).
     */
    @Override
    public List<AgeTrendPoint> over180Trend(LocalDate from, LocalDate to, Set<String> warehouseIds) {
        List<AgeTrendPoint> out = new ArrayList<>();
        inputs.dailyLots(from, to, BeijingTime.ZONE).forEach((day, rows) -> {
            long aged = 0;
            long old = 0;
            for (Row r : rows) {
                if (!warehouseIds.isEmpty() && !warehouseIds.contains(r.warehouseId())) {
                    continue;
                }
                if (r.onHand() == null || r.onHand() <= 0 || r.lots().isEmpty()) {
                    continue;
                }
                AgeProfile p = FifoAgeing.fromLots(r.sellerSku(), r.warehouseId(), r.lots(), r.onHand(), day);
                aged += p.total() - p.unaged();
                old += p.olderThan(180);
            }
            if (aged > 0) {
                out.add(new AgeTrendPoint(day, 100.0 * old / aged, aged));
            }
        });
        return out;
    }

    private static String key(String sku, String warehouse) {
        return sku + '\u0000' + warehouse;
    }
}

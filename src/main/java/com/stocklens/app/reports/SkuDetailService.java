package com.stocklens.app.reports;

import com.stocklens.domain.AgeProfile;
import com.stocklens.domain.BeijingTime;
import com.stocklens.domain.CalibrationTask;
import com.stocklens.domain.Lot;
import com.stocklens.domain.Warehouse;
import com.stocklens.service.AlertRow;
import com.stocklens.service.BoardRow;
import com.stocklens.service.DailyDemand;
import com.stocklens.service.DemandReader;
import com.stocklens.service.FlagBoard;
import com.stocklens.service.FlagReader;
import com.stocklens.service.SkuDetail;
import com.stocklens.service.SkuDetails;
import com.stocklens.service.StockBoard;
import com.stocklens.service.TaskRow;
import com.stocklens.store.AgeingInputs;
import com.stocklens.store.FlagRepository;
import com.stocklens.store.JdbiStockBoardReader;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The SKU detail pane's read model: one seller SKU's board rows, red flags, ages and lots, last 30 days
 * and calibration history, each read for that SKU alone (never the whole board), now or at a past moment.
 */
public final class SkuDetailService implements SkuDetails {
    private final JdbiStockBoardReader board;
    private final FlagRepository tasks;
    private final FlagReader flags;
    private final AgeingService ageing;
    private final AgeingInputs inputs;
    private final DemandReader demand;
    private final Clock clock;

    public SkuDetailService(JdbiStockBoardReader board, FlagRepository tasks, FlagReader flags, AgeingService ageing,
                            AgeingInputs inputs, DemandReader demand, Clock clock) {
        this.board = Objects.requireNonNull(board, "board");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.flags = Objects.requireNonNull(flags, "flags");
        this.ageing = Objects.requireNonNull(ageing, "ageing");
        this.inputs = Objects.requireNonNull(inputs, "inputs");
        this.demand = Objects.requireNonNull(demand, "demand");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public SkuDetail detail(String sellerSku, Instant at) {
        Objects.requireNonNull(sellerSku, "sellerSku");
        StockBoard rows = board.readSku(sellerSku, at);
        List<BoardRow> lines = new ArrayList<>(rows.rows());
        lines.sort(Comparator.comparing((BoardRow r) -> r.warehouse().id()));
        String name = lines.stream().map(r -> r.sku().name()).filter(Objects::nonNull).findFirst().orElse(null);
        Map<String, Warehouse> warehouses = new HashMap<>();
        rows.warehouses().forEach(w -> warehouses.put(w.id(), w));
        lines.forEach(r -> warehouses.put(r.warehouse().id(), r.warehouse()));

        List<TaskRow> calibrations = new ArrayList<>();
        for (CalibrationTask t : tasks.tasksOf(sellerSku)) {
            if (at == null || !t.detectedAt().isAfter(at)) {
                calibrations.add(new TaskRow(t, name, warehouses.get(t.warehouseId())));
            }
        }
        FlagBoard flagBoard = at == null ? flags.read() : flags.readAt(at);
        List<AlertRow> alerts = flagBoard.alerts().stream()
                .filter(a -> sellerSku.equals(a.alert().sellerSku())).toList();

        List<AgeProfile> ages = ageing.of(sellerSku, at);
        List<Lot> lots = new ArrayList<>();
        inputs.latestAt(at, sellerSku).forEach(r -> lots.addAll(r.lots()));
        lots.sort(Comparator.comparing(Lot::warehouseId).thenComparing(Lot::receivedOn));
        return new SkuDetail(sellerSku, name, at, lines, alerts, calibrations, ages, lots, days(sellerSku, at));
    }

    /** On hand at each day's close and units sold, over the last {@link SkuDetails#DAYS} Beijing days. */
    private List<SkuDetail.Day> days(String sellerSku, Instant at) {
        LocalDate today = (at == null ? clock.instant() : at).atZone(BeijingTime.ZONE).toLocalDate();
        LocalDate from = today.minusDays(DAYS - 1L);
        Map<LocalDate, Integer> onHand = new TreeMap<>();
        for (AgeingInputs.DailyClose d : inputs.dailyCloses(BeijingTime.ZONE, at, sellerSku)) {
            if (d.onHand() != null && !d.day().isBefore(from) && !d.day().isAfter(today)) {
                onHand.merge(d.day(), d.onHand(), Integer::sum);
            }
        }
        Map<String, List<DailyDemand>> sold = demand.dailyDemand(from, today);
        Map<LocalDate, Integer> units = new HashMap<>();
        sold.getOrDefault(sellerSku, List.of()).forEach(d -> units.merge(d.day(), d.units(), Integer::sum));
        List<SkuDetail.Day> days = new ArrayList<>(DAYS);
        for (LocalDate d = from; !d.isAfter(today); d = d.plusDays(1)) {
            // No order history at all: unknown, not zero sales.
            days.add(new SkuDetail.Day(d, onHand.get(d), sold.isEmpty() ? null : units.getOrDefault(d, 0)));
        }
        return days;
    }
}

package com.stocklens.app.flags;

import com.stocklens.app.reports.WarehouseDemandService;
import com.stocklens.domain.AgeProfile;
import com.stocklens.domain.Alert;
import com.stocklens.domain.BeijingTime;
import com.stocklens.domain.CalibrationTask;
import com.stocklens.domain.DeclaredCause;
import com.stocklens.domain.PairWatch;
import com.stocklens.domain.Provider;
import com.stocklens.domain.ReturnItem;
import com.stocklens.domain.SalesCount;
import com.stocklens.domain.SourceInfo;
import com.stocklens.domain.SourceKind;
import com.stocklens.domain.SourceStatus;
import com.stocklens.domain.StockPair;
import com.stocklens.domain.SyncStatus;
import com.stocklens.domain.Thresholds;
import com.stocklens.rules.CalibrationCheck;
import com.stocklens.rules.CalibrationRule;
import com.stocklens.rules.DemandDay;
import com.stocklens.rules.FlagEvaluation;
import com.stocklens.rules.FlagEvaluator;
import com.stocklens.rules.FlagInputs;
import com.stocklens.rules.RootCauseHints;
import com.stocklens.rules.WarehouseDemand;
import com.stocklens.service.AgeingReader;
import com.stocklens.service.BoardRow;
import com.stocklens.service.DailyDemand;
import com.stocklens.service.DemandReader;
import com.stocklens.service.FlagActions;
import com.stocklens.service.FlagEvents;
import com.stocklens.service.FlagsChanged;
import com.stocklens.service.ReturnsPoolReader;
import com.stocklens.service.SourceFreshness;
import com.stocklens.service.StockBoard;
import com.stocklens.service.StockBoardReader;
import com.stocklens.service.SyncEvent;
import com.stocklens.service.SyncEvents;
import com.stocklens.store.FlagRepository;
import com.stocklens.support.NamedThreads;
import com.stocklens.sync.FollowedFlags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the red-flag rules after every complete sync and stores the outcome; carries out people's
 * actions on flags; tells subscribers what changed.
 *
 * <ul>
 *   <li>Every finished sync run schedules one evaluation after a short settle delay, so the
 *       sources of one sync cycle (which end a moment apart) are judged together; events that arrive
 *       while one is pending coalesce into it. FAILED runs count too: a source that keeps failing is
 *       exactly when the STALE_SOURCE alert must rise, and no COMPLETE run would ever announce it.</li>
 *   <li>Evaluations, scheduled or {@link #evaluateNow()}, run one at a time: read the board and the
 *       open tasks, evaluate, apply in one transaction.</li>
 *   <li>Exactly one {@link FlagsChanged} per evaluation or action, delivered on the engine's own daemon
 *       thread ({@code stocklens-flags}), so a slow listener never stalls a sync or a person.</li>
 *   <li>Demand and returns come from optional readers; without them (or when they fail) the
 *       safety-stock and returns-QC rules raise nothing, and calibration carries on.</li>
 * </ul>
 */
public final class FlagEngine implements FlagActions, FlagEvents, FollowedFlags, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FlagEngine.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
    /** How far back returns passed on TikTok are looked at for RETURN_NOT_RESTOCKED. */
    static final Duration PASSED_HORIZON = Duration.ofDays(30);

    private final FlagRepository repo;
    private final StockBoardReader boards;
    private final Clock clock;
    private final Thresholds thresholds;
    private final Duration staleSideTolerance;
    private final Duration settle;
    private final DemandReader demand;
    private final ReturnsPoolReader returns;
    private final AgeingReader ageing;
    private final AutoCloseable subscription;
    private final List<Consumer<FlagsChanged>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledThreadPoolExecutor executor;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ReentrantLock evaluating = new ReentrantLock();
    private volatile boolean closed;
    /** Team mode: whether this desk judges the flags now (holds the rules lease); a lone workspace always does. */
    private volatile BooleanSupplier judges = () -> true;
    /** The one demand model; null → the per-SKU {@link #demand}, every sale of unknown warehouse. */
    private volatile WarehouseDemandService warehouseDemand;
    /** One sync cycle: how long a passed return is given to show as available. */
    private volatile Duration cycle;

    /**
     * @param syncEvents         the sync engine's events; null to evaluate only on {@link #evaluateNow()}
     * @param thresholds         the policy figures (staleAfter from the launch options)
     * @param staleSideTolerance how far apart the two sides' snapshots may be before STALE_SIDE is hinted
     * @param settle             wait after a sync event before evaluating (0 evaluates at once)
     * @param demand             daily demand, or null until orders are synced
     * @param returns            the returns pool, or null until returns are synced
     */
    public FlagEngine(FlagRepository repo, StockBoardReader boards, SyncEvents syncEvents, Clock clock,
                      Thresholds thresholds, Duration staleSideTolerance, Duration settle, DemandReader demand,
                      ReturnsPoolReader returns) {
        this(repo, boards, syncEvents, clock, thresholds, staleSideTolerance, settle, demand, returns, null);
    }

    /**
     * @param ageing FIFO ageing for the slow-moving rule (oldest unit per SKU × warehouse); null → no
     *               slow-moving alerts
     */
    public FlagEngine(FlagRepository repo, StockBoardReader boards, SyncEvents syncEvents, Clock clock,
                      Thresholds thresholds, Duration staleSideTolerance, Duration settle, DemandReader demand,
                      ReturnsPoolReader returns, AgeingReader ageing) {
        this.ageing = ageing;
        this.repo = Objects.requireNonNull(repo, "repo");
        this.boards = Objects.requireNonNull(boards, "boards");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
        this.staleSideTolerance = Objects.requireNonNull(staleSideTolerance, "staleSideTolerance");
        this.settle = Objects.requireNonNull(settle, "settle");
        this.demand = demand;
        this.returns = returns;
        this.cycle = staleSideTolerance.dividedBy(2);
        this.executor = new ScheduledThreadPoolExecutor(1, NamedThreads.daemon("stocklens-flags"));
        // A pending evaluation must not hold close() up for its settle delay.
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.subscription = syncEvents == null ? null : syncEvents.subscribe(this::onSync);
    }

    public Thresholds thresholds() {
        return thresholds;
    }

    /**
     * Reads demand from the one demand model (docs/DOMAIN.md "Demand and stock cover": units per SKU per
     * warehouse from the sale lines' warehouse). Without it, the per-SKU demand is every sale of unknown
     * warehouse, split evenly over the warehouses holding the SKU (the model's rule for such sales).
     */
    public FlagEngine withWarehouseDemand(WarehouseDemandService model) {
        this.warehouseDemand = Objects.requireNonNull(model, "model");
        return this;
    }

    /** One sync cycle (the cadence): a return TikTok passed is given that long to show as available. */
    public FlagEngine withCycle(Duration newCycle) {
        this.cycle = Objects.requireNonNull(newCycle, "cycle");
        return this;
    }

    /**
     * Team mode: evaluations after syncs run only while {@code judges} is true (this desk holds the
     * rules lease), so one desk opens each calibration task; the others follow the shared database.
     * {@link #evaluateNow()} is not gated (the store serialises evaluations, so a task is still opened once).
     */
    public FlagEngine judgedWhen(BooleanSupplier newJudges) {
        this.judges = Objects.requireNonNull(newJudges, "judges");
        return this;
    }

    @Override
    public void publishFollowed(FlagsChanged changed) {
        publish(changed);
    }

    @Override
    public AutoCloseable subscribe(Consumer<FlagsChanged> listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void onSync(SyncEvent event) {
        if (closed || event.run().status() == SyncStatus.RUNNING || !judges.getAsBoolean()
                || !pending.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.schedule(() -> {
                pending.set(false);
                if (closed || !judges.getAsBoolean()) {
                    return;
                }
                try {
                    evaluateNow();
                } catch (RuntimeException e) {
                    // The next sync tries again; a failed evaluation leaves the stored flags as they were.
                    LOG.error("Evaluating the red flags failed", e);
                }
            }, settle.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            pending.set(false);
        }
    }

    /**
     * Evaluates the rules on the current board now, on the calling thread, stores the outcome and
     * publishes one {@link FlagsChanged}. Blocking I/O: never on the FX thread.
     */
    public FlagsChanged evaluateNow() {
        evaluating.lock();
        try {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            StockBoard board = boards.read();
            FlagInputs inputs = inputs(now, board, repo.openTasks());
            FlagEvaluation e = FlagEvaluator.evaluate(inputs);
            FlagsChanged changed = repo.apply(e.evaluatedAt(), e.calibration().toOpen(), e.calibration().toUpdate(),
                    e.calibration().toResolve(), e.alerts(), e.undecidedKeys(), e.watches());
            if (!changed.opened().isEmpty() || !changed.resolved().isEmpty() || !changed.raised().isEmpty()) {
                LOG.info("Red flags: {} task(s) opened, {} resolved, {} alert(s) raised", changed.opened().size(),
                        changed.resolved().size(), changed.raised().size());
            }
            publish(changed);
            return changed;
        } finally {
            evaluating.unlock();
        }
    }

    FlagInputs inputs(Instant now, StockBoard board, List<CalibrationTask> openTasks) {
        List<StockPair> pairs = pairs(board);
        List<SourceStatus> sources = board.sources().stream()
                .map(f -> new SourceStatus(f.source(), f.lastSnapshotAt(), f.lastError()))
                .toList();
        Map<String, ZoneId> zones = new HashMap<>();
        board.rows().forEach(r -> zones.put(r.warehouse().id(), r.warehouse().zone()));
        Map<String, BoardRow> holders = returnHolders(board.rows());
        return new FlagInputs(now, thresholds, pairs, sources, openTasks, staleSideTolerance,
                demandByPair(now, pairs), returnsByPair(holders), agesByPair(() -> ageing.current()), zones,
                watches(), passedByPair(holders, now), cycle);
    }

    /**
     * The alert conditions the rules find true at a past moment {@code at} on {@code board} (the board as
     * of {@code at}), judged with today's thresholds: stale sources, oversell and missing pre-allocation
     * (both sides fresh at {@code at}), safety stock on the demand of the days before {@code at}'s day,
     * slow-moving on the ages as of {@code at}. Returns awaiting QC keep no history, so no returns-QC
     * alert is judged. Nothing is stored. Blocking I/O: never on the FX thread.
     */
    /**
     * {@code tasks} (the calibration tasks open at {@code at}) with the figures and hints they had then:
     * the store keeps a task's quantities only as last updated (after the gap closed they agree), so
     * they are recomputed by the calibration rule on {@code board} (the board as of {@code at}). A task
     * whose pair is missing or not comparable on that board keeps its stored figures.
     */
    public List<CalibrationTask> tasksAt(Instant at, StockBoard board, List<CalibrationTask> tasks) {
        Map<String, StockPair> byKey = new HashMap<>();
        for (StockPair p : pairs(board)) {
            byKey.put(p.key(), p);
        }
        List<CalibrationTask> out = new ArrayList<>(tasks.size());
        for (CalibrationTask t : tasks) {
            StockPair pair = byKey.get(t.pairKey());
            CalibrationCheck check = pair == null ? null
                    : CalibrationRule.check(pair, thresholds);
            if (check == null || !check.comparable()) {
                out.add(t);
                continue;
            }
            out.add(new CalibrationTask(t.id(), t.sellerSku(), t.warehouseId(), t.detectedAt(), t.deadline(),
                    check.warehouseQuantity(), check.tiktokQuantity(), t.state(), t.declaration(), t.closedAt(),
                    RootCauseHints.of(pair, check, staleSideTolerance)));
        }
        return out;
    }

    public List<Alert> alertsAt(Instant at, StockBoard board) {
        Objects.requireNonNull(at, "at");
        Map<String, ZoneId> zones = new HashMap<>();
        board.rows().forEach(r -> zones.put(r.warehouse().id(), r.warehouse().zone()));
        List<SourceStatus> sources = board.sources().stream()
                .map(f -> new SourceStatus(f.source(), f.lastSnapshotAt(), f.lastError()))
                .toList();
        List<StockPair> pairs = pairs(board);
        FlagInputs inputs = new FlagInputs(at, thresholds, pairs, sources, List.of(), staleSideTolerance,
                demandByPair(at, pairs), Map.of(), agesByPair(() -> ageing.at(at)), zones, Map.of(), Map.of(), cycle);
        return FlagEvaluator.evaluate(inputs).alerts();
    }

    /**
     * Board rows as rule inputs. A row's warehouse source is the configured warehouse source of the
     * warehouse's provider (one account per provider today; the board does not carry the source id).
     */
    static List<StockPair> pairs(StockBoard board) {
        Map<Provider, String> sourceByProvider = new HashMap<>();
        for (SourceFreshness f : board.sources()) {
            SourceInfo s = f.source();
            if (s.kind() == SourceKind.WAREHOUSE && s.provider() != null) {
                sourceByProvider.putIfAbsent(s.provider(), s.id());
            }
        }
        List<StockPair> pairs = new ArrayList<>(board.rows().size());
        for (BoardRow r : board.rows()) {
            pairs.add(new StockPair(r.sku().sellerSku(), r.warehouse().id(),
                    sourceByProvider.get(r.warehouse().provider()), r.level(), r.tiktokAvailable(),
                    r.tiktokCommitted(), r.warehouseSnapshotAt(), r.tiktokSnapshotAt()));
        }
        return pairs;
    }

    /** The FIFO age profile per {@code sku@warehouse}: the slow-moving rule flags any unit over its threshold. */
    private Map<String, AgeProfile> agesByPair(Supplier<List<AgeProfile>> profiles) {
        if (ageing == null) {
            return Map.of();
        }
        try {
            Map<String, AgeProfile> out = new HashMap<>();
            for (AgeProfile p : profiles.get()) {
                out.put(p.sellerSku() + "@" + p.warehouseId(), p);
            }
            return out;
        } catch (RuntimeException e) {
            LOG.warn("Ageing could not be read; no slow-moving alerts this time: {}", e.toString());
            return Map.of();
        }
    }

    /** What the sync-lag rule remembers; nothing when it cannot be read (the rule starts watching afresh). */
    private Map<String, PairWatch> watches() {
        try {
            return repo.watches();
        } catch (RuntimeException e) {
            LOG.warn("The sync-lag memory could not be read; watching afresh: {}", e.toString());
            return Map.of();
        }
    }

    /**
     * Daily demand over the window per {@code sku@warehouse} of the board: the complete Beijing days before
     * {@code now}'s day, from the one demand model; without it, the per-SKU series as sales of unknown
     * warehouse (split evenly over the warehouses holding the SKU, each day out of stock as the SKU was).
     */
    private Map<String, List<DemandDay>> demandByPair(Instant now, List<StockPair> pairs) {
        LocalDate to = now.atZone(BeijingTime.ZONE).toLocalDate().minusDays(1); // today is not over yet
        LocalDate from = to.minusDays(thresholds.demandWindowDays() - 1L);
        try {
            Map<String, List<DemandDay>> out = new HashMap<>();
            WarehouseDemandService model = warehouseDemand;
            if (model != null) {
                WarehouseDemandService.Demand d = model.read(from, to);
                for (StockPair p : pairs) {
                    List<DemandDay> days = d.series(p.sellerSku(), p.warehouseId(), from, to);
                    if (!days.isEmpty()) {
                        out.put(p.key(), days);
                    }
                }
                return out;
            }
            if (demand == null) {
                return Map.of();
            }
            Map<String, List<DailyDemand>> bySku = demand.dailyDemand(from, to);
            Map<String, Set<String>> carriers = new HashMap<>();
            pairs.forEach(p -> carriers.computeIfAbsent(p.sellerSku(), k -> new TreeSet<>()).add(p.warehouseId()));
            List<SalesCount> sales = new ArrayList<>();
            Set<String> stockOut = new HashSet<>();
            bySku.forEach((sku, days) -> days.forEach(dd -> {
                sales.add(new SalesCount(sku, null, dd.day(), dd.units()));
                if (dd.stockOut()) {
                    stockOut.add(sku + "\u0000" + dd.day());
                }
            }));
            WarehouseDemand split = WarehouseDemand.of(sales, carriers);
            for (StockPair p : pairs) {
                if (bySku.containsKey(p.sellerSku())) {
                    out.put(p.key(), split.series(p.sellerSku(), p.warehouseId(), from, to,
                            (key, day) -> stockOut.contains(p.sellerSku() + "\u0000" + day)));
                }
            }
            return out;
        } catch (RuntimeException e) {
            LOG.warn("Demand could not be read; no safety-stock alerts this time: {}", e.toString());
            return Map.of();
        }
    }

    /**
     * Where a SKU's returns are inspected: TikTok's returns do not say which warehouse receives them, so a SKU
     * held in one warehouse gets them; otherwise the warehouse reporting the most returns awaiting QC does
     * (ties: the first by id).
     */
    private static Map<String, BoardRow> returnHolders(List<BoardRow> rows) {
        Map<String, BoardRow> holder = new HashMap<>();
        Comparator<BoardRow> better = Comparator
                .comparingInt((BoardRow r) -> r.level().returnPendingQc() == null ? -1 : r.level().returnPendingQc())
                .thenComparing(r -> r.warehouse().id(), Comparator.reverseOrder());
        for (BoardRow r : rows) {
            holder.merge(r.sku().sellerSku(), r, (a, b) -> better.compare(a, b) >= 0 ? a : b);
        }
        return holder;
    }

    /** Open returns per pair, at the warehouse holding the SKU's returns ({@link #returnHolders}). */
    private Map<String, List<ReturnItem>> returnsByPair(Map<String, BoardRow> holders) {
        if (returns == null) {
            return Map.of();
        }
        try {
            return byHolder(returns.openReturns(), holders);
        } catch (RuntimeException e) {
            LOG.warn("Returns could not be read; no returns-QC alerts this time: {}", e.toString());
            return Map.of();
        }
    }

    /**
     * Units TikTok passed in the last {@link #PASSED_HORIZON}, per pair, at the warehouse holding the SKU's
     * returns.
     */
    private Map<String, List<ReturnItem>> passedByPair(Map<String, BoardRow> holders, Instant now) {
        if (returns == null) {
            return Map.of();
        }
        try {
            return byHolder(returns.passedSince(now.minus(PASSED_HORIZON)), holders);
        } catch (RuntimeException e) {
            LOG.warn("Passed returns could not be read; no not-restocked alerts this time: {}", e.toString());
            return Map.of();
        }
    }

    private static Map<String, List<ReturnItem>> byHolder(List<ReturnItem> items, Map<String, BoardRow> holders) {
        Map<String, List<ReturnItem>> out = new HashMap<>();
        for (ReturnItem item : items) {
            BoardRow r = item.sellerSku() == null ? null : holders.get(item.sellerSku());
            if (r != null) {
                out.computeIfAbsent(item.sellerSku() + "@" + r.warehouse().id(), k -> new ArrayList<>()).add(item);
            }
        }
        return out;
    }

    // --- people's actions ----------------------------------------------------------------------

    @Override
    public CalibrationTask declare(long taskId, DeclaredCause cause, String note, String who) {
        CalibrationTask task = repo.declare(taskId, cause, note, who, clock.instant());
        publish(new FlagsChanged(clock.instant(), List.of(), List.of(), List.of()));
        return task;
    }

    @Override
    public void acknowledge(String alertKey, String who) {
        repo.acknowledge(alertKey, who, clock.instant());
        publish(new FlagsChanged(clock.instant(), List.of(), List.of(), List.of()));
    }

    @Override
    public void snooze(String alertKey, Duration duration, String who) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("snooze duration must be positive: " + duration);
        }
        Instant now = clock.instant();
        repo.snooze(alertKey, now.plus(duration), who, now);
        publish(new FlagsChanged(now, List.of(), List.of(), List.of()));
    }

    private void publish(FlagsChanged changed) {
        try {
            executor.execute(() -> {
                for (Consumer<FlagsChanged> l : listeners) {
                    try {
                        l.accept(changed);
                    } catch (RuntimeException e) {
                        LOG.error("A flag listener failed", e);
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("Flag engine closed; change at {} not delivered", changed.at());
        }
    }

    /** Unsubscribes from the sync engine, drops a pending evaluation, waits for one running and queued events. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.debug("Unsubscribing from sync events failed", e);
            }
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("The flag thread did not stop within {} s", CLOSE_TIMEOUT.toSeconds());
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}

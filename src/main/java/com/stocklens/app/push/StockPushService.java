package com.stocklens.app.push;

import com.stocklens.app.imports.StockImportService;
import com.stocklens.connector.ApiErrorException;
import com.stocklens.connector.AuthenticationException;
import com.stocklens.connector.SourceException;
import com.stocklens.connector.tiktok.ScopeMissingException;
import com.stocklens.connector.tiktok.TikTokInventoryWriter;
import com.stocklens.connector.tiktok.TikTokInventoryWriter.ItemError;
import com.stocklens.connector.tiktok.TikTokInventoryWriter.LiveSku;
import com.stocklens.connector.tiktok.TikTokInventoryWriter.SkuUpdate;
import com.stocklens.domain.BeijingTime;
import com.stocklens.domain.MatchMethod;
import com.stocklens.domain.Provider;
import com.stocklens.domain.PushRefusal;
import com.stocklens.domain.SkuMapping;
import com.stocklens.domain.SourceKind;
import com.stocklens.domain.Warehouse;
import com.stocklens.rules.PushRules;
import com.stocklens.rules.PushRules.Candidate;
import com.stocklens.rules.PushRules.Decision;
import com.stocklens.service.BoardRow;
import com.stocklens.service.FlagReader;
import com.stocklens.service.PollerLeases;
import com.stocklens.service.PushLine;
import com.stocklens.service.PushPlan;
import com.stocklens.service.PushRecord;
import com.stocklens.service.PushScope;
import com.stocklens.service.PushSettings;
import com.stocklens.service.PushedLine;
import com.stocklens.service.SkuMappings;
import com.stocklens.service.SourceFreshness;
import com.stocklens.service.StockBoard;
import com.stocklens.service.StockBoardReader;
import com.stocklens.service.StockPushes;
import com.stocklens.service.SyncEvent;
import com.stocklens.service.SyncEvents;
import com.stocklens.service.TaskRow;
import com.stocklens.store.JdbiPushInputs;
import com.stocklens.store.JdbiPushInputs.Listing;
import com.stocklens.store.StockPushRepository;
import com.stocklens.support.NamedThreads;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes the warehouse's figures to TikTok (docs/guide/push.md, ADR 0018): plans from the store with the pure
 * {@link PushRules}, keeps the plan, and applies it only within {@link #PLAN_LIFETIME} after checking every line
 * again — the rules on the store as it is now, then TikTok's figure read live, which must still be the plan's
 * "before" — and records every push with TikTok's answer per SKU and warehouse. Undo re-pushes a push's
 * previous figures where TikTok still shows what the push set.
 *
 * <ul>
 *   <li>One push at a time per desk; in team mode only the desk holding the TikTok shop's lease sends.</li>
 *   <li>0 is probed once per shop (the docs disagree whether TikTok takes it) and the answer is kept; 1 is
 *       never sent instead.</li>
 *   <li>Automatic pushes (after a CSV warehouse's import, after returns pass QC) are off until the seller turns
 *       them on; they stay under a daily cap of units changed, and the first refusal stops the rest of the push
 *       and turns that automation off.</li>
 * </ul>
 */
public final class StockPushService implements StockPushes, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StockPushService.class);

    /** How long after its making a plan may be applied. */
    public static final Duration PLAN_LIFETIME = Duration.ofMinutes(5);
    /** Who the automatic pushes are in the audit. */
    public static final String AUTOMATIC = "auto";

    static final String BUFFER = "buffer";
    static final String DAILY_CAP = "dailyCap";
    /** The setting of a CSV warehouse's automatic push: this prefix and the warehouse id. */
    public static final String AUTO_CSV = "auto.csv:";
    /** The setting of the automatic push after returns QC. */
    public static final String AUTO_RETURNS = "auto.returns";
    /** QC passes up to this instant have been pushed (or were there before the automation was turned on). */
    static final String RETURNS_SINCE = "returns.since";
    private static final SecureRandom IDS = new SecureRandom();

    private final StockPushRepository repo;
    private final JdbiPushInputs inputs;
    private final StockBoardReader boards;
    private final FlagReader flags;
    private final SkuMappings mappings;
    private final TikTokInventoryWriter writer;
    private final String shopSourceId;
    private final Supplier<PollerLeases> leases;
    private final Supplier<Duration> window;
    private final Clock clock;
    private final String desk;
    private final Object sending = new Object();
    private final ExecutorService automatic =
            Executors.newSingleThreadExecutor(NamedThreads.daemon("stocklens-stock-push"));
    private final AtomicBoolean returnsCheckPending = new AtomicBoolean();
    private AutoCloseable syncSubscription;
    private AutoCloseable importSubscription;

    /**
     * @param writer       TikTok's stock write, or null without a TikTok shop (every line is then refused)
     * @param shopSourceId the TikTok shop's source id: its lease names the desk that may push
     * @param window       the sync window: a snapshot older than this is stale
     * @param desk         this desk, for the audit
     */
    public StockPushService(StockPushRepository repo, JdbiPushInputs inputs, StockBoardReader boards, FlagReader flags,
                            SkuMappings mappings, TikTokInventoryWriter writer, String shopSourceId,
                            Supplier<PollerLeases> leases, Supplier<Duration> window, Clock clock, String desk) {
        this.repo = Objects.requireNonNull(repo, "repo");
        this.inputs = Objects.requireNonNull(inputs, "inputs");
        this.boards = Objects.requireNonNull(boards, "boards");
        this.flags = Objects.requireNonNull(flags, "flags");
        this.mappings = Objects.requireNonNull(mappings, "mappings");
        this.writer = writer;
        this.shopSourceId = shopSourceId;
        this.leases = Objects.requireNonNull(leases, "leases");
        this.window = Objects.requireNonNull(window, "window");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.desk = Objects.requireNonNull(desk, "desk");
    }

    // ---- planning -------------------------------------------------------------------------------

    @Override
    public PushPlan plan(PushScope scope) {
        Objects.requireNonNull(scope, "scope");
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Inputs in = read();
        Long taskId = null;
        List<Key> keys = new ArrayList<>();
        switch (scope.kind()) {
            case TASK -> {
                taskId = scope.taskId();
                long id = taskId;
                TaskRow task = flags.read().tasks().stream().filter(t -> t.task().id() == id).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("No open or declared calibration task " + id));
                keys.add(new Key(task.task().sellerSku(), task.task().warehouseId()));
            }
            case WAREHOUSE -> {
                if (in.board.warehouses().stream().noneMatch(w -> w.id().equals(scope.ref()))) {
                    throw new IllegalArgumentException("No warehouse " + scope.ref() + " on the stock board");
                }
                in.board.rows().stream().filter(r -> r.warehouse().id().equals(scope.ref()))
                        .forEach(r -> keys.add(Key.of(r)));
            }
            case CSV -> in.board.rows().stream().filter(r -> r.warehouse().provider() == Provider.CSV)
                    .forEach(r -> keys.add(Key.of(r)));
            case RETURNS -> {
                Set<String> passed = inputs.qcPassedSince(returnsSince());
                in.board.rows().stream().filter(r -> passed.contains(r.sku().sellerSku())
                                && r.warehouse().tiktokWarehouseId() != null)
                        .forEach(r -> keys.add(Key.of(r)));
            }
            default -> throw new IllegalArgumentException(scope.toString());
        }
        int buffer = settings().buffer();
        List<PushLine> items = new ArrayList<>();
        List<PushLine> refused = new ArrayList<>();
        int unchanged = 0;
        for (Key k : keys) {
            Judged j = judge(in, k, buffer, now);
            if (!j.decision.planned()) {
                refused.add(j.line);
            } else if (j.decision.changes()) {
                items.add(j.line);
            } else {
                unchanged++;
            }
        }
        items.sort(LINE_ORDER);
        refused.sort(LINE_ORDER);
        PushPlan plan = new PushPlan(newId("p-"), now, scope, items, refused, unchanged, buffer, taskId);
        repo.savePlan(plan, desk);
        LOG.info("Push plan {} for {}: {} to set, {} refused, {} already right", plan.id(), scope, items.size(),
                refused.size(), unchanged);
        return plan;
    }

    private static final Comparator<PushLine> LINE_ORDER = Comparator
            .comparing(PushLine::warehouseId).thenComparing(PushLine::sellerSku);

    @Override
    public Optional<PushPlan> findPlan(String planId) {
        return repo.plan(planId);
    }

    /** One SKU × warehouse. */
    private record Key(String sellerSku, String warehouseId) {
        static Key of(BoardRow r) {
            return new Key(r.sku().sellerSku(), r.warehouse().id());
        }

        static Key of(PushLine l) {
            return new Key(l.sellerSku(), l.warehouseId());
        }
    }

    /**
     * Everything a judgement reads, once per plan or re-check.
     *
     * @param pushed TikTok's figures as our own accepted pushes set them since the oldest TikTok snapshot read
     */
    private record Inputs(StockBoard board, Map<Key, BoardRow> rows, Map<String, Listing> listings,
                          Map<String, SourceFreshness> sources, SourceFreshness shop, List<SkuMapping> conflicts,
                          Map<String, Map.Entry<Instant, Integer>> pushed, Map<String, Boolean> zero) {
    }

    private Inputs read() {
        StockBoard board = boards.read();
        Map<Key, BoardRow> rows = new HashMap<>();
        board.rows().forEach(r -> rows.put(Key.of(r), r));
        Map<String, SourceFreshness> sources = new HashMap<>();
        SourceFreshness shop = null;
        for (SourceFreshness f : board.sources()) {
            sources.put(f.source().id(), f);
            if (f.source().kind() == SourceKind.SHOP && (shop == null || f.source().id().equals(shopSourceId))) {
                shop = f;
            }
        }
        List<SkuMapping> conflicts = mappings.read().mappings().stream()
                .filter(m -> m.method() == MatchMethod.CONFLICT).toList();
        Map<String, Listing> listings = inputs.listings();
        Instant oldest = listings.values().stream().map(Listing::takenAt).min(Comparator.naturalOrder())
                .orElse(Instant.EPOCH);
        return new Inputs(board, rows, listings, sources, shop, conflicts, repo.acceptedSince(oldest), new HashMap<>());
    }

    private record Judged(Decision decision, PushLine line) {
    }

    /** The rules' verdict on one SKU × warehouse, as a plan line. */
    private Judged judge(Inputs in, Key key, int buffer, Instant now) {
        BoardRow row = in.rows.get(key);
        Warehouse warehouse = row != null ? row.warehouse() : in.board.warehouses().stream()
                .filter(w -> w.id().equals(key.warehouseId())).findFirst().orElse(null);
        String name = warehouse == null ? key.warehouseId() : warehouse.name();
        String twid = warehouse == null ? null : warehouse.tiktokWarehouseId();
        Listing listing = twid == null ? null : in.listings.get(JdbiPushInputs.key(twid, key.sellerSku()));
        SourceFreshness source = warehouse == null ? null : in.sources.get(sourceOf(warehouse, in.board));
        String conflictCode = null;
        String conflictSource = null;
        if (source != null) {
            for (SkuMapping m : in.conflicts) {
                if (m.sourceId().equals(source.source().id()) && m.candidates().contains(key.sellerSku())) {
                    conflictCode = m.code();
                    conflictSource = m.sourceId();
                    break;
                }
            }
        }
        Instant tiktokAt = listing != null ? listing.takenAt() : in.shop == null ? null : in.shop.lastSnapshotAt();
        Boolean zero = null;
        if (listing != null) {
            if (!in.zero.containsKey(listing.shopId())) {
                in.zero.put(listing.shopId(), repo.zeroAccepted(listing.shopId()).orElse(null));
            }
            zero = in.zero.get(listing.shopId());
        }
        Integer tiktokNow = listing == null ? null : listing.available();
        Map.Entry<Instant, Integer> ours = listing == null ? null : in.pushed.get(JdbiPushInputs.key(twid, key.sellerSku()));
        if (ours != null && !ours.getKey().isBefore(listing.takenAt())) {
            // We set it after TikTok's snapshot was read: TikTok shows what we set (a moved figure is caught live).
            tiktokNow = ours.getValue();
        }
        Candidate c = new Candidate(key.sellerSku(), name, twid, listing != null, row == null ? null : row.level(),
                tiktokNow, listing == null ? null : listing.committed(),
                row != null ? row.warehouseSnapshotAt() : source == null ? null : source.lastSnapshotAt(),
                source == null ? null : source.lastError(), tiktokAt, in.shop == null ? null : in.shop.lastError(),
                conflictCode, conflictSource, zero);
        Decision d = PushRules.decide(c, new PushRules.Policy(window.get(), buffer), now);
        List<String> args = d.planned() ? List.of(String.valueOf(d.available()), String.valueOf(d.unreserved()),
                String.valueOf(d.buffer())) : d.args();
        PushLine line = new PushLine(key.sellerSku(), key.warehouseId(), name,
                listing == null ? null : listing.shopId(), listing == null ? null : listing.tiktokSkuId(), twid,
                d.before(), d.after(), d.refusal(), args, d.reason(), c.warehouseAt(), tiktokAt);
        return new Judged(d, line);
    }

    /**
     * The source a warehouse's stock comes from: a CSV warehouse is its own source; an API warehouse's is the
     * configured source of its provider (one account per provider, as the flag rules read it).
     */
    private static String sourceOf(Warehouse w, StockBoard board) {
        if (w.provider() == Provider.CSV) {
            return w.id();
        }
        return board.sources().stream().filter(f -> f.source().kind() == SourceKind.WAREHOUSE
                        && f.source().provider() == w.provider())
                .map(f -> f.source().id()).findFirst().orElse(null);
    }

    // ---- sending --------------------------------------------------------------------------------

    @Override
    public PushRecord apply(String planId, String who, BiConsumer<Integer, Integer> progress) {
        PushPlan plan = repo.plan(planId).orElseThrow(() -> new PlanUnavailableException(
                "There is no push plan " + planId + ": make one with `push plan` (or Push to TikTok in the window)."));
        Duration age = Duration.between(plan.createdAt(), clock.instant());
        if (age.compareTo(PLAN_LIFETIME) > 0) {
            throw new PlanUnavailableException("Push plan " + planId + " was made " + Math.max(1, age.toMinutes())
                    + " min ago; a plan can be applied for " + PLAN_LIFETIME.toMinutes()
                    + " min, because stock moves: make a new one.");
        }
        return send(plan, plan.items(), who, false, null, progress);
    }

    @Override
    public PushRecord undo(long pushId, String who) {
        PushRecord original = repo.push(pushId)
                .orElseThrow(() -> new IllegalArgumentException("There is no push " + pushId));
        List<PushLine> lines = new ArrayList<>();
        for (PushedLine l : original.lines()) {
            PushLine p = l.line();
            if (l.outcome() == PushedLine.Outcome.ACCEPTED && p.before() != null) {
                lines.add(new PushLine(p.sellerSku(), p.warehouseId(), p.warehouseName(), p.shopId(), p.tiktokSkuId(),
                        p.tiktokWarehouseId(), p.after(), p.before(), null, List.of(String.valueOf(pushId)),
                        "undo of push #" + pushId + ": back to " + p.before(), p.warehouseAt(), p.tiktokAt()));
            }
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("Push " + pushId + " changed nothing on TikTok: there is nothing to undo");
        }
        PushPlan plan = new PushPlan(newId("u-"), clock.instant().truncatedTo(ChronoUnit.MICROS), original.scope(),
                lines, List.of(), 0, 0, original.taskId());
        repo.savePlan(plan, desk);
        return send(plan, lines, who, false, pushId, null);
    }

    /**
     * Sends {@code lines} of {@code plan} and records the push. Before anything goes out: the lease, the rules
     * again on the store as it is now (not for an undo, which restores TikTok's own earlier figures), TikTok's
     * live figure against the line's "before".
     */
    private PushRecord send(PushPlan plan, List<PushLine> lines, String who, boolean auto, Long undoOf,
                            BiConsumer<Integer, Integer> progress) {
        synchronized (sending) {
            Instant started = clock.instant().truncatedTo(ChronoUnit.MICROS);
            String by = who == null || who.isBlank() ? desk : who.strip();
            long pushId = repo.begin(plan, undoOf, by, desk, auto, started, lines);
            Sending s = new Sending(pushId, lines, auto, progress);
            try {
                sendChecked(s, plan, undoOf != null);
            } catch (RuntimeException e) {
                // Whatever was not answered stays recorded as not sent; the audit never claims more than happened.
                s.refuseRest(PushRefusal.TIKTOK_UNAVAILABLE, List.of(String.valueOf(e.getMessage())), null, null);
                LOG.warn("Push #{} stopped: {}", pushId, e.toString());
            } finally {
                s.flush();
                repo.finish(pushId, s.status(), clock.instant());
            }
            PushRecord done = repo.push(pushId).orElseThrow();
            LOG.info("Push #{} ({}, {}) by {}: {} accepted, {} refused", pushId, plan.scope(), plan.id(), by,
                    done.accepted(), done.refusedCount());
            return done;
        }
    }

    private void sendChecked(Sending s, PushPlan plan, boolean undo) {
        PollerLeases l = leases.get();
        if (shopSourceId != null && !l.holds(shopSourceId)) {
            String holder = l.poller(shopSourceId).map(PollerLeases.Poller::desk).orElse("no desk");
            s.refuseRest(PushRefusal.NOT_THIS_DESK, List.of(holder), null, null);
            return;
        }
        if (writer == null) {
            s.refuseRest(PushRefusal.NOT_AUTHORIZED, List.of("no TikTok shop is connected"), null, null);
            return;
        }
        if (!undo) {
            recheck(s);
        }
        Map<String, List<Integer>> byShop = new LinkedHashMap<>();
        for (int i = 0; i < s.lines.size(); i++) {
            if (s.open(i)) {
                byShop.computeIfAbsent(s.lines.get(i).shopId(), k -> new ArrayList<>()).add(i);
            }
        }
        for (Map.Entry<String, List<Integer>> shop : byShop.entrySet()) {
            if (s.stopped) {
                break;
            }
            sendShop(s, shop.getKey(), shop.getValue(), undo);
        }
    }

    /** The rules again, on the store as it is now: a line they refuse now, or would set otherwise, is refused. */
    private void recheck(Sending s) {
        Instant now = clock.instant();
        Inputs in = read();
        int buffer = settings().buffer();
        for (int i = 0; i < s.lines.size(); i++) {
            PushLine planned = s.lines.get(i);
            Judged j = judge(in, Key.of(planned), buffer, now);
            if (!j.decision.planned()) {
                s.refuse(i, j.decision.refusal(), j.decision.args(), null, null);
            } else if (!Objects.equals(j.decision.after(), planned.after())) {
                s.refuse(i, PushRefusal.CHANGED_SINCE_PLAN, List.of(String.valueOf(planned.after()),
                        String.valueOf(j.decision.after())), null, null);
            }
        }
    }

    /** One shop's lines: TikTok's figures now, the 0 probe if needed, then the batches. */
    private void sendShop(Sending s, String shopId, List<Integer> indexes, boolean undo) {
        Map<String, LiveSku> live;
        try {
            Set<String> skuIds = new LinkedHashSet<>();
            indexes.forEach(i -> skuIds.add(s.lines.get(i).tiktokSkuId()));
            live = writer.current(shopId, skuIds);
        } catch (SourceException e) {
            indexes.forEach(i -> s.refuseFor(i, e));
            return;
        }
        Boolean zero = repo.zeroAccepted(shopId).orElse(null);
        // SKU id → the lines of it still to send, with TikTok's figures now.
        Map<String, List<Integer>> bySku = new LinkedHashMap<>();
        for (int i : indexes) {
            PushLine p = s.lines.get(i);
            LiveSku sku = live.get(p.tiktokSkuId());
            Integer now = sku == null ? null : sku.warehouses().get(p.tiktokWarehouseId());
            if (sku == null) {
                s.refuse(i, PushRefusal.NOT_ON_TIKTOK, List.of(), null, null);
            } else if (!sku.warehouses().containsKey(p.tiktokWarehouseId())) {
                s.refuse(i, PushRefusal.NOT_ASSIGNED, List.of(p.tiktokWarehouseId()), null, null);
            } else if (!Objects.equals(now, p.before())) {
                s.refuse(i, undo ? PushRefusal.UNDO_MOVED : PushRefusal.TIKTOK_MOVED,
                        undo ? List.of(String.valueOf(now), String.valueOf(p.before()))
                                : List.of(String.valueOf(p.before()), String.valueOf(now)), null, null);
            } else if (p.after() == 0 && Boolean.FALSE.equals(zero)) {
                s.refuse(i, PushRefusal.ZERO_NOT_ACCEPTED, List.of(), null, null);
            } else {
                bySku.computeIfAbsent(p.tiktokSkuId(), k -> new ArrayList<>()).add(i);
            }
        }
        List<SkuUpdate> updates = new ArrayList<>();
        Map<String, List<Integer>> linesOfSku = new HashMap<>();
        for (Map.Entry<String, List<Integer>> e : bySku.entrySet()) {
            LiveSku sku = live.get(e.getKey());
            Map<String, Integer> quantities = new LinkedHashMap<>(sku.warehouses());
            e.getValue().forEach(i -> quantities.put(s.lines.get(i).tiktokWarehouseId(), s.lines.get(i).after()));
            updates.add(new SkuUpdate(sku.productId(), sku.skuId(), quantities));
            linesOfSku.put(sku.skuId(), e.getValue());
        }
        if (zero == null) {
            SkuUpdate probe = updates.stream().filter(u -> linesOfSku.get(u.skuId()).stream()
                    .anyMatch(i -> s.lines.get(i).after() == 0)).findFirst().orElse(null);
            if (probe != null) {
                updates.remove(probe);
                Boolean learnt = sendBatch(s, shopId, List.of(probe), linesOfSku, true);
                if (learnt != null) {
                    repo.rememberZero(shopId, learnt, clock.instant());
                    LOG.info("TikTok shop {} {} 0 as a stock figure (learnt from push #{})", shopId,
                            learnt ? "takes" : "does not take", s.pushId);
                    if (!learnt) {
                        updates = withoutZeros(s, updates, linesOfSku);
                    }
                }
            }
        }
        for (List<SkuUpdate> batch : TikTokInventoryWriter.batches(updates)) {
            if (s.stopped) {
                break;
            }
            sendBatch(s, shopId, batch, linesOfSku, false);
        }
    }

    /** Refuses the zero lines of a shop that does not take 0; the SKU's other lines go with TikTok's figure kept there. */
    private static List<SkuUpdate> withoutZeros(Sending s, List<SkuUpdate> updates, Map<String, List<Integer>> linesOfSku) {
        List<SkuUpdate> out = new ArrayList<>();
        for (SkuUpdate u : updates) {
            List<Integer> kept = new ArrayList<>();
            Map<String, Integer> quantities = new LinkedHashMap<>(u.quantities());
            for (int i : linesOfSku.get(u.skuId())) {
                PushLine p = s.lines.get(i);
                if (p.after() == 0) {
                    s.refuse(i, PushRefusal.ZERO_NOT_ACCEPTED, List.of(), null, null);
                    quantities.put(p.tiktokWarehouseId(), p.before());
                } else {
                    kept.add(i);
                }
            }
            if (!kept.isEmpty()) {
                linesOfSku.put(u.skuId(), kept);
                out.add(new SkuUpdate(u.productId(), u.skuId(), quantities));
            }
        }
        return out;
    }

    /**
     * Sends one batch and records each line's outcome.
     *
     * @param probe the batch is the 0 probe
     * @return for a probe, whether the shop takes 0 (null when the answer does not tell); else null
     */
    private Boolean sendBatch(Sending s, String shopId, List<SkuUpdate> batch, Map<String, List<Integer>> linesOfSku,
                              boolean probe) {
        List<Integer> sent = new ArrayList<>();
        batch.forEach(u -> sent.addAll(linesOfSku.get(u.skuId())));
        List<ItemError> errors;
        try {
            errors = writer.send(shopId, batch);
        } catch (SourceException e) {
            sent.forEach(i -> s.refuseFor(i, e));
            s.afterBatch();
            return null;
        }
        Boolean learnt = null;
        for (SkuUpdate u : batch) {
            List<ItemError> mine = errors.stream().filter(e -> u.skuId().equals(e.skuId())).toList();
            for (int i : linesOfSku.get(u.skuId())) {
                PushLine p = s.lines.get(i);
                if (mine.isEmpty()) {
                    s.accept(i);
                    if (probe && p.after() == 0) {
                        learnt = true;
                    }
                    continue;
                }
                // TikTok takes or refuses a SKU whole: every line of it is refused, with the error naming its warehouse.
                ItemError e = mine.stream().filter(x -> p.tiktokWarehouseId().equals(x.warehouseId())).findFirst()
                        .orElse(mine.getFirst());
                if (probe && p.after() == 0 && p.tiktokWarehouseId().equals(e.warehouseId())
                        && TikTokInventoryWriter.isQuantityRange(e)) {
                    learnt = false;
                    s.refuse(i, PushRefusal.ZERO_NOT_ACCEPTED, List.of(), e.code(), e.message());
                } else if (e.refusal() == PushRefusal.TIKTOK_REFUSED) {
                    s.refuse(i, e.refusal(), List.of(String.valueOf(e.code()), String.valueOf(e.message())), e.code(),
                            e.message());
                } else {
                    s.refuse(i, e.refusal(), List.of(), e.code(), e.message());
                }
            }
        }
        s.afterBatch();
        return learnt;
    }

    /** The lines of one push while it is sent: their outcomes, written to the audit batch by batch. */
    private final class Sending {
        final long pushId;
        final List<PushLine> lines;
        final boolean stopOnRefusal;
        final BiConsumer<Integer, Integer> progress;
        final PushedLine[] outcomes;
        final Map<Integer, PushedLine> unwritten = new LinkedHashMap<>();
        boolean stopped;

        Sending(long pushId, List<PushLine> lines, boolean stopOnRefusal, BiConsumer<Integer, Integer> progress) {
            this.pushId = pushId;
            this.lines = lines;
            this.stopOnRefusal = stopOnRefusal;
            this.progress = progress;
            this.outcomes = new PushedLine[lines.size()];
        }

        boolean open(int i) {
            return outcomes[i] == null;
        }

        void accept(int i) {
            set(i, new PushedLine(lines.get(i), PushedLine.Outcome.ACCEPTED, null, List.of(), null, null));
        }

        void refuse(int i, PushRefusal why, List<String> args, String code, String message) {
            if (open(i)) {
                set(i, new PushedLine(lines.get(i), PushedLine.Outcome.REFUSED, why, args, code, message));
            }
        }

        void refuseFor(int i, SourceException e) {
            if (e instanceof ScopeMissingException) {
                refuse(i, PushRefusal.SCOPE_MISSING, List.of(), "105005", e.getMessage());
            } else if (e instanceof AuthenticationException) {
                refuse(i, PushRefusal.NOT_AUTHORIZED, List.of(e.getMessage()), null, null);
            } else if (e instanceof ApiErrorException api) {
                PushRefusal r = TikTokInventoryWriter.refusalOf(api.code());
                refuse(i, r, r == PushRefusal.TIKTOK_REFUSED ? List.of(api.code(), e.getMessage()) : List.of(),
                        api.code(), e.getMessage());
            } else {
                refuse(i, PushRefusal.TIKTOK_UNAVAILABLE, List.of(e.getMessage()), null, null);
            }
        }

        /** Every line not answered yet gets {@code why}. */
        void refuseRest(PushRefusal why, List<String> args, String code, String message) {
            for (int i = 0; i < lines.size(); i++) {
                refuse(i, why, args, code, message);
            }
        }

        private void set(int i, PushedLine outcome) {
            outcomes[i] = outcome;
            unwritten.put(i, outcome);
        }

        /** After each batch: write what was answered, tell the progress, stop an automatic push at a refusal. */
        void afterBatch() {
            flush();
            if (progress != null) {
                int done = 0;
                for (PushedLine o : outcomes) {
                    done += o == null ? 0 : 1;
                }
                progress.accept(done, lines.size());
            }
            if (stopOnRefusal && refusedCount() > 0) {
                stopped = true;
                for (int i = 0; i < lines.size(); i++) {
                    if (open(i)) {
                        set(i, new PushedLine(lines.get(i), PushedLine.Outcome.NOT_SENT,
                                PushRefusal.NOT_SENT_AFTER_REFUSAL, List.of(), null, null));
                    }
                }
            }
        }

        void flush() {
            repo.record(pushId, Map.copyOf(unwritten));
            unwritten.clear();
        }

        long refusedCount() {
            long n = 0;
            for (PushedLine o : outcomes) {
                n += o != null && o.outcome() != PushedLine.Outcome.ACCEPTED ? 1 : 0;
            }
            return n;
        }

        PushRecord.Status status() {
            long accepted = 0;
            for (PushedLine o : outcomes) {
                accepted += o != null && o.outcome() == PushedLine.Outcome.ACCEPTED ? 1 : 0;
            }
            return accepted == lines.size() ? PushRecord.Status.ACCEPTED
                    : accepted == 0 ? PushRecord.Status.REFUSED : PushRecord.Status.PARTIAL;
        }
    }

    // ---- audit ----------------------------------------------------------------------------------

    @Override
    public List<PushRecord> history(int limit) {
        return repo.latest(limit);
    }

    @Override
    public Optional<PushRecord> push(long pushId) {
        return repo.push(pushId);
    }

    @Override
    public List<PushRecord> forSku(String sellerSku, int limit) {
        return repo.forSku(sellerSku, limit);
    }

    @Override
    public List<PushRecord> forTask(long taskId) {
        return repo.forTask(taskId);
    }

    // ---- settings and the automatic pushes -------------------------------------------------------

    @Override
    public PushSettings settings() {
        Map<String, String> stored = repo.settings();
        Set<String> csv = new TreeSet<>();
        stored.forEach((k, v) -> {
            if (k.startsWith(AUTO_CSV) && "on".equals(v)) {
                csv.add(k.substring(AUTO_CSV.length()));
            }
        });
        return new PushSettings(intSetting(stored, BUFFER, PushSettings.DEFAULTS.buffer()),
                intSetting(stored, DAILY_CAP, PushSettings.DEFAULTS.dailyCap()), csv,
                "on".equals(stored.get(AUTO_RETURNS)));
    }

    @Override
    public PushSettings saveSettings(PushSettings settings, String who) {
        Objects.requireNonNull(settings, "settings");
        PushSettings before = settings();
        Map<String, String> values = new LinkedHashMap<>();
        values.put(BUFFER, Integer.toString(settings.buffer()));
        values.put(DAILY_CAP, Integer.toString(settings.dailyCap()));
        before.autoCsv().forEach(w -> values.put(AUTO_CSV + w, null));
        settings.autoCsv().forEach(w -> values.put(AUTO_CSV + w, "on"));
        values.put(AUTO_RETURNS, settings.autoReturns() ? "on" : null);
        if (settings.autoReturns() && !before.autoReturns()) {
            // Turned on now: QC passes from now on, not the whole history.
            Instant latest = inputs.latestQcPass();
            values.put(RETURNS_SINCE, (latest == null ? clock.instant() : latest).toString());
        }
        repo.putSettings(values, who == null || who.isBlank() ? desk : who.strip(), clock.instant());
        return settings();
    }

    @Override
    public int planMinutes() {
        return (int) PLAN_LIFETIME.toMinutes();
    }

    private Instant returnsSince() {
        String v = repo.settings().get(RETURNS_SINCE);
        try {
            return v == null ? null : Instant.parse(v);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static int intSetting(Map<String, String> stored, String name, int fallback) {
        try {
            return stored.containsKey(name) ? Math.max(0, Integer.parseInt(stored.get(name))) : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /**
     * Starts the automatic pushes' triggers: each stored import of a CSV warehouse ({@code imports}), and each
     * finished sync (returns that passed QC since the last look). What they do depends on the settings at that
     * moment: off, nothing.
     */
    public void startAutomatic(SyncEvents syncs, StockImportService imports) {
        importSubscription = imports.onImported(w -> {
            if (settings().autoCsv().contains(w.sourceId())) {
                submit(() -> automaticPush(PushScope.warehouse(w.sourceId()), AUTO_CSV + w.sourceId()));
            }
        });
        syncSubscription = syncs.subscribe(this::onSync);
    }

    private void onSync(SyncEvent event) {
        if (!returnsCheckPending.compareAndSet(false, true)) {
            return;
        }
        submit(() -> {
            returnsCheckPending.set(false);
            if (!settings().autoReturns()) {
                return;
            }
            Instant latest = inputs.latestQcPass();
            Instant since = returnsSince();
            if (latest == null || (since != null && !latest.isAfter(since))) {
                return;
            }
            automaticPush(PushScope.returns(), AUTO_RETURNS);
            repo.putSettings(Map.of(RETURNS_SINCE, latest.toString()), AUTOMATIC, clock.instant());
        });
    }

    private void submit(Runnable task) {
        try {
            automatic.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.warn("Automatic push failed", e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("Automatic push not started: closing");
        }
    }

    /**
     * One automatic push, as the triggers run it: only on the desk holding the TikTok lease, only under the daily
     * cap; the first refusal stops it and turns {@code setting} off ({@code auto.csv:<warehouse>} or
     * {@code auto.returns}). Returns the push, or null when nothing was sent (another desk pushes, or nothing to
     * change).
     */
    public PushRecord automaticPush(PushScope scope, String setting) {
        if (shopSourceId != null && !leases.get().holds(shopSourceId)) {
            LOG.debug("Automatic push of {} left to the desk holding the TikTok lease", scope);
            return null;
        }
        PushPlan plan = plan(scope);
        if (plan.items().isEmpty()) {
            return null;
        }
        Instant dayStart = clock.instant().atZone(BeijingTime.ZONE).toLocalDate().atStartOfDay(BeijingTime.ZONE)
                .toInstant();
        long used = repo.automaticUnitsSince(dayStart);
        int cap = settings().dailyCap();
        if (!PushRules.withinDailyCap(used, plan.unitsChanged(), cap)) {
            List<PushLine> capped = plan.items().stream().map(l -> l.refused(PushRefusal.DAILY_CAP,
                    List.of(Long.toString(used), Integer.toString(plan.unitsChanged()), Integer.toString(cap)))).toList();
            long id = repo.begin(plan, null, AUTOMATIC, desk, true, clock.instant(), plan.items());
            Map<Integer, PushedLine> outcomes = new LinkedHashMap<>();
            for (int i = 0; i < capped.size(); i++) {
                PushLine c = capped.get(i);
                outcomes.put(i, new PushedLine(plan.items().get(i), PushedLine.Outcome.NOT_SENT, c.refusal(), c.args(),
                        null, null));
            }
            repo.record(id, outcomes);
            repo.finish(id, PushRecord.Status.REFUSED, clock.instant());
            LOG.info("Automatic push of {} not sent: {} units would exceed today's cap of {} ({} used)", scope,
                    plan.unitsChanged(), cap, used);
            return repo.push(id).orElseThrow();
        }
        PushRecord done = send(plan, plan.items(), AUTOMATIC, true, null, null);
        if (done.refusedCount() > 0) {
            repo.putSettings(Map.of(setting, "off"), AUTOMATIC + " (stopped after a refusal in push #" + done.id() + ")",
                    clock.instant());
            LOG.warn("Automatic push of {} stopped after a refusal (push #{}): turned off until the seller turns it "
                    + "on again", scope, done.id());
        }
        return done;
    }

    @Override
    public void close() {
        for (AutoCloseable c : new AutoCloseable[] {syncSubscription, importSubscription}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception e) {
                    LOG.debug("unsubscribing: {}", e.toString());
                }
            }
        }
        automatic.shutdown();
        try {
            // A push in flight finishes writing its audit before the database closes.
            automatic.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String newId(String prefix) {
        byte[] b = new byte[4];
        IDS.nextBytes(b);
        return prefix + HexFormat.of().formatHex(b);
    }
}

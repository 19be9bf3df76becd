package com.stocklens.app.mapping;

import com.stocklens.domain.Bucket;
import com.stocklens.domain.Lot;
import com.stocklens.domain.MatchMethod;
import com.stocklens.domain.Reading;
import com.stocklens.domain.Sku;
import com.stocklens.domain.SkuCodes;
import com.stocklens.domain.SkuIdentity;
import com.stocklens.domain.SkuMapping;
import com.stocklens.domain.SourceInfo;
import com.stocklens.domain.SourceKind;
import com.stocklens.domain.StockLevel;
import com.stocklens.domain.StockRow;
import com.stocklens.rules.SkuMatcher;
import com.stocklens.service.MappingBoard;
import com.stocklens.service.SkuMappings;
import com.stocklens.store.SkuMappingRepository;
import com.stocklens.sync.SyncEngine;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SKU identity across TikTok and every warehouse: before a reading is stored, each warehouse item is
 * resolved with {@link SkuMatcher} and re-keyed to its identity's seller SKU, so the board, the flags,
 * ageing and health line the same product up across warehouses and TikTok without any connector knowing.
 *
 * <ul>
 *   <li>A shop reading (TikTok) registers its SKUs as identities and is stored as read.</li>
 *   <li>A warehouse reading: every stock row, SKU and lot of a mapped code moves to the identity's seller
 *       SKU; the warehouse's own code goes to {@code wmsId} when the connector gave none. Unmapped and
 *       conflicting codes stay under their own code. Two codes of one warehouse that resolve to the same
 *       identity are added up (a bucket unknown in either is unknown). Every outcome is recorded
 *       ({@code sku_mapping}), so the screen and {@code mapping --json} show what happened.</li>
 * </ul>
 * A person's change applies from the code's source's next sync; stored snapshots stay as they were read.
 */
public final class SkuIdentities implements SkuMappings, SyncEngine.ReadingStep {
    private static final Logger LOG = LoggerFactory.getLogger(SkuIdentities.class);

    /** A warehouse reading's rows, SKUs and lots after resolving, with the outcome per code. */
    public record Resolved(List<StockRow> rows, List<Sku> skus, List<Lot> lots, List<SkuMapping> outcomes) {
        public Resolved {
            rows = List.copyOf(rows);
            skus = List.copyOf(skus);
            lots = List.copyOf(lots);
            outcomes = List.copyOf(outcomes);
        }
    }

    private final SkuMappingRepository repo;
    private final Supplier<List<SourceInfo>> sources;
    private final Clock clock;
    /**
     * Reading identities and recording a decision happen under one lock, and so does registering TikTok's
     * listing: otherwise a warehouse's first reading, decided before the listing arrived, could be recorded
     * after the listing re-decided the open codes, and stay unmapped until its next sync.
     */
    private final Object decisions = new Object();

    /**
     * @param sources the configured sources (warehouse ones are offered for manual mappings); a supplier
     *                so sources added at run time count
     */
    public SkuIdentities(SkuMappingRepository repo, Supplier<List<SourceInfo>> sources, Clock clock) {
        this.repo = Objects.requireNonNull(repo, "repo");
        this.sources = Objects.requireNonNull(sources, "sources");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The sync engine's step: see the class comment. */
    @Override
    public Reading apply(SourceInfo source, Reading reading) {
        return resolve(source, reading);
    }

    /** A shop reading registers identities; a warehouse reading comes back re-keyed to them. */
    public Reading resolve(SourceInfo source, Reading reading) {
        if (source.kind() == SourceKind.SHOP) {
            synchronized (decisions) {
                repo.registerListed(reading.skus(), now());
                redecideOpenCodes();
            }
            return reading;
        }
        Resolved r = resolve(source.id(), reading.stock(), reading.skus(), reading.lots());
        return new Reading(reading.takenAt(), reading.warehouses(), r.skus(), r.rows(), reading.channelWarehouses(),
                reading.channelStock(), reading.requests(), r.lots());
    }

    /**
     * New identities may settle codes left unmapped or in conflict (on a new workspace the warehouses'
     * first readings race TikTok's): decide those again so the mapping list is right at once. Their rows
     * move under the identity with the source's next sync, like any other change.
     */
    private void redecideOpenCodes() {
        List<SkuMapping> open = repo.mappings().stream().filter(m -> !m.method().mapped()).toList();
        if (open.isEmpty()) {
            return;
        }
        SkuMatcher matcher = SkuMatcher.of(repo.identities(), repo.manualMappings());
        Instant at = now();
        Map<String, List<SkuMapping>> bySource = new LinkedHashMap<>();
        for (SkuMapping m : open) {
            SkuMatcher.Match r = matcher.match(m.sourceId(), m.code(), m.barcode());
            bySource.computeIfAbsent(m.sourceId(), k -> new ArrayList<>()).add(new SkuMapping(m.sourceId(), m.code(),
                    r.sellerSku(), r.method(), m.barcode(), r.candidates(), SkuMapping.SYSTEM, at));
        }
        bySource.forEach(repo::record);
    }

    /**
     * Resolves one warehouse source's items and records the outcomes: the entry point for paths that do not
     * go through the sync engine (CSV import). Rows come back keyed by the identity's seller SKU.
     */
    public Resolved resolve(String sourceId, List<StockRow> rows, List<Sku> skus) {
        return resolve(sourceId, rows, skus, List.of());
    }

    /** As {@link #resolve(String, List, List)}, lots included. */
    public Resolved resolve(String sourceId, List<StockRow> rows, List<Sku> skus, List<Lot> lots) {
        Objects.requireNonNull(sourceId, "sourceId");
        Map<String, String> barcodes = new LinkedHashMap<>();
        for (Sku s : skus) {
            String b = s.codes().barcode();
            barcodes.merge(s.sellerSku(), b == null || b.isBlank() ? "" : b.strip(),
                    (old, neu) -> old.isEmpty() ? neu : old);
        }
        for (StockRow r : rows) {
            barcodes.putIfAbsent(r.sellerSku(), "");
        }
        synchronized (decisions) {
            return decide(sourceId, rows, skus, lots, barcodes);
        }
    }

    private Resolved decide(String sourceId, List<StockRow> rows, List<Sku> skus, List<Lot> lots,
                            Map<String, String> barcodes) {
        SkuMatcher matcher = SkuMatcher.of(repo.identities(), repo.manualMappings());
        Instant at = now();
        Map<String, String> target = new LinkedHashMap<>();
        List<SkuMapping> outcomes = new ArrayList<>(barcodes.size());
        int moved = 0;
        int unmapped = 0;
        int conflicts = 0;
        for (Map.Entry<String, String> e : barcodes.entrySet()) {
            String code = e.getKey();
            String barcode = e.getValue().isEmpty() ? null : e.getValue();
            SkuMatcher.Match m = matcher.match(sourceId, code, barcode);
            outcomes.add(new SkuMapping(sourceId, code, m.sellerSku(), m.method(), barcode, m.candidates(),
                    SkuMapping.SYSTEM, at));
            String to = m.method().mapped() ? m.sellerSku() : code;
            target.put(code, to);
            if (!to.equals(code)) {
                moved++;
            }
            if (m.method() == MatchMethod.UNMAPPED) {
                unmapped++;
            } else if (m.method() == MatchMethod.CONFLICT) {
                conflicts++;
            }
        }
        repo.record(sourceId, outcomes);
        if (moved + conflicts > 0) {
            LOG.info("{}: {} codes mapped to another seller SKU, {} unmapped, {} in conflict", sourceId, moved,
                    unmapped, conflicts);
        }
        return new Resolved(rekeyRows(rows, target), rekeySkus(skus, target), rekeyLots(lots, target), outcomes);
    }

    private static List<StockRow> rekeyRows(List<StockRow> rows, Map<String, String> target) {
        Map<List<String>, StockRow> out = new LinkedHashMap<>();
        for (StockRow r : rows) {
            String to = target.getOrDefault(r.sellerSku(), r.sellerSku());
            StockRow moved = to.equals(r.sellerSku()) ? r
                    : new StockRow(to, r.warehouseId(), r.wmsId() != null ? r.wmsId() : r.sellerSku(), r.level());
            out.merge(List.of(to, r.warehouseId()), moved,
                    (a, b) -> new StockRow(to, a.warehouseId(), a.wmsId() != null ? a.wmsId() : b.wmsId(),
                            add(a.level(), b.level())));
        }
        return List.copyOf(out.values());
    }

    /** Bucket by bucket; unknown in either is unknown (never a number that leaves units out). */
    static StockLevel add(StockLevel a, StockLevel b) {
        Map<Bucket, Integer> sum = new EnumMap<>(Bucket.class);
        for (Bucket k : Bucket.values()) {
            Integer x = a.get(k);
            Integer y = b.get(k);
            sum.put(k, x == null || y == null ? null : x + y);
        }
        return StockLevel.of(sum);
    }

    /**
     * A re-keyed SKU drops the warehouse's name and barcode: the identity keeps its own (the SKU table's
     * last writer wins, and a person's mapping must not leave the code's barcode on the identity once
     * cleared). The barcode stays on record with the mapping, which is where the rules learn from.
     */
    private static List<Sku> rekeySkus(List<Sku> skus, Map<String, String> target) {
        List<Sku> out = new ArrayList<>(skus.size());
        for (Sku s : skus) {
            String to = target.getOrDefault(s.sellerSku(), s.sellerSku());
            if (to.equals(s.sellerSku())) {
                out.add(s);
            } else {
                SkuCodes c = s.codes();
                out.add(new Sku(new SkuCodes(to, c.tiktokSkuId(), null,
                        c.wmsId() != null ? c.wmsId() : s.sellerSku()), null));
            }
        }
        return out;
    }

    private static List<Lot> rekeyLots(List<Lot> lots, Map<String, String> target) {
        List<Lot> out = new ArrayList<>(lots.size());
        for (Lot l : lots) {
            String to = target.getOrDefault(l.sellerSku(), l.sellerSku());
            out.add(to.equals(l.sellerSku()) ? l
                    : new Lot(to, l.warehouseId(), l.receivedOn(), l.units(), l.source()));
        }
        return out;
    }

    // --- SkuMappings ------------------------------------------------------------------------

    @Override
    public MappingBoard read() {
        List<SourceInfo> offered = warehouseSources();
        Map<String, String> names = new HashMap<>(repo.sourceNames());
        offered.forEach(s -> names.put(s.id(), s.displayName()));
        return new MappingBoard(repo.identities(), repo.mappings(), offered, names);
    }

    private List<SourceInfo> warehouseSources() {
        return sources.get().stream().filter(s -> s.kind() == SourceKind.WAREHOUSE).toList();
    }

    @Override
    public SkuMapping assign(String sourceId, String code, String sellerSku, String who) {
        String source = required(sourceId, "source");
        String c = required(code, "code");
        String sku = required(sellerSku, "seller SKU");
        String by = required(who, "who");
        requireKnownSource(source);
        if (!sku.equals(c) && repo.identities().stream().noneMatch(i -> i.sellerSku().equals(sku))) {
            throw new IllegalArgumentException("'" + sku + "' is not a known seller SKU; map the code to a SKU "
                    + "TikTok lists, or to itself to keep it under its own code");
        }
        SkuMapping m = repo.assign(source, c, sku, by, now());
        LOG.info("{}: code {} mapped to {} by hand", source, c, sku);
        return m;
    }

    @Override
    public SkuMapping clear(String sourceId, String code, String who) {
        String source = required(sourceId, "source");
        String c = required(code, "code");
        SkuMapping old = repo.mapping(source, c).orElse(null);
        if (old == null || old.method() != MatchMethod.MANUAL) {
            throw new IllegalArgumentException("Code " + c + " of " + source + " has no manual mapping to clear");
        }
        // Remove first: the manual row's own barcode must not vote in the rules' new decision.
        if (!repo.clearManual(source, c, null)) {
            throw new IllegalArgumentException("Code " + c + " of " + source + " has no manual mapping to clear");
        }
        SkuMatcher.Match m = SkuMatcher.of(repo.identities(), repo.manualMappings()).match(source, c, old.barcode());
        SkuMapping replacement = new SkuMapping(source, c, m.sellerSku(), m.method(), old.barcode(), m.candidates(),
                SkuMapping.SYSTEM, now());
        repo.record(source, List.of(replacement));
        LOG.info("{}: manual mapping of {} cleared by {}; now {}", source, c, who, m.method());
        return replacement;
    }

    private void requireKnownSource(String sourceId) {
        Set<String> known = new LinkedHashSet<>();
        warehouseSources().forEach(s -> known.add(s.id()));
        repo.mappings().forEach(m -> known.add(m.sourceId()));
        if (!known.contains(sourceId)) {
            throw new IllegalArgumentException("Unknown warehouse source '" + sourceId + "'; known: "
                    + String.join(", ", known));
        }
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The " + what + " must not be blank");
        }
        return value.strip();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** The identities known now (for tests and the CLI). */
    public List<SkuIdentity> identities() {
        return repo.identities();
    }
}

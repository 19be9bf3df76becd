package com.stocklens.store;

import static com.stocklens.store.SqlValues.timestamp;

import com.stocklens.domain.MatchMethod;
import com.stocklens.domain.Sku;
import com.stocklens.domain.SkuIdentity;
import com.stocklens.domain.SkuMapping;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * SKU identities and the mappings of each warehouse source's own codes to them (migration V7). The store
 * only keeps and gathers; {@code rules.SkuMatcher} decides. Thread-safe (every method is one transaction).
 */
public final class SkuMappingRepository {
    /** Rows per JDBC batch. */
    private static final int BATCH = 1_000;

    /** Mappings whose barcode tells us the identity's barcode: the warehouse holds the item under that identity. */
    private static final List<String> BARCODE_TEACHING = List.of(
            MatchMethod.AUTO_SKU.name(), MatchMethod.AUTO_SKU_FOLDED.name(), MatchMethod.MANUAL.name());
    private static final String COLUMNS = "source_id, code, seller_sku, method, barcode, candidates, mapped_by, mapped_at";
    /** The barcodes mappings taught the identities; read through the identities, never over every mapping. */
    static final String TAUGHT_BARCODES = "SELECT m.seller_sku, m.barcode FROM sku_identity i "
            + "JOIN sku_mapping m ON m.seller_sku = i.seller_sku "
            + "WHERE m.barcode IS NOT NULL AND m.method IN (<methods>) ORDER BY m.source_id, m.code";
    /** A person's mappings, found by the method index (V19). */
    static final String MANUAL = "SELECT " + COLUMNS + " FROM sku_mapping WHERE method = 'MANUAL' ORDER BY source_id, code";

    private final Jdbi jdbi;

    public SkuMappingRepository(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    /**
     * Every identity with its name (from the SKU table), TikTok SKU ids and barcodes (the SKU table's, plus
     * those of warehouse items mapped to it by seller SKU or by a person), ordered by seller SKU.
     */
    public List<SkuIdentity> identities() {
        return jdbi.inTransaction(h -> {
            Map<String, String> names = new TreeMap<>();
            Map<String, Set<String>> barcodes = new HashMap<>();
            h.createQuery("SELECT i.seller_sku, k.name, k.barcode FROM sku_identity i "
                            + "LEFT JOIN sku k ON k.seller_sku = i.seller_sku")
                    .map((rs, ctx) -> {
                        String sku = rs.getString(1);
                        names.put(sku, rs.getString(2));
                        addBarcode(barcodes, sku, rs.getString(3));
                        return sku;
                    })
                    .list();
            Map<String, List<String>> tiktok = new HashMap<>();
            h.createQuery("SELECT seller_sku, tiktok_sku_id FROM sku_identity_tiktok ORDER BY seller_sku, tiktok_sku_id")
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                    .forEach(e -> tiktok.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
            // From the identities (a shop's catalogue) into the mappings by seller SKU: a warehouse's unmapped codes,
            // however many, are never read.
            h.createQuery(TAUGHT_BARCODES)
                    .bindList("methods", BARCODE_TEACHING)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                    .forEach(e -> {
                        if (names.containsKey(e.getKey())) {
                            addBarcode(barcodes, e.getKey(), e.getValue());
                        }
                    });
            List<SkuIdentity> out = new ArrayList<>(names.size());
            names.forEach((sku, name) -> out.add(new SkuIdentity(sku, name, tiktok.getOrDefault(sku, List.of()),
                    List.copyOf(barcodes.getOrDefault(sku, Set.of())))));
            return out;
        });
    }

    private static void addBarcode(Map<String, Set<String>> barcodes, String sku, String barcode) {
        if (barcode != null && !barcode.isBlank()) {
            barcodes.computeIfAbsent(sku, k -> new LinkedHashSet<>()).add(barcode.strip());
        }
    }

    /**
     * Registers the SKUs a shop lists as identities, with their TikTok SKU ids. Known ones stay as they
     * are (a MANUAL identity that TikTok now lists becomes TIKTOK).
     */
    public void registerListed(List<Sku> skus, Instant at) {
        if (skus.isEmpty()) {
            return;
        }
        jdbi.useTransaction(h -> {
            Map<String, String> origins = new HashMap<>();
            h.createQuery("SELECT seller_sku, origin FROM sku_identity")
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                    .forEach(e -> origins.put(e.getKey(), e.getValue()));
            Set<String> pairs = new HashSet<>();
            h.createQuery("SELECT seller_sku, tiktok_sku_id FROM sku_identity_tiktok")
                    .map((rs, ctx) -> rs.getString(1) + '\u0000' + rs.getString(2))
                    .forEach(pairs::add);
            PreparedBatch insert = h.prepareBatch("INSERT INTO sku_identity (seller_sku, origin, first_seen) "
                    + "VALUES (:sku, 'TIKTOK', :at)");
            PreparedBatch promote = h.prepareBatch("UPDATE sku_identity SET origin = 'TIKTOK' WHERE seller_sku = :sku");
            PreparedBatch ids = h.prepareBatch("INSERT INTO sku_identity_tiktok (seller_sku, tiktok_sku_id) "
                    + "VALUES (:sku, :id)");
            for (Sku s : skus) {
                String origin = origins.get(s.sellerSku());
                if (origin == null) {
                    insert.bind("sku", s.sellerSku()).bind("at", timestamp(at)).add();
                    origins.put(s.sellerSku(), "TIKTOK");
                } else if (!"TIKTOK".equals(origin)) {
                    promote.bind("sku", s.sellerSku()).add();
                    origins.put(s.sellerSku(), "TIKTOK");
                }
                String id = s.codes().tiktokSkuId();
                if (id != null && !id.isBlank() && pairs.add(s.sellerSku() + '\u0000' + id)) {
                    ids.bind("sku", s.sellerSku()).bind("id", id).add();
                }
            }
            for (PreparedBatch b : List.of(insert, promote, ids)) {
                if (b.size() > 0) {
                    b.execute();
                } else {
                    b.close();
                }
            }
        });
    }

    /** Every mapping, ordered by source and code. */
    public List<SkuMapping> mappings() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM sku_mapping ORDER BY source_id, code")
                .map((rs, ctx) -> mapping(rs))
                .list());
    }

    /** Every stored source's display name by id (file-fed warehouses included), for naming codes' sources. */
    public Map<String, String> sourceNames() {
        return new DisplayNames(jdbi).sources();
    }

    /** The MANUAL mappings, which the matching rules apply first. */
    public List<SkuMapping> manualMappings() {
        return jdbi.withHandle(h -> h.createQuery(MANUAL)
                .map((rs, ctx) -> mapping(rs))
                .list());
    }

    /** One source's code, if it was ever seen or mapped. */
    public Optional<SkuMapping> mapping(String sourceId, String code) {
        return jdbi.withHandle(h -> find(h, sourceId, code));
    }

    private static Optional<SkuMapping> find(Handle h, String sourceId, String code) {
        return h.createQuery("SELECT " + COLUMNS + " FROM sku_mapping WHERE source_id = :source AND code = :code")
                .bind("source", sourceId)
                .bind("code", code)
                .map((rs, ctx) -> mapping(rs))
                .findOne();
    }

    /**
     * Records what the rules decided for one source's codes. Only changed outcomes are written (so
     * {@code mapped_at} says when the outcome last changed), and a MANUAL row is never overwritten by a
     * rule's outcome; its barcode is refreshed.
     */
    public void record(String sourceId, List<SkuMapping> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        jdbi.useTransaction(h -> {
            // Only the codes at hand: a source's earlier codes (a large file imported before) are not read again.
            Map<String, SkuMapping> stored = new HashMap<>();
            List<String> codes = outcomes.stream().map(SkuMapping::code).distinct().toList();
            for (int from = 0; from < codes.size(); from += BATCH) {
                h.createQuery("SELECT " + COLUMNS + " FROM sku_mapping WHERE source_id = :source AND code IN (<codes>)")
                        .bind("source", sourceId)
                        .bindList("codes", codes.subList(from, Math.min(codes.size(), from + BATCH)))
                        .map((rs, ctx) -> mapping(rs))
                        .forEach(m -> stored.put(m.code(), m));
            }
            Map<String, SkuMapping> changed = new LinkedHashMap<>();
            for (SkuMapping o : outcomes) {
                if (!o.sourceId().equals(sourceId)) {
                    throw new IllegalArgumentException("mapping of " + o.sourceId() + " recorded for " + sourceId);
                }
                SkuMapping old = stored.get(o.code());
                SkuMapping next = o;
                if (old != null && old.method() == MatchMethod.MANUAL) {
                    // A person's decision keeps its author and time; only the warehouse's barcode is refreshed.
                    next = new SkuMapping(old.sourceId(), old.code(), old.sellerSku(), old.method(),
                            o.barcode() != null ? o.barcode() : old.barcode(), List.of(), old.by(), old.at());
                }
                if (old == null || !sameOutcome(old, next)) {
                    changed.put(next.code(), next);
                }
            }
            upsert(h, List.copyOf(changed.values()));
        });
    }

    private static boolean sameOutcome(SkuMapping a, SkuMapping b) {
        return a.method() == b.method() && Objects.equals(a.sellerSku(), b.sellerSku())
                && Objects.equals(a.barcode(), b.barcode()) && a.candidates().equals(b.candidates());
    }

    /**
     * A person's assignment of {@code code} to {@code sellerSku}; a seller SKU that is not an identity yet
     * becomes one (origin MANUAL). The barcode already known for the code is kept.
     */
    public SkuMapping assign(String sourceId, String code, String sellerSku, String who, Instant at) {
        return jdbi.inTransaction(h -> {
            String barcode = find(h, sourceId, code).map(SkuMapping::barcode).orElse(null);
            SkuMapping m = new SkuMapping(sourceId, code, sellerSku, MatchMethod.MANUAL, barcode, List.of(), who,
                    SqlValues.stored(at));
            int known = h.createQuery("SELECT COUNT(*) FROM sku_identity WHERE seller_sku = :sku")
                    .bind("sku", sellerSku).mapTo(Integer.class).one();
            if (known == 0) {
                h.createUpdate("INSERT INTO sku_identity (seller_sku, origin, first_seen) VALUES (:sku, 'MANUAL', :at)")
                        .bind("sku", sellerSku).bind("at", timestamp(at)).execute();
            }
            upsert(h, List.of(m));
            return m;
        });
    }

    /**
     * Replaces a MANUAL mapping by {@code replacement} (the rules' outcome for the code), or removes the
     * row when there is none. Returns false when the code had no MANUAL mapping.
     */
    public boolean clearManual(String sourceId, String code, SkuMapping replacement) {
        return jdbi.inTransaction(h -> {
            Optional<SkuMapping> old = find(h, sourceId, code);
            if (old.isEmpty() || old.get().method() != MatchMethod.MANUAL) {
                return false;
            }
            if (replacement == null) {
                h.createUpdate("DELETE FROM sku_mapping WHERE source_id = :source AND code = :code")
                        .bind("source", sourceId).bind("code", code).execute();
            } else {
                upsert(h, List.of(replacement));
            }
            return true;
        });
    }

    /**
     * Writes {@code rows} in batches of {@value #BATCH}: a batch keeps every bound argument until it runs, so
     * one batch of a new catalogue's 100 000 codes held some 100 MB of bindings.
     */
    private static void upsert(Handle h, List<SkuMapping> rows) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            upsertBatch(h, rows.subList(from, Math.min(rows.size(), from + BATCH)));
        }
    }

    private static void upsertBatch(Handle h, List<SkuMapping> rows) {
        if (rows.isEmpty()) {
            return;
        }
        PreparedBatch update = h.prepareBatch("UPDATE sku_mapping SET seller_sku = :sku, method = :method, "
                + "barcode = :barcode, candidates = :candidates, mapped_by = :by, mapped_at = :at "
                + "WHERE source_id = :source AND code = :code");
        for (SkuMapping m : rows) {
            bind(update, m).add();
        }
        int[] counts = update.execute();
        PreparedBatch insert = h.prepareBatch("INSERT INTO sku_mapping (" + COLUMNS + ") VALUES "
                + "(:source, :code, :sku, :method, :barcode, :candidates, :by, :at)");
        for (int i = 0; i < rows.size(); i++) {
            if (counts[i] == 0) {
                bind(insert, rows.get(i)).add();
            }
        }
        if (insert.size() > 0) {
            insert.execute();
        } else {
            insert.close();
        }
    }

    private static PreparedBatch bind(PreparedBatch b, SkuMapping m) {
        String candidates = m.candidates().isEmpty() ? null : String.join(",", m.candidates());
        if (candidates != null && candidates.length() > 1000) {
            candidates = candidates.substring(0, candidates.lastIndexOf(',', 1000));
        }
        return b.bind("source", m.sourceId())
                .bind("code", m.code())
                .bind("sku", m.sellerSku())
                .bind("method", m.method().name())
                .bind("barcode", m.barcode() == null ? null : clip(m.barcode(), 40))
                .bind("candidates", candidates)
                .bind("by", clip(m.by() == null ? SkuMapping.SYSTEM : m.by(), 200))
                .bind("at", timestamp(m.at()));
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static SkuMapping mapping(ResultSet rs) throws SQLException {
        String candidates = rs.getString("candidates");
        return new SkuMapping(rs.getString("source_id"), rs.getString("code"), rs.getString("seller_sku"),
                MatchMethod.valueOf(rs.getString("method")), rs.getString("barcode"),
                candidates == null || candidates.isEmpty() ? List.of() : Arrays.asList(candidates.split(",")),
                rs.getString("mapped_by"), SqlValues.instant(rs, "mapped_at"));
    }
}

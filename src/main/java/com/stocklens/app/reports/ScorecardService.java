package com.stocklens.app.reports;

import com.stocklens.domain.AgeBucket;
import com.stocklens.domain.AgeProfile;
import com.stocklens.domain.BeijingTime;
import com.stocklens.domain.Coverage;
import com.stocklens.domain.HealthBands;
import com.stocklens.domain.Market;
import com.stocklens.domain.WarehouseKpis;
import com.stocklens.domain.WarehouseProfile;
import com.stocklens.rules.score.StorageProjection;
import com.stocklens.service.AgeingReader;
import com.stocklens.service.ProfileCsv;
import com.stocklens.service.Scorecards;
import com.stocklens.store.JdbiWarehouseKpis;
import com.stocklens.store.ScoreWeightRepository;
import com.stocklens.store.WarehouseProfileRepository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

/**
 * The scorecard board from the store: profiles (stored, else what the connection knows, else — in demo
 * mode — the demo's seeded profile), the KPIs measured over the last {@link #WINDOW}, and the FIFO ageing
 * figures (> 180-day share, next month's storage cost from the profile's fee tiers).
 */
public final class ScorecardService implements Scorecards {
    /** KPIs are measured over the last 30 days. */
    public static final Duration WINDOW = Duration.ofDays(30);

    private final WarehouseProfileRepository profiles;
    private final JdbiWarehouseKpis kpis;
    private final AgeingReader ageing;
    private final Clock clock;
    private final Function<JdbiWarehouseKpis.ConnectedWarehouse, WarehouseProfile> fallback;
    private final ScoreWeightRepository weights;

    /**
     * @param fallback the profile of a connected warehouse with none stored, or null to build one from what
     *                 the connection knows (market, region)
     */
    public ScorecardService(WarehouseProfileRepository profiles, JdbiWarehouseKpis kpis, AgeingReader ageing,
                            Clock clock, Function<JdbiWarehouseKpis.ConnectedWarehouse, WarehouseProfile> fallback) {
        this(profiles, kpis, ageing, clock, fallback, null);
    }

    /**
     * @param fallback as above
     * @param weights  where the seller's weights are kept, or null to keep them in memory only
     */
    public ScorecardService(WarehouseProfileRepository profiles, JdbiWarehouseKpis kpis, AgeingReader ageing,
                            Clock clock, Function<JdbiWarehouseKpis.ConnectedWarehouse, WarehouseProfile> fallback,
                            ScoreWeightRepository weights) {
        this.weights = weights;
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.kpis = Objects.requireNonNull(kpis, "kpis");
        this.ageing = Objects.requireNonNull(ageing, "ageing");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.fallback = fallback;
    }

    private volatile Map<String, Double> memoryWeights = Map.of();
    private volatile DoubleSupplier minHistoryPercent = () -> HealthBands.DEFAULT_MIN_HISTORY_PERCENT;

    /**
     * The history coverage below which measured KPIs are shown but not scored (the setting
     * {@code health.minHistoryPercent}; default half the window).
     */
    public ScorecardService withMinHistoryPercent(DoubleSupplier percent) {
        this.minHistoryPercent = Objects.requireNonNull(percent, "percent");
        return this;
    }

    @Override
    public Map<String, Double> weights() {
        return weights == null ? memoryWeights : weights.read();
    }

    @Override
    public void saveWeights(Map<String, Double> named) {
        if (weights == null) {
            memoryWeights = Map.copyOf(named);
        } else {
            weights.replace(named);
        }
    }

    @Override
    public Board read() {
        Instant to = clock.instant();
        Instant from = to.minus(WINDOW);
        Map<String, WarehouseProfile> stored = new HashMap<>();
        for (WarehouseProfile p : profiles.list()) {
            stored.put(p.id(), p);
        }
        Map<String, WarehouseKpis> measured = kpis.measure(from, to);
        Map<String, LocalDate> firstDays = kpis.firstSnapshotDays();
        LocalDate today = to.atZone(BeijingTime.ZONE).toLocalDate();
        Map<String, Ages> ages = ages();
        List<Entry> entries = new ArrayList<>();
        for (JdbiWarehouseKpis.ConnectedWarehouse w : kpis.warehouses()) {
            WarehouseProfile p = stored.remove(w.id());
            if (p == null && fallback != null) {
                p = fallback.apply(w);
            }
            if (p == null) {
                p = known(w);
            } else if (p.markets().isEmpty() && w.market() != null) {
                p = withMarkets(p, w);
            }
            WarehouseKpis k = measured.getOrDefault(w.id(), WarehouseKpis.none(w.id()));
            Coverage history = history(firstDays.get(w.id()), today);
            k = k.withHistory(history, history.thin(minHistoryPercent.getAsDouble()));
            Ages a = ages.get(w.id());
            if (a != null) {
                // Over the units of known age only: units of unknown age are not young (docs/DOMAIN.md §8).
                long known = a.total - a.unaged;
                k = k.withAgeing(known == 0 ? null : a.over180 / (double) known,
                        StorageProjection.nextMonth(a.units, a.unaged, p.storage0to90(), p.storage91to180(),
                                p.storage181plus()), Coverage.ofUnits(known, a.total));
            }
            entries.add(new Entry(p, k, true));
        }
        for (WarehouseProfile p : stored.values()) {
            if (p.candidate()) {
                entries.add(new Entry(p, WarehouseKpis.none(p.id()), false));
            }
        }
        entries.sort(Comparator.comparing((Entry e) -> !e.connected()).thenComparing(e -> e.profile().name()));
        return new Board(entries, kpis.skuCount(), kpis.orders(to.minus(Duration.ofDays(30)), to), from, to);
    }

    /**
     * The complete Beijing days of the KPI window (the {@link #WINDOW} before today, today not over) from the
     * day of the warehouse's first snapshot on, out of the window's days.
     */
    static Coverage history(LocalDate firstDay, LocalDate today) {
        int window = (int) WINDOW.toDays();
        if (firstDay == null) {
            return Coverage.ofDays(0, window);
        }
        LocalDate start = today.minusDays(window);
        LocalDate from = firstDay.isAfter(start) ? firstDay : start;
        int days = (int) Math.max(0, ChronoUnit.DAYS.between(from, today));
        return Coverage.ofDays(Math.min(days, window), window);
    }

    private static WarehouseProfile known(JdbiWarehouseKpis.ConnectedWarehouse w) {
        return withMarkets(WarehouseProfile.empty(w.id(), w.name(), false), w);
    }

    private static WarehouseProfile withMarkets(WarehouseProfile p, JdbiWarehouseKpis.ConnectedWarehouse w) {
        List<Market> markets = Market.fromCode(w.market()).map(List::of).orElse(List.of());
        List<String> regions = p.regions().isEmpty() && w.region() != null ? List.of(w.region()) : p.regions();
        return new WarehouseProfile(p.id(), p.name(), false, markets, regions, p.apiReady(), p.certified(),
                p.outboundSlaHours(), p.localReturns(), p.firstLegRoutes(), p.storage0to90(), p.storage91to180(),
                p.storage181plus(), p.pickPack(), p.inbound(), p.currency(), p.notes(), p.updatedAt());
    }

    /** Units of one warehouse by age, summed in 64 bits. */
    private static final class Ages {
        final Map<AgeBucket, Long> units = new EnumMap<>(AgeBucket.class);
        long unaged;
        long total;
        long over180;
    }

    private Map<String, Ages> ages() {
        Map<String, Ages> out = new HashMap<>();
        for (AgeProfile p : ageing.current()) {
            Ages a = out.computeIfAbsent(p.warehouseId(), k -> new Ages());
            p.units().forEach((b, n) -> a.units.merge(b, (long) n, Long::sum));
            a.unaged += p.unaged();
            a.total += p.total();
            a.over180 += p.olderThan(180);
        }
        return out;
    }

    @Override
    public void save(WarehouseProfile profile) {
        profiles.save(profile);
    }

    @Override
    public void delete(String id) {
        profiles.delete(id);
    }

    @Override
    public List<WarehouseProfile> importCandidates(Path csv) throws IOException, ProfileCsv.CsvProblem {
        List<WarehouseProfile> parsed = ProfileCsv.parse(Files.readString(csv, StandardCharsets.UTF_8), clock.instant());
        profiles.saveAll(parsed);
        return parsed;
    }
}

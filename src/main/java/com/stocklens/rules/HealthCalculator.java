package com.stocklens.rules;

import com.stocklens.domain.Coverage;
import com.stocklens.domain.HealthBands;
import com.stocklens.domain.HealthFigure;
import com.stocklens.domain.HealthIndicator;
import com.stocklens.domain.HealthReport;
import com.stocklens.domain.Verdict;
import com.stocklens.domain.Wording;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The inventory health report (docs/DOMAIN.md §8 and "Definitions"), a pure function of {@link HealthLine}s.
 *
 * <p>Aggregates (overall, per warehouse) sum <em>units</em> first and divide once: the turnover of two
 * warehouses is (Σ average on hand) ÷ (Σ units sold per day), never the mean of their turnovers, so a
 * warehouse with three units does not weigh as much as one with three thousand. Each figure carries
 * its working in plain words with the numbers.
 *
 * <p>Verdicts: turnover ≤ band is healthy; 动销率 must be strictly above its band; the over-180-day share
 * strictly below its band. Sell-through (Amazon), excess and stranded units are shown for information.
 * A value that cannot be computed is null with {@link Verdict#UNKNOWN}, never 0.
 *
 * <p>Every figure says what it rests on ({@link Coverage}): the complete Beijing days of history out of the
 * days it is about, and for the age structure the units of known age out of all units. A figure resting on
 * fewer days than {@link HealthBands#minHistoryPercent()} of its days (default: half) is
 * {@link Verdict#INSUFFICIENT_HISTORY}: its value is shown, not judged. The age structure is a reading of the
 * stock at the close, not of days: it is over the units of known age only, and with none it is UNKNOWN.
 */
public final class HealthCalculator {
    private final HealthBands bands;
    private final int leadTimeDays;
    private final int targetCoverDays;

    public HealthCalculator(HealthBands bands, int leadTimeDays, int targetCoverDays) {
        this.bands = Objects.requireNonNull(bands, "bands");
        if (leadTimeDays < 0 || targetCoverDays < 0) {
            throw new IllegalArgumentException("lead time and target cover must not be negative");
        }
        this.leadTimeDays = leadTimeDays;
        this.targetCoverDays = targetCoverDays;
    }

    /**
     * The days the figures are about and the days of sales history among them (all complete Beijing days).
     *
     * @param periodDays        complete days of the period
     * @param salesDays         of those, the days sales history covers
     * @param trailingDays      complete days of the trailing window of sell-through (90)
     * @param trailingSalesDays of those, the days sales history covers
     * @param windowDays        days of the demand window behind d̄ (excess)
     * @param windowSalesDays   of those, the days sales history covers
     */
    public record Span(int periodDays, int salesDays, int trailingDays, int trailingSalesDays, int windowDays,
                       int windowSalesDays) {
        /** Sales history over every day: only the stock history can be thin. */
        public static Span full(int periodDays, int trailingDays, int windowDays) {
            return new Span(periodDays, periodDays, trailingDays, trailingDays, windowDays, windowDays);
        }
    }

    /**
     * The whole report with sales history over every day of the period (the stock history is read from the
     * lines): overall, per warehouse (sorted by id), per SKU (sorted by seller SKU).
     */
    public HealthReport report(LocalDate from, LocalDate to, List<HealthLine> lines) {
        int periodDays = (int) (ChronoUnit.DAYS.between(from, to) + 1);
        return report(from, to, lines, Span.full(periodDays, 90, periodDays));
    }

    /** The whole report: overall, per warehouse (sorted by id), per SKU (sorted by seller SKU). */
    public HealthReport report(LocalDate from, LocalDate to, List<HealthLine> lines, Span span) {
        Map<String, List<HealthLine>> byWarehouse = new TreeMap<>();
        Map<String, List<HealthLine>> bySku = new TreeMap<>();
        for (HealthLine l : lines) {
            byWarehouse.computeIfAbsent(l.warehouseId(), k -> new ArrayList<>()).add(l);
            bySku.computeIfAbsent(l.sellerSku(), k -> new ArrayList<>()).add(l);
        }
        Map<String, List<HealthFigure>> perWarehouse = new LinkedHashMap<>();
        byWarehouse.forEach((w, ls) -> perWarehouse.put(w, figures(ls, span)));
        List<HealthReport.SkuHealth> perSku = new ArrayList<>(bySku.size());
        bySku.forEach((sku, ls) -> perSku.add(skuHealth(sku, ls)));
        return new HealthReport(from, to, bands, figures(lines, span), perWarehouse, perSku);
    }

    /** The six indicators over a group of lines, in {@link HealthIndicator} order, without coverage. */
    public List<HealthFigure> figures(List<HealthLine> lines) {
        return List.of(turnover(lines), movingSkuRate(lines), over180Share(lines), sellThrough(lines),
                excess(lines), stranded(lines));
    }

    /** The six indicators, each with what it rests on and judged thin below the history coverage. */
    public List<HealthFigure> figures(List<HealthLine> lines, Span span) {
        int stockDays = lines.stream().mapToInt(l -> l.onHandByDay().size()).max().orElse(0);
        int trailingDays = lines.stream().mapToInt(l -> l.availableTrailing90().size()).max().orElse(0);
        return List.of(
                covered(turnover(lines), Coverage.ofDays(stockDays, span.periodDays()),
                        stockDays < span.periodDays()
                                ? Wording.of("health.history.stock", stockDays, span.periodDays()).and("health.noData")
                                : Wording.of("health.history.stock", stockDays, span.periodDays())),
                covered(movingSkuRate(lines), Coverage.ofDays(span.salesDays(), span.periodDays()),
                        Wording.of("health.history.sales", span.salesDays(), span.periodDays())),
                over180Share(lines),
                covered(sellThrough(lines), Coverage.ofDays(trailingDays, span.trailingDays()),
                        Wording.of("health.history.trailing", trailingDays, span.trailingDays())),
                covered(excess(lines), Coverage.ofDays(span.windowSalesDays(), span.windowDays()),
                        Wording.of("health.history.demand", span.windowSalesDays(), span.windowDays())),
                stranded(lines));
    }

    /** The figure with its coverage; INSUFFICIENT_HISTORY when the days are thin. */
    private HealthFigure covered(HealthFigure f, Coverage coverage, Wording says) {
        boolean thin = coverage.thin(bands.minHistoryPercent());
        Wording working = f.working().and(says);
        if (thin) {
            working = working.and("health.thin", f(bands.minHistoryPercent()));
        }
        return new HealthFigure(f.indicator(), f.value(), f.band(), thin ? Verdict.INSUFFICIENT_HISTORY : f.verdict(),
                working, coverage);
    }

    HealthFigure turnover(List<HealthLine> lines) {
        double onHand = 0;
        double soldPerDay = 0;
        int withData = 0;
        for (HealthLine l : lines) {
            Double avg = l.averageOnHand();
            if (avg != null) {
                onHand += avg;
                soldPerDay += l.soldPerDay();
                withData++;
            }
        }
        HealthIndicator ind = HealthIndicator.TURNOVER_DAYS;
        if (withData == 0) {
            return unknown(ind, bands.turnoverDaysMax(), Wording.of("health.turnover.noHistory"));
        }
        if (soldPerDay == 0) {
            return unknown(ind, bands.turnoverDaysMax(), Wording.of("health.turnover.noSales", f(onHand)));
        }
        double value = onHand / soldPerDay;
        return new HealthFigure(ind, value, bands.turnoverDaysMax(),
                value <= bands.turnoverDaysMax() ? Verdict.HEALTHY : Verdict.UNHEALTHY,
                Wording.of("health.turnover", f(onHand), f(soldPerDay), f(value), f(bands.turnoverDaysMax()),
                        summed(withData)));
    }

    HealthFigure movingSkuRate(List<HealthLine> lines) {
        // A SKU counts once however many warehouses hold it; it moved if its units over the whole period
        // (all its warehouses, unrounded) make at least one whole unit.
        Map<String, double[]> perSku = new TreeMap<>();
        for (HealthLine l : lines) {
            double[] s = perSku.computeIfAbsent(l.sellerSku(), k -> new double[2]);
            s[0] = l.inStock() ? 1 : s[0];
            s[1] += l.periodUnitsSold();
        }
        int inStock = 0;
        int moving = 0;
        for (double[] s : perSku.values()) {
            if (s[0] == 1) {
                inStock++;
                moving += s[1] >= 1 - 1e-9 ? 1 : 0;
            }
        }
        HealthIndicator ind = HealthIndicator.MOVING_SKU_RATE;
        if (inStock == 0) {
            return unknown(ind, bands.movingSkuRateMin(), Wording.of("health.moving.noStock"));
        }
        double value = 100.0 * moving / inStock;
        return new HealthFigure(ind, value, bands.movingSkuRateMin(),
                value > bands.movingSkuRateMin() ? Verdict.HEALTHY : Verdict.UNHEALTHY,
                Wording.of("health.moving", moving, inStock, f(value), f(bands.movingSkuRateMin())));
    }

    HealthFigure over180Share(List<HealthLine> lines) {
        long old = 0;
        long known = 0;
        long all = 0;
        for (HealthLine l : lines) {
            old += l.over180Units();
            known += l.agedUnits();
            all += l.ageUnits();
        }
        HealthIndicator ind = HealthIndicator.OVER_180_SHARE;
        Coverage coverage = Coverage.ofUnits(known, all);
        if (all == 0) {
            return new HealthFigure(ind, null, bands.over180ShareMax(), Verdict.UNKNOWN,
                    Wording.of("health.over180.noUnits"), coverage);
        }
        if (known == 0) {
            return new HealthFigure(ind, null, bands.over180ShareMax(), Verdict.UNKNOWN,
                    Wording.of("health.over180.noKnownAge", all), coverage);
        }
        double value = 100.0 * old / known;
        Wording working = Wording.of("health.over180", old, known, f(value), f(bands.over180ShareMax()),
                summed(lines.size()));
        if (known < all) {
            working = working.and("health.over180.partlyKnown", f(100.0 * known / all), all - known);
        }
        return new HealthFigure(ind, value, bands.over180ShareMax(),
                value < bands.over180ShareMax() ? Verdict.HEALTHY : Verdict.UNHEALTHY, working, coverage);
    }

    HealthFigure sellThrough(List<HealthLine> lines) {
        double sold = 0;
        double available = 0;
        int withData = 0;
        for (HealthLine l : lines) {
            Double avg = HealthLine.average(l.availableTrailing90());
            if (avg != null) {
                sold += l.unitsSoldTrailing90();
                available += avg;
                withData++;
            }
        }
        HealthIndicator ind = HealthIndicator.SELL_THROUGH_AMAZON;
        if (withData == 0) {
            return unknown(ind, null, Wording.of("health.sellThrough.noHistory"));
        }
        if (available == 0) {
            return unknown(ind, null, Wording.of("health.sellThrough.noAvailable", f(sold)));
        }
        double value = sold / available;
        return new HealthFigure(ind, value, null, Verdict.INFO,
                Wording.of("health.sellThrough", f(sold), f(available), f(value), summed(withData)));
    }

    HealthFigure excess(List<HealthLine> lines) {
        long excess = 0;
        int known = 0;
        for (HealthLine l : lines) {
            Integer e = excessOf(l);
            if (e != null) {
                excess += e;
                known++;
            }
        }
        HealthIndicator ind = HealthIndicator.EXCESS_UNITS;
        if (known == 0) {
            return unknown(ind, null, Wording.of("health.excess.noDemand"));
        }
        Wording working = Wording.of("health.excess", leadTimeDays, targetCoverDays, known, excess);
        if (known < lines.size()) {
            working = working.and("health.excess.leftOut", lines.size() - known);
        }
        return new HealthFigure(ind, (double) excess, null, Verdict.INFO, working);
    }

    HealthFigure stranded(List<HealthLine> lines) {
        long stranded = 0;
        int known = 0;
        int strandedLines = 0;
        for (HealthLine l : lines) {
            if (l.listing() == ListingStatus.UNKNOWN) {
                continue;
            }
            known++;
            Integer s = strandedOf(l);
            if (s != null && s > 0) {
                stranded += s;
                strandedLines++;
            }
        }
        HealthIndicator ind = HealthIndicator.STRANDED_UNITS;
        if (known == 0) {
            return unknown(ind, null, Wording.of("health.stranded.noListing"));
        }
        Wording working = Wording.of("health.stranded", stranded, strandedLines);
        if (known < lines.size()) {
            working = working.and("health.stranded.leftOut", lines.size() - known);
        }
        return new HealthFigure(ind, (double) stranded, null, Verdict.INFO, working);
    }

    /** Excess units of one line, whole units beyond cover (rounded down); null when demand is unknown. */
    public Integer excessOf(HealthLine l) {
        if (l.dailyDemand() == null || l.available() == null) {
            return null;
        }
        double supply = l.available() + (l.inTransit() == null ? 0 : l.inTransit());
        double cover = l.dailyDemand() * (leadTimeDays + targetCoverDays);
        return (int) Math.max(0, Math.floor(supply - cover + 1e-9));
    }

    /** Stranded units of one line; null when the listing or the available units are unknown. */
    public static Integer strandedOf(HealthLine l) {
        if (l.listing() == ListingStatus.UNKNOWN || l.available() == null) {
            return null;
        }
        return l.listing().strands() ? Math.max(0, l.available()) : 0;
    }

    private HealthReport.SkuHealth skuHealth(String sku, List<HealthLine> lines) {
        double sold = 0;
        int over180 = 0;
        int excess = 0;
        int stranded = 0;
        int aged = 0;
        int ageUnits = 0;
        Integer oldest = null;
        String name = null;
        for (HealthLine l : lines) {
            sold += l.periodUnitsSold();
            over180 += l.over180Units();
            aged += l.agedUnits();
            ageUnits += l.ageUnits();
            excess += Objects.requireNonNullElse(excessOf(l), 0);
            stranded += Objects.requireNonNullElse(strandedOf(l), 0);
            if (l.oldestDays() != null && (oldest == null || l.oldestDays() > oldest)) {
                oldest = l.oldestDays();
            }
            name = name == null ? l.name() : name;
        }
        HealthFigure turnover = turnover(lines);
        Double avgOnHand = null;
        for (HealthLine l : lines) {
            Double a = l.averageOnHand();
            if (a != null) {
                avgOnHand = (avgOnHand == null ? 0 : avgOnHand) + a;
            }
        }
        Double share = aged == 0 ? null : 100.0 * over180 / aged;
        Verdict ageVerdict = share == null ? Verdict.UNKNOWN
                : share < bands.over180ShareMax() ? Verdict.HEALTHY : Verdict.UNHEALTHY;
        return new HealthReport.SkuHealth(sku, name, (int) Math.round(sold), avgOnHand, turnover.value(),
                aged == 0 ? null : over180, excess, stranded, oldest, share, ageVerdict, aged, ageUnits);
    }

    private static HealthFigure unknown(HealthIndicator ind, Double band, Wording why) {
        return new HealthFigure(ind, null, band, Verdict.UNKNOWN, why);
    }

    /** The note that figures were summed over lines, or nothing for one line. */
    private static Object summed(int lines) {
        return lines > 1 ? Wording.of("health.summed", lines) : "";
    }

    /** A figure of the working, two decimals. */
    private static BigDecimal f(double v) {
        return Wording.decimal(v, 2);
    }
}

package com.stocklens.rules;

import com.stocklens.domain.HealthBands;
import com.stocklens.domain.HealthFigure;
import com.stocklens.domain.HealthIndicator;
import com.stocklens.domain.HealthReport;
import com.stocklens.domain.Verdict;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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

    /** The whole report: overall, per warehouse (sorted by id), per SKU (sorted by seller SKU). */
    public HealthReport report(LocalDate from, LocalDate to, List<HealthLine> lines) {
        Map<String, List<HealthLine>> byWarehouse = new TreeMap<>();
        Map<String, List<HealthLine>> bySku = new TreeMap<>();
        for (HealthLine l : lines) {
            byWarehouse.computeIfAbsent(l.warehouseId(), k -> new ArrayList<>()).add(l);
            bySku.computeIfAbsent(l.sellerSku(), k -> new ArrayList<>()).add(l);
        }
        long periodDays = ChronoUnit.DAYS.between(from, to) + 1;
        Map<String, List<HealthFigure>> perWarehouse = new LinkedHashMap<>();
        byWarehouse.forEach((w, ls) -> perWarehouse.put(w, withCoverage(figures(ls), ls, periodDays)));
        List<HealthReport.SkuHealth> perSku = new ArrayList<>(bySku.size());
        bySku.forEach((sku, ls) -> perSku.add(skuHealth(sku, ls)));
        return new HealthReport(from, to, bands, withCoverage(figures(lines), lines, periodDays), perWarehouse,
                perSku);
    }

    /**
     * Says in the turnover working how many days of the period our history covers: days before the
     * first snapshot are "no data", and averaging them as zero stock would flatter the turnover.
     */
    private static List<HealthFigure> withCoverage(List<HealthFigure> figures, List<HealthLine> lines,
                                                   long periodDays) {
        int covered = lines.stream().mapToInt(l -> l.onHandByDay().size()).max().orElse(0);
        if (covered >= periodDays) {
            return figures;
        }
        List<HealthFigure> out = new ArrayList<>(figures);
        HealthFigure t = out.get(0);
        out.set(0, new HealthFigure(t.indicator(), t.value(), t.band(), t.verdict(), t.working() + "; history covers "
                + covered + " of " + periodDays + " days, the other days have no data (not zero stock)"));
        return List.copyOf(out);
    }

    /** The six indicators over a group of lines, in {@link HealthIndicator} order. */
    public List<HealthFigure> figures(List<HealthLine> lines) {
        return List.of(turnover(lines), movingSkuRate(lines), over180Share(lines), sellThrough(lines),
                excess(lines), stranded(lines));
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
            return unknown(ind, bands.turnoverDaysMax(), "no stock history in the period");
        }
        if (soldPerDay == 0) {
            return unknown(ind, bands.turnoverDaysMax(), "average on hand " + f(onHand)
                    + " units, no unit sold: turnover is undefined");
        }
        double value = onHand / soldPerDay;
        return new HealthFigure(ind, value, bands.turnoverDaysMax(),
                value <= bands.turnoverDaysMax() ? Verdict.HEALTHY : Verdict.UNHEALTHY,
                "average on hand " + f(onHand) + " units ÷ " + f(soldPerDay) + " units sold per day = " + f(value)
                        + " days; healthy ≤ " + f(bands.turnoverDaysMax()) + summed(withData));
    }

    HealthFigure movingSkuRate(List<HealthLine> lines) {
        // A SKU counts once however many warehouses hold it; it moved if any of them sold a unit.
        Map<String, int[]> perSku = new TreeMap<>();
        for (HealthLine l : lines) {
            int[] s = perSku.computeIfAbsent(l.sellerSku(), k -> new int[2]);
            s[0] |= l.inStock() ? 1 : 0;
            s[1] += l.unitsSold();
        }
        int inStock = 0;
        int moving = 0;
        for (int[] s : perSku.values()) {
            if (s[0] == 1) {
                inStock++;
                moving += s[1] > 0 ? 1 : 0;
            }
        }
        HealthIndicator ind = HealthIndicator.MOVING_SKU_RATE;
        if (inStock == 0) {
            return unknown(ind, bands.movingSkuRateMin(), "no SKU in stock in the period");
        }
        double value = 100.0 * moving / inStock;
        return new HealthFigure(ind, value, bands.movingSkuRateMin(),
                value > bands.movingSkuRateMin() ? Verdict.HEALTHY : Verdict.UNHEALTHY,
                moving + " of " + inStock + " SKUs in stock sold at least one unit = " + f(value)
                        + " %; good > " + f(bands.movingSkuRateMin()) + " % (this is not sell-through)");
    }

    HealthFigure over180Share(List<HealthLine> lines) {
        long old = 0;
        long all = 0;
        for (HealthLine l : lines) {
            old += l.over180Units();
            all += l.agedUnits();
        }
        HealthIndicator ind = HealthIndicator.OVER_180_SHARE;
        if (all == 0) {
            return unknown(ind, bands.over180ShareMax(), "no unit on hand to age");
        }
        double value = 100.0 * old / all;
        return new HealthFigure(ind, value, bands.over180ShareMax(),
                value < bands.over180ShareMax() ? Verdict.HEALTHY : Verdict.UNHEALTHY,
                old + " of " + all + " units older than 180 days = " + f(value) + " %; healthy < "
                        + f(bands.over180ShareMax()) + " %" + summed(lines.size()));
    }

    HealthFigure sellThrough(List<HealthLine> lines) {
        long sold = 0;
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
            return unknown(ind, null, "no stock history in the trailing 90 days");
        }
        if (available == 0) {
            return unknown(ind, null, sold + " units sold, average available 0: sell-through is undefined");
        }
        double value = sold / available;
        return new HealthFigure(ind, value, null, Verdict.INFO,
                "Amazon-style sell-through: " + sold + " units sold in the trailing 90 days ÷ " + f(available)
                        + " average available units = " + f(value) + summed(withData));
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
            return unknown(ind, null, "no demand history to judge excess");
        }
        String working = "Σ max(0, available + in transit − d̄ × (" + leadTimeDays + " lead time + " + targetCoverDays
                + " target cover days)) over " + known + " SKU × warehouse lines = " + excess + " units"
                + " (summed per line: a surplus in one warehouse does not cover a shortage in another)";
        if (known < lines.size()) {
            working += "; " + (lines.size() - known) + " lines without demand history left out";
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
            return unknown(ind, null, "no TikTok listing data to judge stranded units");
        }
        String working = stranded + " sellable units in " + strandedLines
                + " SKU × warehouse lines whose TikTok SKU is inactive, unmapped or blocked";
        if (known < lines.size()) {
            working += "; " + (lines.size() - known) + " lines without TikTok data left out";
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
        int sold = 0;
        int over180 = 0;
        int excess = 0;
        int stranded = 0;
        Integer oldest = null;
        String name = null;
        for (HealthLine l : lines) {
            sold += l.unitsSold();
            over180 += l.over180Units();
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
        return new HealthReport.SkuHealth(sku, name, sold, avgOnHand, turnover.value(), over180, excess, stranded,
                oldest);
    }

    private static HealthFigure unknown(HealthIndicator ind, Double band, String why) {
        return new HealthFigure(ind, null, band, Verdict.UNKNOWN, why);
    }

    private static String summed(int lines) {
        return lines > 1 ? " (units summed over " + lines + " SKU × warehouse lines, not an average of ratios)" : "";
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}

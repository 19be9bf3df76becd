package com.stocklens.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stocklens.app.AppRuntime;
import com.stocklens.domain.WarehouseKpis;
import com.stocklens.rules.score.Axis;
import com.stocklens.rules.score.Criterion;
import com.stocklens.rules.score.CriterionScore;
import com.stocklens.rules.score.ScoreBands;
import com.stocklens.rules.score.ScoreInputs;
import com.stocklens.rules.score.ScoreWeights;
import com.stocklens.rules.score.Scorecard;
import com.stocklens.rules.score.StageGuide;
import com.stocklens.rules.score.WarehouseScore;
import com.stocklens.service.Scorecards;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scores [--json] [--weight NAME=W]…}: the warehouse scorecard, ranked. */
@Command(name = "scores", description = "Score connected and candidate warehouses (选仓) on market coverage, logistics "
        + "fit and system compatibility, with KPIs measured from StockLens's own history over the last 30 days.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:done", "2:a usage error (an unknown --weight name), or under --snapshot a file that cannot be opened",
                "3:the workspace cannot be opened (in use by another StockLens, or unreadable)"})
final class ScoresCommand extends RuntimeCommand {
    @Option(names = "--json", description = "Print a JSON object (documented in docs/cli.md).")
    boolean json;

    @Option(names = "--weight", paramLabel = "NAME=W",
            description = "Weight of an axis (COVERAGE, LOGISTICS, SYSTEM) or criterion (e.g. OUTBOUND_SLA_HOURS), "
                    + "over the weights saved in the window; default 1.")
    Map<String, Double> weights = new HashMap<>();

    @Override
    int run(AppRuntime runtime) {
        // The seller's saved weights (the scorecard screen's sliders), then any --weight on top.
        ScoreWeights w = ScoreWeights.fromNames(runtime.scorecards().weights());
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            String name = e.getKey().strip().toUpperCase(Locale.ROOT);
            try {
                w = w.with(Axis.valueOf(name), e.getValue());
            } catch (IllegalArgumentException notAxis) {
                try {
                    w = w.with(Criterion.valueOf(name), e.getValue());
                } catch (IllegalArgumentException notCriterion) {
                    printer.message("Unknown weight '" + e.getKey() + "': an axis or criterion name (see docs/cli.md, scores)");
                    return 2;
                }
            }
        }
        Scorecards.Board board = runtime.scorecards().read();
        Map<String, Scorecards.Entry> byId = new HashMap<>();
        board.entries().forEach(en -> byId.put(en.profile().id(), en));
        List<WarehouseScore> ranked = Scorecard.rank(board.entries().stream()
                .map(en -> ScoreInputs.of(en.profile(), en.kpis())).toList(), w, ScoreBands.DEFAULTS);
        StageGuide guide = StageGuide.of(board.skus(), board.monthlyOrders());
        if (json) {
            ObjectNode root = Json.MAPPER.createObjectNode();
            root.put("from", board.from().toString());
            root.put("to", board.to().toString());
            ObjectNode weightNode = root.putObject("weights");
            for (Axis a : Axis.values()) {
                weightNode.put(a.name(), w.of(a));
            }
            for (Criterion c : Criterion.values()) {
                weightNode.put(c.name(), w.of(c));
            }
            ObjectNode stage = root.putObject("stage");
            Json.putInt(stage, "skus", board.skus());
            Json.putInt(stage, "monthlyOrders", board.monthlyOrders());
            stage.put("stage", guide.stage().name());
            ArrayNode list = root.putArray("warehouses");
            for (WarehouseScore s : ranked) {
                Scorecards.Entry en = byId.get(s.id());
                ObjectNode n = list.addObject();
                n.put("id", s.id());
                n.put("name", s.name());
                n.put("connected", en.connected());
                n.put("rank", s.rank());
                n.put("total", round(s.total()));
                ObjectNode axes = n.putObject("axes");
                for (Axis a : Axis.values()) {
                    axes.put(a.name(), round(s.axis(a).score()));
                }
                ArrayNode kpis = n.putArray("kpis");
                for (CriterionScore c : s.criteria()) {
                    ObjectNode k = kpis.addObject();
                    k.put("criterion", c.criterion().name());
                    k.put("axis", c.criterion().axis().name());
                    if (c.value() == null) {
                        k.putNull("value");
                    } else {
                        k.put("value", c.value());
                    }
                    k.put("band", c.level().name());
                    k.put("source", c.value() == null ? "missing" : c.criterion().measured() ? "measured" : "profile");
                    k.put("score", round(c.score()));
                    k.put("weight", c.weight());
                    putCoverage(k, c.criterion(), en.kpis());
                }
                WarehouseKpis m = en.kpis();
                ObjectNode extra = n.putObject("measured");
                putD(extra, "stalenessP50Minutes", m.stalenessP50Minutes());
                putD(extra, "stalenessP95Minutes", m.stalenessP95Minutes());
                extra.put("syncRuns", m.syncRuns());
                extra.put("skuDays", m.skuDays());
                extra.put("calibrationTasks", m.calibrationTasks());
                putD(extra, "projectedStorageCostNextMonth", m.projectedStorageCost());
                Json.putInt(extra, "historyDays", m.history() == null ? null : m.history().days());
                Json.putInt(extra, "windowDays", m.history() == null ? null : m.history().ofDays());
                extra.put("insufficientHistory", m.thinHistory());
            }
            printer.result(Json.write(root));
            return 0;
        }
        printer.result(Columns.format("%-4s %-34s %7s %9s %9s %7s %s", "rank", "warehouse", "total", "coverage",
                "logistics", "system", "missing"));
        for (WarehouseScore s : ranked) {
            long missing = s.criteria().stream().filter(CriterionScore::missing).count();
            printer.result(Columns.format("%-4d %-34s %7.1f %9.1f %9.1f %7.1f %d", s.rank(), s.name(), s.total(),
                    s.axis(Axis.COVERAGE).score(), s.axis(Axis.LOGISTICS).score(), s.axis(Axis.SYSTEM).score(), missing));
        }
        printer.message("Stage: " + guide.stage() + " (SKUs " + board.skus() + ", orders in 30 days "
                + board.monthlyOrders() + ")");
        return 0;
    }

    /**
     * What a measured criterion rests on: {@code days} of {@code ofDays} days of history for the figures measured
     * over the window; {@code ageKnownPercent} for the over-180 share (units of known age ÷ all units).
     */
    private static void putCoverage(ObjectNode k, Criterion c, WarehouseKpis m) {
        if (!c.measured()) {
            return;
        }
        if (c == Criterion.OVER_180_SHARE) {
            Json.putDouble(k, "ageKnownPercent", m.ages() == null ? null : m.ages().unitPercent());
            return;
        }
        Json.putInt(k, "days", m.history() == null ? null : m.history().days());
        Json.putInt(k, "ofDays", m.history() == null ? null : m.history().ofDays());
    }

    private static double round(double v) {
        return Math.round(v * 10.0) / 10.0;
    }

    private static void putD(ObjectNode n, String key, Double v) {
        if (v == null) {
            n.putNull(key);
        } else {
            n.put(key, v);
        }
    }
}

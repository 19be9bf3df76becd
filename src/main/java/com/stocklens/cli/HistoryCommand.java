package com.stocklens.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stocklens.app.AppRuntime;
import com.stocklens.domain.Snapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code history [--json]}: the moments the cache holds, per source (docs/guide/history.md). */
@Command(name = "history", description = "List the snapshot moments held in the cache, per source.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:done", "2:a usage error, or under --snapshot a file that cannot be opened",
                "3:the workspace cannot be opened (in use by another StockLens, or unreadable)"})
final class HistoryCommand extends RuntimeCommand {
    @Option(names = "--json", description = "Print a JSON array of sources with their moments (documented in docs/cli.md).")
    boolean json;

    @Override
    int run(AppRuntime runtime) {
        Map<String, List<Snapshot>> bySource = new LinkedHashMap<>();
        for (Snapshot s : runtime.history().moments()) {
            bySource.computeIfAbsent(s.sourceId(), k -> new ArrayList<>()).add(s);
        }
        if (json) {
            ArrayNode array = Json.MAPPER.createArrayNode();
            bySource.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
                ObjectNode n = array.addObject();
                n.put("source", e.getKey());
                n.put("count", e.getValue().size());
                ArrayNode moments = n.putArray("moments");
                for (Snapshot s : e.getValue()) {
                    ObjectNode m = moments.addObject();
                    m.put("snapshotId", s.id());
                    Json.putInstant(m, "takenAt", s.takenAt());
                    m.put("rows", s.rowCount());
                }
            });
            printer.result(Json.write(array));
            return 0;
        }
        bySource.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            List<Snapshot> list = e.getValue();
            printer.result(Columns.format("%-20s %5d snapshots  %s … %s", e.getKey(), list.size(),
                    list.get(0).takenAt(), list.get(list.size() - 1).takenAt()));
        });
        if (bySource.isEmpty()) {
            printer.message("No snapshots yet: run `sync --once` first.");
        }
        return 0;
    }
}

package com.stocklens.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stocklens.app.AppRuntime;
import com.stocklens.service.PushSettings;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code push settings [--buffer N] [--daily-cap N] [--auto-csv WAREHOUSE=on|off]… [--auto-returns on|off]
 * [--by NAME] [--json]}: the buffer held back from TikTok, the automatic pushes' daily cap, and which automatic
 * pushes are on (all off until turned on). Without a change, prints them.
 */
@Command(name = "settings", description = "Show or change the push settings: buffer, daily cap of the automatic "
        + "pushes, and which automatic pushes are on (off by default).",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:done", "2:a usage error, or a snapshot file is open (read-only)",
                "3:the workspace cannot be opened (in use by another StockLens, or unreadable)"})
final class PushSettingsCommand extends RuntimeCommand {
    @Override
    boolean writes() {
        return buffer != null || dailyCap != null || autoCsv != null || autoReturns != null;
    }

    @Option(names = "--buffer", paramLabel = "UNITS", description = "Units held back from TikTok on every figure (default 0).")
    Integer buffer;

    @Option(names = "--daily-cap", paramLabel = "UNITS",
            description = "Units the automatic pushes may change per Beijing day, in total (default 500).")
    Integer dailyCap;

    @Option(names = "--auto-csv", paramLabel = "WAREHOUSE=on|off",
            description = "Push a CSV warehouse (e.g. csv:PH-MNL) after each import of its stock file.")
    Map<String, String> autoCsv;

    @Option(names = "--auto-returns", paramLabel = "on|off", description = "Push after each returns QC pass.")
    String autoReturns;

    @Option(names = "--by", paramLabel = "NAME", description = "Who changes them, for the audit (default: the OS user).")
    String by;

    @Option(names = "--json", description = "Print the settings as JSON (documented in docs/cli.md).")
    boolean json;

    @Override
    int run(AppRuntime runtime) {
        PushSettings s = runtime.stockPushes().settings();
        if (writes()) {
            try {
                TreeSet<String> csv = new TreeSet<>(s.autoCsv());
                if (autoCsv != null) {
                    for (Map.Entry<String, String> e : autoCsv.entrySet()) {
                        String w = e.getKey().startsWith("csv:") ? e.getKey() : "csv:" + e.getKey();
                        if (on(e.getValue())) {
                            csv.add(w);
                        } else {
                            csv.remove(w);
                        }
                    }
                }
                s = runtime.stockPushes().saveSettings(new PushSettings(buffer != null ? buffer : s.buffer(),
                        dailyCap != null ? dailyCap : s.dailyCap(), csv,
                        autoReturns != null ? on(autoReturns) : s.autoReturns()), MappingSetCommand.who(by));
            } catch (IllegalArgumentException e) {
                printer.message(e.getMessage());
                return 2;
            }
        }
        if (json) {
            ObjectNode root = Json.MAPPER.createObjectNode();
            root.put("buffer", s.buffer());
            root.put("dailyCap", s.dailyCap());
            ArrayNode csv = root.putArray("autoCsv");
            s.autoCsv().forEach(csv::add);
            root.put("autoReturns", s.autoReturns());
            root.put("planMinutes", runtime.stockPushes().planMinutes());
            printer.result(Json.write(root));
            return 0;
        }
        printer.result("buffer        " + s.buffer() + " unit(s) held back on every figure");
        printer.result("daily cap     " + s.dailyCap() + " unit(s) per Beijing day for the automatic pushes");
        printer.result("auto CSV      " + (s.autoCsv().isEmpty() ? "off" : String.join(", ", s.autoCsv())));
        printer.result("auto returns  " + (s.autoReturns() ? "on" : "off"));
        printer.result("plans         applied within " + runtime.stockPushes().planMinutes() + " min of their making");
        return 0;
    }

    private static boolean on(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (v.equals("on") || v.equals("true") || v.equals("yes")) {
            return true;
        }
        if (v.equals("off") || v.equals("false") || v.equals("no")) {
            return false;
        }
        throw new IllegalArgumentException("expected on or off, not '" + value + "'");
    }
}

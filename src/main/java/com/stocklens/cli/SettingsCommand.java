package com.stocklens.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stocklens.app.AppRuntime;
import com.stocklens.app.settings.PolicySettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code settings [--json]}: every policy figure, its value, its default and where the value came from. */
@Command(name = "settings", subcommands = SettingsDbCommand.class, description = "Show the policy settings (thresholds, deadlines, health bands) and where each value came from; set them in <workspace>/settings.properties.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:done", "2:a usage error, or under --snapshot a file that cannot be opened",
                "3:the workspace cannot be opened (in use by another StockLens, or unreadable)"})
final class SettingsCommand extends RuntimeCommand {
    @Option(names = "--json", description = "Print JSON (documented in docs/cli.md).")
    boolean json;

    @Override
    int run(AppRuntime runtime) {
        PolicySettings policy = runtime.policy();
        if (json) {
            ObjectNode root = Json.MAPPER.createObjectNode();
            root.put("file", runtime.options().workspace().resolve("settings.properties").toString());
            ArrayNode settings = root.putArray("settings");
            for (PolicySettings.Entry e : policy.entries()) {
                ObjectNode n = settings.addObject();
                n.put("key", e.key());
                n.put("value", e.value());
                n.put("default", e.defaultValue());
                n.put("source", e.source());
                if (e.problem() == null) {
                    n.putNull("problem");
                } else {
                    n.put("problem", e.problem());
                }
            }
            printer.result(Json.write(root));
            return 0;
        }
        printer.result("Settings file: " + runtime.options().workspace().resolve("settings.properties"));
        for (PolicySettings.Entry e : policy.entries()) {
            printer.result(Columns.format("  %-34s %-10s (%s)%s", e.key(), e.value(), e.source(),
                    e.problem() == null ? "" : "  ! " + e.problem()));
        }
        return 0;
    }
}

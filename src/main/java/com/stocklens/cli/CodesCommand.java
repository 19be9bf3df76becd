package com.stocklens.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stocklens.domain.CodeCheckResult;
import com.stocklens.domain.CodeFinding;
import com.stocklens.domain.CodeFindingKind;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code codes}: the three-code check (三码校验). {@code codes check FILE} judges a CSV without a
 * workspace; {@code codes current} judges the codes the workspace has synced.
 */
@Command(name = "codes", description = "Three-code check (三码校验): TikTok SKU ↔ barcode ↔ warehouse SKU id.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"2:no subcommand given (the usage is printed)"},
        subcommands = {CodesCheckCommand.class, CodesCurrentCommand.class})
final class CodesCommand implements Callable<Integer> {
    /** Exit code when something is flagged (0 = clean). */
    static final int EXIT_FLAGGED = 1;
    /** Exit code when the input cannot be checked at all. */
    static final int EXIT_INVALID = 2;

    @Spec
    CommandSpec spec;

    CliPrinter printer = CliPrinter.system();

    /** {@code codes} alone: say which subcommands there are, as a usage error. */
    @Override
    public Integer call() {
        printer.message(spec.commandLine().getUsageMessage());
        return EXIT_INVALID;
    }

    /** The JSON document of docs/cli.md: {@code file} is null for {@code codes current}. */
    static ObjectNode json(String file, CodeCheckResult result) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        if (file == null) {
            root.putNull("file");
        } else {
            root.put("file", file);
        }
        root.put("skus", result.skus());
        root.put("flaggedSkus", result.flaggedSkus());
        root.put("mismatchRate", rate(result));
        ArrayNode findings = root.putArray("findings");
        for (CodeFinding f : result.findings()) {
            ObjectNode n = findings.addObject();
            n.put("kind", f.kind().name());
            if (f.sellerSku() == null) {
                n.putNull("sku");
            } else {
                n.put("sku", f.sellerSku());
            }
            ArrayNode lines = n.putArray("lines");
            f.lines().forEach(lines::add);
            n.put("detail", f.detail() == null ? null : f.detail().english());
        }
        return root;
    }

    /** Percent with one decimal: 12.7 reads like the article's figure, 12.698412… does not. */
    static double rate(CodeCheckResult result) {
        return Math.round(result.mismatchRate() * 10) / 10.0;
    }

    /** The human report: findings grouped under their kind, then the mismatch rate. */
    static void print(CliPrinter printer, CliTexts texts, String what, CodeCheckResult result) {
        for (CodeFindingKind kind : CodeFindingKind.values()) {
            List<CodeFinding> of = result.findings().stream().filter(f -> f.kind() == kind).toList();
            if (of.isEmpty()) {
                continue;
            }
            printer.result(texts.name("codes.title.", kind) + " (" + texts.quantity(of.size()) + ")");
            for (CodeFinding f : of) {
                String where = f.lines().isEmpty() ? ""
                        : texts.format(f.lines().size() == 1 ? "codes.line" : "codes.lines",
                        f.lines().stream().map(String::valueOf).collect(Collectors.joining(", ")));
                printer.result("  " + where + texts.words(f.detail()));
            }
        }
        String summary = texts.format("codes.summary", what, result.skus(), result.flaggedSkus(),
                String.format(Locale.ROOT, "%.1f", rate(result)));
        printer.result(result.isClean() ? summary + texts.get("codes.clean") : summary);
    }
}

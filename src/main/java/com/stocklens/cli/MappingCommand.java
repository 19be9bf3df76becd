package com.stocklens.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stocklens.app.AppRuntime;
import com.stocklens.domain.SkuIdentity;
import com.stocklens.domain.SkuMapping;
import com.stocklens.service.MappingBoard;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mapping [--json]}: the SKU identities and how every warehouse source's codes map to them, unmapped
 * codes and conflicts included; {@code mapping set} / {@code mapping clear} change one code by hand.
 */
@Command(name = "mapping", description = "SKU mapping: identities, each warehouse's codes, unmapped codes and conflicts.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:done", "2:a usage error, or under --snapshot a file that cannot be opened",
                "3:the workspace cannot be opened (in use by another StockLens, or unreadable)"},
        subcommands = {MappingSetCommand.class, MappingClearCommand.class})
final class MappingCommand extends RuntimeCommand {
    /** Exit code of {@code set}/{@code clear} when the change is refused (unknown SKU or source, nothing to clear). */
    static final int EXIT_REFUSED = 1;

    @Option(names = "--json", description = "Print JSON (documented in docs/cli.md).")
    boolean json;

    @Override
    int run(AppRuntime runtime) {
        MappingBoard board = runtime.skuIdentities().read();
        if (json) {
            printer.result(Json.write(json(board)));
            return 0;
        }
        for (SkuMapping m : board.conflicts()) {
            printer.result("CONFLICT  " + m.sourceId() + "  " + m.code() + "  fits " + String.join(", ", m.candidates()));
        }
        for (SkuMapping m : board.unmapped()) {
            printer.result("UNMAPPED  " + m.sourceId() + "  " + m.code() + (m.barcode() == null ? "" : "  barcode " + m.barcode()));
        }
        for (SkuMapping m : board.mappings()) {
            if (m.method().mapped() && !m.code().equals(m.sellerSku())) {
                printer.result(m.method() + "  " + m.sourceId() + "  " + m.code() + " -> " + m.sellerSku()
                        + ("system".equals(m.by()) ? "" : "  (by " + m.by() + ")"));
            }
        }
        printer.result(String.format(Locale.ROOT, "%d identities, %d codes: %d unmapped, %d in conflict",
                board.identities().size(), board.mappings().size(), board.unmapped().size(), board.conflicts().size()));
        return 0;
    }

    /** The document of docs/guide/sku-mapping.md. */
    static ObjectNode json(MappingBoard board) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode identities = root.putArray("identities");
        for (SkuIdentity i : board.identities()) {
            ObjectNode n = identities.addObject();
            n.put("sellerSku", i.sellerSku());
            putText(n, "name", i.name());
            ArrayNode tiktok = n.putArray("tiktokSkuIds");
            i.tiktokSkuIds().forEach(tiktok::add);
            ArrayNode barcodes = n.putArray("barcodes");
            i.barcodes().forEach(barcodes::add);
            ArrayNode codes = n.putArray("codes");
            for (SkuMapping m : board.mappingsOf(i.sellerSku())) {
                ObjectNode c = codes.addObject();
                c.put("source", m.sourceId());
                c.put("code", m.code());
                c.put("method", m.method().name());
            }
        }
        putMappings(root.putArray("mappings"), board.mappings());
        putMappings(root.putArray("unmapped"), board.unmapped());
        putMappings(root.putArray("conflicts"), board.conflicts());
        return root;
    }

    private static void putMappings(ArrayNode array, List<SkuMapping> mappings) {
        for (SkuMapping m : mappings) {
            ObjectNode n = array.addObject();
            n.put("source", m.sourceId());
            n.put("code", m.code());
            putText(n, "sellerSku", m.sellerSku());
            n.put("method", m.method().name());
            putText(n, "barcode", m.barcode());
            ArrayNode c = n.putArray("candidates");
            m.candidates().forEach(c::add);
            putText(n, "by", m.by());
            Json.putInstant(n, "at", m.at());
        }
    }

    private static void putText(ObjectNode n, String field, String value) {
        if (value == null) {
            n.putNull(field);
        } else {
            n.put(field, value);
        }
    }

    static String describe(SkuMapping m) {
        return m.sourceId() + " " + m.code() + " -> " + (m.sellerSku() == null ? "(own code)" : m.sellerSku())
                + " [" + m.method() + (m.candidates().isEmpty() ? "" : ": " + m.candidates().stream()
                .collect(Collectors.joining(", "))) + "]";
    }
}

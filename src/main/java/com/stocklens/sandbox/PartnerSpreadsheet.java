package com.stocklens.sandbox;

import com.stocklens.domain.StockLevel;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/**
 * The stock sheet a warehouse without an API e-mails to the seller: what Excel on a Chinese Windows
 * saves as "CSV" — GBK, no BOM, a title line above Chinese headers, the warehouse's own code where it
 * registered an item under one. The file's last-modified time is the moment of the report, which is
 * what an import takes as the snapshot's time.
 */
public final class PartnerSpreadsheet {
    /** The headers, in the order the sheet has them (商品名称 is extra: the import leaves it unmapped). */
    public static final List<String> HEADERS = List.of("商品编码", "商品名称", "条形码", "在库数量", "可用数量",
            "预占数量", "在途数量", "待上架", "冻结数量", "退货待检");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private PartnerSpreadsheet() {
    }

    /** The sheet's text for one warehouse's stock at {@code at}. */
    public static String csv(PartnerStock stock, PartnerWarehouse warehouse, Instant at) {
        StringBuilder b = new StringBuilder();
        b.append(field(warehouse.name() + " 库存报表 " + STAMP.format(at.atZone(warehouse.zone()))
                + " (" + warehouse.zone().getId() + ")")).append("\r\n");
        b.append(String.join(",", HEADERS)).append("\r\n");
        for (PartnerCell c : stock.cells(warehouse, at)) {
            StockLevel t = c.truth();
            b.append(field(c.providerSku())).append(',')
                    .append(field(c.sku().name())).append(',')
                    .append(c.sku().barcode() == null ? "" : field(c.sku().barcode())).append(',')
                    .append(t.onHand()).append(',')
                    .append(t.available()).append(',')
                    .append(t.reserved()).append(',')
                    .append(t.inTransit()).append(',')
                    .append(t.qcHold()).append(',')
                    .append(t.frozen()).append(',')
                    .append(t.returnPendingQc()).append("\r\n");
        }
        return b.toString();
    }

    /**
     * Writes the sheet as GBK to {@code file} (atomically) and sets its last-modified time to {@code at}.
     * Unchanged content is not rewritten, so a file already imported stays the same file.
     */
    public static void write(PartnerStock stock, PartnerWarehouse warehouse, Instant at, Path file) throws IOException {
        byte[] bytes = csv(stock, warehouse, at).getBytes(Charset.forName("GBK"));
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (Files.exists(file) && Arrays.equals(Files.readAllBytes(file), bytes)) {
            return;
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        Files.setLastModifiedTime(tmp, FileTime.from(at));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String field(String s) {
        if (s == null) {
            return "";
        }
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}

package com.stocklens.ui.flags;

import com.stocklens.domain.BeijingTime;
import com.stocklens.service.BoardRow;
import com.stocklens.ui.Formats;
import com.stocklens.ui.Messages;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The evidence of a calibration task for TikTok Seller Center, as text: both figures with the time of each
 * side's snapshot (Beijing time), the gap, the hints, the declared cause. The same card goes along as a PNG
 * (the view takes the picture).
 */
public final class CalibrationEvidence {
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm")
            .withZone(BeijingTime.ZONE);

    private CalibrationEvidence() {
    }

    /**
     * @param pair the stock board's line of the task's SKU × warehouse, whose snapshot times are those of
     *             the figures compared; null when the board no longer has it (the times then read "—")
     */
    public static String text(TaskRowViewModel task, BoardRow pair, Messages messages) {
        FlagTexts texts = new FlagTexts(messages);
        List<String> lines = new ArrayList<>();
        lines.add(messages.get("evidence.title"));
        lines.add(messages.format("evidence.sku", task.sellerSku(), task.name()).strip());
        lines.add(messages.format("evidence.warehouse", task.warehouseLabel()));
        lines.add(messages.format("evidence.warehouseFigure", Formats.quantity(task.warehouseQuantity(), messages),
                Formats.beijingTime(pair == null ? null : pair.warehouseSnapshotAt())));
        lines.add(messages.format("evidence.tiktokFigure", Formats.quantity(task.tiktokQuantity(), messages),
                Formats.beijingTime(pair == null ? null : pair.tiktokSnapshotAt())));
        lines.add(messages.format("evidence.gap", Formats.signed(task.gap(), messages)));
        lines.add(messages.format("evidence.times", Formats.beijingTime(task.task().detectedAt()),
                Formats.beijingTime(task.deadline())));
        lines.add(task.hints().isEmpty() ? messages.get("flags.task.noHints")
                : messages.format("flags.task.hints", texts.hintList(task.hints())));
        lines.add(task.declaration() == null ? messages.get("evidence.notDeclared")
                : texts.declaration(task.declaration()) + " · " + texts.declaredBy(task.declaration()));
        return String.join(System.lineSeparator(), lines) + System.lineSeparator();
    }

    /** "calibration-TTS-RNG-12-06-20261206-1402.png": the SKU and the Beijing minute, safe in any file system. */
    public static String fileName(TaskRowViewModel task, Instant now) {
        String sku = task.sellerSku().replaceAll("[^A-Za-z0-9._-]", "_");
        return "calibration-" + sku + "-" + FILE_TIME.format(now) + ".png";
    }

    /** The text file beside the picture: the same name ending in .txt. */
    public static String textFileName(String pngName) {
        String lower = pngName.toLowerCase(Locale.ROOT);
        return (lower.endsWith(".png") ? pngName.substring(0, pngName.length() - 4) : pngName) + ".txt";
    }
}

package com.stocklens.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.stocklens.sandbox.SimulatedWorld.TikTokWrite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stock writes the simulated TikTok accepted, kept in a file (one JSON line each) so that the next run of
 * the same demo world — every command-line call starts its own — remembers them, as the real TikTok would.
 * An unreadable line is skipped: the demo loses that write, nothing else.
 */
public final class TikTokWriteJournal {
    private static final Logger LOG = LoggerFactory.getLogger(TikTokWriteJournal.class);

    private TikTokWriteJournal() {
    }

    /** Replays {@code file}'s writes into {@code world} and appends every write it accepts from now on. */
    public static void attach(SimulatedWorld world, Path file) {
        world.replayTikTokWrites(read(file));
        world.onTikTokWrite(w -> append(file, w));
    }

    static List<TikTokWrite> read(Path file) {
        List<TikTokWrite> out = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode n = Exchange.JSON.readTree(line);
                    out.add(new TikTokWrite(n.path("warehouse").asText(), n.path("sku").asText(),
                            n.path("quantity").asInt(), n.path("offset").asInt(), Instant.parse(n.path("at").asText())));
                } catch (IOException | RuntimeException e) {
                    LOG.warn("Skipping an unreadable line of {}: {}", file, e.toString());
                }
            }
        } catch (IOException e) {
            LOG.warn("Cannot read the sandbox's stock writes {}: {}", file, e.toString());
        }
        return out;
    }

    private static void append(Path file, TikTokWrite w) {
        String line = new String(Exchange.write(Exchange.obj("warehouse", w.tiktokWarehouseId(), "sku", w.sellerSku(),
                "quantity", w.quantity(), "offset", w.offset(), "at", w.at().toString())), StandardCharsets.UTF_8);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the sandbox's stock write in " + file, e);
        }
    }
}

package com.stocklens.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openpdf.text.pdf.BaseFont;

/**
 * Finds a CJK font on this machine and loads it embedded, so a PDF shows Chinese on any reader.
 *
 * <p>The PDF base-14 fonts have no Chinese glyphs and a non-embedded CJK font depends on the reader
 * having one: both end as boxes. So we embed (as a subset) the first font that loads from the
 * {@code stocklens.cjkFont} system property, then WenQuanYi Zen Hei, Noto Sans CJK (TrueType builds),
 * Microsoft YaHei / SimHei / SimSun on Windows, PingFang / STHeiti / Arial Unicode on macOS. A TTC
 * (font collection) is opened by index, {@code ",0"}. When none loads we fail with what to install.
 */
public final class CjkFonts {
    /** System property naming a font file (a .ttc may end in ",index") to use before the list. */
    public static final String PROPERTY = "stocklens.cjkFont";

    static final List<String> CANDIDATES = List.of(
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc,0",
            "/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc,0",
            "/usr/share/fonts/wenquanyi/wqy-zenhei/wqy-zenhei.ttc,0",
            "/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc,0",
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc,0",
            "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc,0",
            "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc,0",
            "C:\\Windows\\Fonts\\msyh.ttc,0",
            "C:\\Windows\\Fonts\\simhei.ttf",
            "C:\\Windows\\Fonts\\simsun.ttc,0",
            "/System/Library/Fonts/PingFang.ttc,0",
            "/System/Library/Fonts/STHeiti Light.ttc,0",
            "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
            "/Library/Fonts/Arial Unicode.ttf");

    private CjkFonts() {
    }

    /** The first candidate that loads, embedded with Identity-H encoding. */
    public static BaseFont load() throws IOException {
        String configured = System.getProperty(PROPERTY);
        List<String> candidates = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            candidates.add(configured.trim());
        }
        candidates.addAll(CANDIDATES);
        return load(candidates);
    }

    /** The first of {@code candidates} that loads ("path" or "path.ttc,index"). */
    static BaseFont load(List<String> candidates) throws IOException {
        List<String> tried = new ArrayList<>();
        for (String spec : candidates) {
            Path file = Path.of(spec.replaceFirst(",\\d+$", ""));
            if (!Files.isReadable(file)) {
                continue;
            }
            try {
                return BaseFont.createFont(spec, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            } catch (RuntimeException | IOException e) {
                // e.g. a CFF-outline Noto collection OpenPDF cannot embed: try the next one.
                tried.add(spec + " (" + e.getMessage() + ")");
            }
        }
        throw new IOException("No Chinese (CJK) font found to embed in the PDF"
                + (tried.isEmpty() ? "" : "; could not load " + String.join(", ", tried))
                + ". Install one: on Debian/Ubuntu `sudo apt-get install fonts-wqy-zenhei`, on Fedora "
                + "`sudo dnf install wqy-zenhei-fonts`; Windows has Microsoft YaHei (msyh.ttc) and macOS PingFang "
                + "built in. Or point -D" + PROPERTY + "=/path/to/font.ttf (a .ttc with \",0\") at one.");
    }
}

package com.stocklens.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openpdf.text.pdf.BaseFont;

/**
 * The font every PDF export draws its text with: Noto Sans SC, shipped inside the app, embedded as a subset.
 *
 * <p>The PDF base-14 fonts have no Chinese glyphs and a font that is not embedded depends on the reader
 * having it: both end as boxes. So every PDF embeds (as a subset of the glyphs it uses: the demo's 25-page
 * health report is about 120 KB in all, whatever the size of the file below) the font bundled with StockLens,
 * {@value #BUNDLED_FILE} (SIL Open Font License 1.1, {@code fonts/OFL.txt} beside it; how it was made:
 * {@code packaging/fonts/report-font.sh}). The same font on every OS gives the same pages everywhere, so a
 * font installed on the machine is never preferred; none is needed, for Chinese or English.
 *
 * <p>Order: the file named by {@value #PROPERTY} (a .ttc may end in ",index"), then the bundled font, then,
 * only should the bundled one be missing from a damaged installation, the usual Chinese system fonts
 * (WenQuanYi Zen Hei, Noto Sans CJK TrueType builds, Microsoft YaHei / SimHei / SimSun, PingFang / STHeiti /
 * Arial Unicode). {@value #SYSTEM_FONTS_PROPERTY}{@code =false} keeps every font file of the machine out
 * ({@value #PROPERTY} included), which the tests use to show that nothing but the app is needed.
 */
public final class CjkFonts {
    /** System property naming a font file (a .ttc may end in ",index") to use before the bundled font. */
    public static final String PROPERTY = "stocklens.cjkFont";
    /** System property: {@code false} never reads a font file of this machine (only the bundled font). */
    public static final String SYSTEM_FONTS_PROPERTY = "stocklens.systemFonts";
    /** The bundled font's file name, in {@code fonts/} beside this class. */
    static final String BUNDLED_FILE = "NotoSansSC-Regular.ttf";
    static final String BUNDLED_RESOURCE = "fonts/" + BUNDLED_FILE;

    static final List<String> SYSTEM_CANDIDATES = List.of(
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

    /**
     * The font for one PDF, embedded with Identity-H encoding: a new instance each time (it records the
     * glyphs its document uses), read from the bundled file unless {@value #PROPERTY} names another.
     */
    public static BaseFont load() throws IOException {
        List<String> tried = new ArrayList<>();
        String configured = System.getProperty(PROPERTY);
        if (systemFontsAllowed() && configured != null && !configured.isBlank()) {
            BaseFont f = loadFile(configured.trim(), true, tried);
            if (f != null) {
                return f;
            }
        }
        try {
            return bundled();
        } catch (IOException | RuntimeException e) {
            tried.add(BUNDLED_FILE + " (" + e.getMessage() + ")");
        }
        return load(systemFontsAllowed() ? SYSTEM_CANDIDATES : List.of(), tried);
    }

    /** The bundled font, read from the class path. */
    static BaseFont bundled() throws IOException {
        byte[] bytes;
        try (InputStream in = CjkFonts.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IOException("not in this installation");
            }
            bytes = in.readAllBytes();
        }
        return BaseFont.createFont(BUNDLED_FILE, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, bytes, null);
    }

    /** The first of {@code candidates} that loads ("path" or "path.ttc,index"); {@code tried} says what failed. */
    static BaseFont load(List<String> candidates, List<String> tried) throws IOException {
        for (String spec : candidates) {
            BaseFont f = loadFile(spec, false, tried);
            if (f != null) {
                return f;
            }
        }
        throw new IOException("The font StockLens draws PDFs with (" + BUNDLED_FILE + ") is missing from this "
                + "installation" + (tried.isEmpty() ? "" : "; could not load " + String.join(", ", tried))
                + ". Reinstall StockLens, or point -D" + PROPERTY + "=/path/to/font.ttf (a .ttc with \",0\") at a "
                + "Chinese TrueType font.");
    }

    /** The font in {@code spec}, or null (a missing file is said in {@code tried} only when {@code named}). */
    private static BaseFont loadFile(String spec, boolean named, List<String> tried) {
        Path file = Path.of(spec.replaceFirst(",\\d+$", ""));
        if (!Files.isReadable(file)) {
            if (named) {
                tried.add(spec + " (not readable)");
            }
            return null;
        }
        try {
            return BaseFont.createFont(spec, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        } catch (RuntimeException | IOException e) {
            // e.g. a CFF-outline Noto collection OpenPDF cannot embed: try the next one.
            tried.add(spec + " (" + e.getMessage() + ")");
            return null;
        }
    }

    private static boolean systemFontsAllowed() {
        return !"false".equalsIgnoreCase(System.getProperty(SYSTEM_FONTS_PROPERTY, "true").trim());
    }
}

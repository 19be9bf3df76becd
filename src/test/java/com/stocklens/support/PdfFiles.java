package com.stocklens.support;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openpdf.text.pdf.PdfArray;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfObject;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;

/** A written PDF read back: its pages' text, and its fonts as {@code pdffonts} lists them. */
public final class PdfFiles {
    private PdfFiles() {
    }

    /** The text of each page, in order. */
    public static List<String> pages(Path pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf.toString());
        try {
            PdfTextExtractor text = new PdfTextExtractor(reader);
            List<String> pages = new ArrayList<>();
            for (int p = 1; p <= reader.getNumberOfPages(); p++) {
                pages.add(text.getTextFromPage(p));
            }
            return pages;
        } finally {
            reader.close();
        }
    }

    /**
     * Every font dictionary reachable from the pages' resources (form XObjects such as a drawn chart
     * included): base font name (e.g. "ABCDEF+NotoSansSC-Regular") → whether its file is embedded
     * ({@code FontFile}, {@code FontFile2} or {@code FontFile3} in its descriptor, the descendant's for a
     * Type 0 font).
     */
    public static Map<String, Boolean> fonts(Path pdf) throws IOException {
        Map<String, Boolean> fonts = new LinkedHashMap<>();
        PdfReader reader = new PdfReader(pdf.toString());
        try {
            Set<PdfDictionary> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            for (int p = 1; p <= reader.getNumberOfPages(); p++) {
                collect(reader.getPageN(p).getAsDict(PdfName.RESOURCES), fonts, seen);
            }
        } finally {
            reader.close();
        }
        return fonts;
    }

    /**
     * {@code pdffonts FILE}'s rows as "name emb" (e.g. "ABCDEF+NotoSansSC-Regular yes"), or null when
     * poppler's {@code pdffonts} is not installed.
     */
    public static List<String> pdffonts(Path pdf) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("pdffonts", pdf.toString()).redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            return null;
        }
        String text = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("pdffonts failed: " + text);
        }
        List<String> rows = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (String line : lines.subList(Math.min(2, lines.size()), lines.size())) {
            // name, type (1 or 2 words), encoding, then emb sub uni, object number, generation
            String[] w = line.trim().split("\\s+");
            if (w.length >= 7) {
                rows.add(w[0] + " " + w[w.length - 5]);
            }
        }
        return rows;
    }

    private static void collect(PdfDictionary resources, Map<String, Boolean> fonts, Set<PdfDictionary> seen) {
        if (resources == null || !seen.add(resources)) {
            return;
        }
        PdfDictionary fontDict = resources.getAsDict(PdfName.FONT);
        if (fontDict != null) {
            for (PdfName key : fontDict.getKeys()) {
                PdfDictionary font = (PdfDictionary) PdfReader.getPdfObject(fontDict.get(key));
                PdfName base = font.getAsName(PdfName.BASEFONT);
                fonts.put(base == null ? key.toString() : PdfName.decodeName(base.toString()), embedded(font));
            }
        }
        PdfDictionary xobjects = resources.getAsDict(PdfName.XOBJECT);
        if (xobjects != null) {
            for (PdfName key : xobjects.getKeys()) {
                PdfObject x = PdfReader.getPdfObject(xobjects.get(key));
                if (x instanceof PdfDictionary xd && PdfName.FORM.equals(xd.getAsName(PdfName.SUBTYPE))) {
                    collect(xd.getAsDict(PdfName.RESOURCES), fonts, seen);
                }
            }
        }
    }

    private static boolean embedded(PdfDictionary font) {
        PdfDictionary f = font;
        if (PdfName.TYPE0.equals(font.getAsName(PdfName.SUBTYPE))) {
            PdfArray descendants = (PdfArray) PdfReader.getPdfObject(font.get(PdfName.DESCENDANTFONTS));
            f = (PdfDictionary) PdfReader.getPdfObject(descendants.getPdfObject(0));
        }
        PdfDictionary descriptor = (PdfDictionary) PdfReader.getPdfObject(f.get(PdfName.FONTDESCRIPTOR));
        return descriptor != null && (descriptor.contains(PdfName.FONTFILE) || descriptor.contains(PdfName.FONTFILE2)
                || descriptor.contains(PdfName.FONTFILE3));
    }
}

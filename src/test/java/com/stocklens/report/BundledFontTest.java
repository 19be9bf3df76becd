package com.stocklens.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.BaseFont;

/**
 * Issue 19 ("a font that travels"): PDFs draw with the Noto Sans SC shipped in the app, whatever the
 * machine has installed, and that font has every character the reports and sellers' names need.
 */
class BundledFontTest {

    @Test
    void theBundledFontIsPreferredOverAnInstalledOne() throws Exception {
        // This machine may well have WenQuanYi installed: the same pages everywhere beat a local font.
        assertThat(CjkFonts.load().getPostscriptFontName()).isEqualTo("NotoSansSC-Regular");
    }

    @Test
    void itsLicenceTravelsWithIt() throws Exception {
        try (InputStream in = CjkFonts.class.getResourceAsStream("fonts/OFL.txt")) {
            assertThat(in).isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .contains("SIL OPEN FONT LICENSE Version 1.1");
        }
    }

    @Test
    void everyCharacterOfTheReportLabelsIsInTheFont() throws Exception {
        BaseFont font = CjkFonts.bundled();
        for (String bundle : List.of("labels_zh.properties", "labels_en.properties", "labels.properties")) {
            try (InputStream in = CjkFonts.class.getResourceAsStream(bundle)) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertThat(missing(font, text)).as(bundle).isEmpty();
            }
        }
        // What the writer adds itself: dashes, units, the unknown value.
        assertThat(missing(font, "— … % ÷ × ≤ ≥ < > 0123456789 ()（）：，。")).isEmpty();
    }

    @Test
    void itCoversEveryHanziOfGbkAndVietnameseLatin() throws Exception {
        // Sellers' SKU and warehouse names: GBK's 21,003 ideographs (GB2312's 6,763 common ones and the
        // Traditional forms), and the accented Latin of the Southeast Asian markets.
        BaseFont font = CjkFonts.bundled();
        CharsetEncoder gbk = Charset.forName("GBK").newEncoder();
        List<String> missing = new ArrayList<>();
        int hanzi = 0;
        for (char c = 0x4E00; c <= 0x9FFF; c++) {
            if (gbk.canEncode(c)) {
                hanzi++;
                if (!font.charExists(c)) {
                    missing.add(String.valueOf(c));
                }
            }
        }
        assertThat(hanzi).isGreaterThan(20_000);
        assertThat(missing).isEmpty();
        assertThat(missing(font, "Tiếng Việt: Hà Nội, Đà Nẵng, Thành phố Hồ Chí Minh; Ñ Ç Ø ß; Москва")).isEmpty();
    }

    private static List<String> missing(BaseFont font, String text) {
        List<String> missing = new ArrayList<>();
        text.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isISOControl(c))
                .filter(c -> !font.charExists(c))
                .forEach(c -> missing.add(Character.toString(c) + " U+" + Integer.toHexString(c)));
        return missing;
    }
}

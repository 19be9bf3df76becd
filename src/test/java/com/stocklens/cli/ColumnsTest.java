package com.stocklens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Plain-text tables align by terminal columns: a Chinese character takes two, a combining mark none. */
class ColumnsTest {

    @Test
    void widthCountsEastAsianWideCharactersTwice() {
        assertThat(Columns.width("WINIT")).isEqualTo(5);
        assertThat(Columns.width("WINIT 万邑通")).isEqualTo(12);
        assertThat(Columns.width("ＡＢ")).isEqualTo(4); // full-width Latin
        assertThat(Columns.width("한국")).isEqualTo(4);
        assertThat(Columns.width("d̄/day")).isEqualTo(5); // d + combining macron
        assertThat(Columns.width("—")).isEqualTo(1);
        assertThat(Columns.width("𠀀")).isEqualTo(2); // outside the BMP
    }

    @Test
    void paddedTextEndsOnTheSameColumnWhateverItsScript() {
        String latin = Columns.format("%-14s|", "ShipBob");
        String chinese = Columns.format("%-14s|", "WINIT 万邑通");
        assertThat(latin).isEqualTo("ShipBob       |");
        assertThat(chinese).isEqualTo("WINIT 万邑通  |");
        assertThat(Columns.width(latin)).isEqualTo(Columns.width(chinese));
        assertThat(Columns.format("%8s|", "谷仓")).isEqualTo("    谷仓|");
    }

    @Test
    void everyOtherSpecifierFormatsAsStringFormatDoes() {
        assertThat(Columns.format("%-7d %9d %+6d %7.1f %s %5d%% %,d", 12, 345, -3, 2.25, "x", 7, 1234567))
                .isEqualTo(String.format(Locale.ROOT, "%-7d %9d %+6d %7.1f %s %5d%% %,d", 12, 345, -3, 2.25,
                        "x", 7, 1234567));
        assertThat(Columns.format("%-6s|%n", (Object) null)).isEqualTo("null  |" + System.lineSeparator());
        assertThat(Columns.format("%-3s|", "longer than three")).isEqualTo("longer than three|");
    }
}

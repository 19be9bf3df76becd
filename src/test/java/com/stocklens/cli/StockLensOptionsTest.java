package com.stocklens.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParameterException;

/** The window's own parse of its options ({@link StockLensOptions#parseWindow}) reads what the full parser reads. */
class StockLensOptionsTest {
    private static final List<String> WINDOW = List.of("--demo", "--data-dir", "/tmp/shop", "--lang", "ZH",
            "--screen", "ageing", "--as-of", "2026-11-27 12:00", "--wall", "--wall-rotate", "30", "--cadence", "15",
            "week 48.stocklens");

    @Test
    void aWindowCommandLineReadsTheSameAloneAsWithEverySubcommand() {
        StockLensOptions alone = StockLensOptions.parseWindow(WINDOW);
        StockLensCommand full = new StockLensCommand();
        StockLensCommand.commandLine(full).parseArgs(WINDOW.toArray(String[]::new));

        for (StockLensOptions o : List.of(alone, full.options())) {
            assertThat(o.demo()).isTrue();
            assertThat(o.language()).contains(Locale.SIMPLIFIED_CHINESE);
            assertThat(o.screen()).as("a subcommand's name as the option's value").contains("AGEING");
            // 12:00 in Beijing is 04:00 UTC.
            assertThat(o.asOf()).contains(Instant.parse("2026-11-27T04:00:00Z"));
            assertThat(o.wall()).isTrue();
            assertThat(o.wallRotate()).contains(Duration.ofSeconds(30));
            assertThat(o.fileToOpen()).contains(Path.of("week 48.stocklens"));
            assertThat(o.settingsWorkspace()).isEqualTo(Path.of("/tmp/shop/demo"));
        }
    }

    @Test
    void aValueTheOptionsRefuseIsRefusedAloneToo() {
        assertThatThrownBy(() -> StockLensOptions.parseWindow(List.of("--lang", "fr")))
                .isInstanceOf(ParameterException.class).hasMessageContaining("--lang takes zh or en, not 'fr'");
        assertThatThrownBy(() -> StockLensOptions.parseWindow(List.of("--cadence", "soon")))
                .isInstanceOf(ParameterException.class).hasMessageContaining("'soon' is not a whole number");
        assertThatThrownBy(() -> StockLensOptions.parseWindow(List.of("notes.txt")))
                .isInstanceOf(ParameterException.class).hasMessageContaining("notes.txt");
        StockLensOptions tooFast = StockLensOptions.parseWindow(List.of("--wall-rotate", "3"));
        assertThatThrownBy(tooFast::wallRotate).isInstanceOf(ParameterException.class)
                .hasMessageContaining("at least 5 seconds");
    }
}

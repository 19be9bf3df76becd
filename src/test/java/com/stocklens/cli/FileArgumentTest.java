package com.stocklens.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** The installers' file association starts the app as {@code StockLens FILE.stocklens}: that must parse. */
class FileArgumentTest {

    private static ParseResult parse(StockLensCommand command, String... args) {
        return StockLensCommand.commandLine(command).parseArgs(args);
    }

    @Test
    void aStocklensFileReachesTheCommandAndOpensTheWindow() {
        StockLensCommand command = new StockLensCommand();
        ParseResult parsed = parse(command, "--demo", "/home/me/Downloads/week 48.stocklens");

        assertThat(parsed.hasSubcommand()).isFalse();
        assertThat(command.options().fileToOpen()).contains(Path.of("/home/me/Downloads/week 48.stocklens"));
    }

    @Test
    void theExtensionIsCaseInsensitive() {
        StockLensCommand command = new StockLensCommand();
        parse(command, "C:\\Users\\me\\SNAPSHOT.StockLens");
        assertThat(command.options().fileToOpen()).isPresent();
    }

    @Test
    void noFileMeansNothingToOpen() {
        StockLensCommand command = new StockLensCommand();
        parse(command, "--demo");
        assertThat(command.options().fileToOpen()).isEmpty();
    }

    @Test
    void aMistypedSubcommandIsStillAnError() {
        assertThatThrownBy(() -> parse(new StockLensCommand(), "stauts"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("stauts");
    }

    @Test
    void subcommandsStillWin() {
        StockLensCommand command = new StockLensCommand();
        ParseResult parsed = parse(command, "--demo", "status");
        assertThat(parsed.hasSubcommand()).isTrue();
        assertThat(command.options().fileToOpen()).isEmpty();
    }
}

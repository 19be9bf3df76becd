package com.stocklens.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.app.settings.LaunchOptions;
import com.stocklens.secrets.PassphrasePrompt;
import com.stocklens.service.StockBoard;
import com.stocklens.store.BoardFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window's start on a workspace it used before (issue 20): the board it read last time, kept in the
 * workspace's board file, is its first board, read before the database is open; every later read is the store's.
 */
class KeptBoardEndToEndTest {
    @TempDir
    Path dir;

    private LaunchOptions options() {
        return new LaunchOptions(true, dir, null, Duration.ofSeconds(10), Duration.ofMinutes(15));
    }

    @Test
    void theWindowsNextStartShowsTheBoardItReadLastAndThenTheStores() {
        StockBoard shown;
        try (AppRuntime first = AppRuntime.open(options(), PassphrasePrompt.NONE, step -> { })) {
            StockBoard before = first.windowBoard().read();
            assertThat(before.rows()).as("nothing synced yet").isEmpty();
            assertThat(((PrefetchedBoardReader) first.windowBoard()).firstWasKept()).isFalse();
            first.syncEngine().syncAllOnce();
            shown = first.windowBoard().read();
            assertThat(shown.rows()).isNotEmpty();
        }
        Path file = BoardFile.in(options().workspace());
        assertThat(BoardFile.read(file)).as("closing lets the last read's write finish").contains(shown);

        try (AppRuntime second = AppRuntime.open(options(), PassphrasePrompt.NONE, step -> { })) {
            PrefetchedBoardReader window = (PrefetchedBoardReader) second.windowBoard();
            assertThat(window.read()).isEqualTo(shown);
            assertThat(window.firstWasKept()).isTrue();
            assertThat(window.read()).as("then the store's").isEqualTo(second.boardReader().read());
        }
    }

    @Test
    void theCommandLinesOpenNeitherReadsNorKeepsTheBoard() {
        try (AppRuntime cli = AppRuntime.open(options())) {
            cli.syncEngine().syncAllOnce();
            assertThat(cli.windowBoard()).isSameAs(cli.boardReader());
            cli.windowBoard().read();
        }
        assertThat(Files.exists(BoardFile.in(options().workspace()))).isFalse();
    }

    @Test
    void aDamagedBoardFileIsPassedOverForTheStore() throws Exception {
        try (AppRuntime first = AppRuntime.open(options(), PassphrasePrompt.NONE, step -> { })) {
            first.syncEngine().syncAllOnce();
            first.windowBoard().read();
            first.windowBoard().read();
        }
        Path file = BoardFile.in(options().workspace());
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(file, bytes);

        try (AppRuntime second = AppRuntime.open(options(), PassphrasePrompt.NONE, step -> { })) {
            PrefetchedBoardReader window = (PrefetchedBoardReader) second.windowBoard();
            assertThat(window.read()).isEqualTo(second.boardReader().read());
            assertThat(window.firstWasKept()).isFalse();
        }
        assertThat(BoardFile.read(file)).as("the store's board kept again").isPresent();
    }
}

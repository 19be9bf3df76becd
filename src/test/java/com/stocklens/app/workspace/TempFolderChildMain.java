package com.stocklens.app.workspace;

import com.stocklens.app.settings.LaunchOptions;
import com.stocklens.secrets.PassphrasePrompt;
import com.stocklens.store.SnapshotArchive;
import com.stocklens.support.TempFolders;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Child process of {@link TempFolderSweepTest}: holds a temporary folder until it is killed.
 * <ul>
 *   <li>{@code snapshot FILE BASE}: opens the snapshot file as the app does (restored into
 *       {@code stocklens-snapshot-*});</li>
 *   <li>{@code export}: takes the folder an export writes its tables into ({@code stocklens-export-*}).</li>
 * </ul>
 * Prints {@code OPEN <folder>} and waits.
 */
public final class TempFolderChildMain {
    private TempFolderChildMain() {
    }

    public static void main(String[] args) throws Exception {
        Path folder;
        if (args[0].equals("snapshot")) {
            LaunchOptions options = new LaunchOptions(false, Path.of(args[2]), null, Duration.ofSeconds(60),
                    Duration.ofMinutes(15)).withSnapshot(Path.of(args[1]));
            OpenWorkspace open = WorkspaceOpener.open(options, Clock.systemUTC(), Map.of(), PassphrasePrompt.NONE);
            folder = open.directory();
        } else {
            folder = TempFolders.create(SnapshotArchive.EXPORT_PREFIX);
        }
        System.out.println("OPEN " + folder);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}

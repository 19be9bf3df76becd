package com.stocklens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What the plain-text output says matches what happened, in columns that line up (issue 19). */
class CliOutputTest extends CliHarness {
    private static final Pattern SUMMARY = Pattern.compile("Red flags: (\\d+) open calibration task\\(s\\), (\\d+) "
            + "alert\\(s\\); this sync opened (\\d+) and resolved (\\d+) task\\(s\\), and raised (\\d+) alert\\(s\\) "
            + "\\(see `flags`\\)\\.");

    @Test
    void statusColumnsLineUpWhenASourceHasAChineseName() {
        assertThat(run("--demo", "status")).isZero();
        List<String> sources = stdout().lines().filter(l -> l.contains("never synced")).toList();
        assertThat(sources).anyMatch(l -> l.startsWith("WINIT 万邑通")).hasSizeGreaterThan(3);
        // "never synced" starts on the same terminal column on every line, Chinese names included.
        assertThat(sources.stream().map(l -> Columns.width(l.substring(0, l.indexOf("never synced")))).distinct())
                .as("columns of 'never synced' in%n%s", String.join("\n", sources)).hasSize(1);
    }

    @Test
    void theSyncSummaryCountsWhatTheWholeSyncOpened() {
        assertThat(run("--demo", "sync", "--once")).isZero();
        String summary = stderr().lines().filter(l -> l.startsWith("Red flags:")).findFirst().orElseThrow();
        Matcher m = SUMMARY.matcher(summary);
        assertThat(m.matches()).as(summary).isTrue();
        int open = Integer.parseInt(m.group(1));
        int alerts = Integer.parseInt(m.group(2));
        int opened = Integer.parseInt(m.group(3));
        int resolved = Integer.parseInt(m.group(4));
        int raised = Integer.parseInt(m.group(5));
        // A fresh workspace: every open task and every alert came from this sync (the engine judges after each
        // source's sync as well as at the end; the summary once said "opened 0" after opening six).
        assertThat(open).isPositive();
        assertThat(opened - resolved).isEqualTo(open);
        assertThat(raised).isGreaterThanOrEqualTo(alerts).isPositive();
    }
}

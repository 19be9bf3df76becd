package com.stocklens.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.cli.StockLensOptions;
import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Option;

/** Which command lines open the window, before any of the app's classes load (issue 20). */
class WindowArgsTest {
    private static boolean opens(String... args) {
        return WindowArgs.opensWindow(args, (name, value) -> !value.equals("bad"));
    }

    @Test
    void windowOptionsAndOneSnapshotFileOpenTheWindow() {
        assertThat(opens()).isTrue();
        assertThat(opens("--demo", "--lang", "zh", "--data-dir=/tmp/x", "--wall")).isTrue();
        assertThat(opens("saved.STOCKLENS")).isTrue();
        assertThat(opens("--demo", "a.stocklens")).isTrue();
    }

    @Test
    void anythingElseGoesToTheParser() {
        assertThat(opens("stock", "--json")).as("a subcommand").isFalse();
        assertThat(opens("--demo", "sync", "--once")).isFalse();
        assertThat(opens("--help")).isFalse();
        assertThat(opens("--version")).isFalse();
        assertThat(opens("--unknown")).isFalse();
        assertThat(opens("a.stocklens", "b.stocklens")).as("two files").isFalse();
        assertThat(opens("notes.txt")).isFalse();
        assertThat(opens("--demo=yes")).as("a flag given a value").isFalse();
        assertThat(opens("--lang")).as("an option at the end, without its value").isFalse();
        assertThat(opens("--lang", "--demo")).as("an option followed by another").isFalse();
        assertThat(opens("--lang", "bad")).as("a value the check refuses").isFalse();
        assertThat(opens("--lang=bad")).isFalse();
    }

    @Test
    void theNamesAreTheWindowsOwnOptions() {
        Set<String> declared = new HashSet<>();
        List<AnnotatedElement> members = new ArrayList<>(List.of(StockLensOptions.class.getDeclaredFields()));
        members.addAll(List.of(StockLensOptions.class.getDeclaredMethods())); // --lang is a setter
        for (AnnotatedElement member : members) {
            Option option = member.getAnnotation(Option.class);
            if (option != null) {
                declared.addAll(List.of(option.names()));
            }
        }
        assertThat(declared).containsAll(WindowArgs.FLAGS).containsAll(WindowArgs.OPTIONS);
    }
}

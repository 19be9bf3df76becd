package com.stocklens.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.RetentionPolicy;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Retention figures in settings.properties (docs/guide/history.md). */
class HistorySettingsTest {
    @Test
    void defaultsFollowDesign() {
        PolicySettings s = PolicySettings.from(new Properties(), null);
        assertThat(s.retention()).isEqualTo(RetentionPolicy.DEFAULTS);
        assertThat(s.entries()).filteredOn(e -> e.key().startsWith("history."))
                .extracting(PolicySettings.Entry::key, PolicySettings.Entry::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("history.keepAllHours", "48"),
                        org.assertj.core.groups.Tuple.tuple("history.hourlyDays", "90"),
                        org.assertj.core.groups.Tuple.tuple("history.dailyDays", "0"));
    }

    @Test
    void valuesFromTheFileAndBadOnesKeepTheDefault() {
        Properties p = new Properties();
        p.setProperty("history.keepAllHours", "24");
        p.setProperty("history.hourlyDays", "30");
        p.setProperty("history.dailyDays", "-1");
        PolicySettings s = PolicySettings.from(p, null);
        assertThat(s.retention()).isEqualTo(new RetentionPolicy(Duration.ofHours(24), Duration.ofDays(30), Duration.ZERO));
        assertThat(s.entries()).filteredOn(e -> e.key().equals("history.dailyDays")).singleElement()
                .satisfies(e -> assertThat(e.problem()).isNotNull());
    }
}

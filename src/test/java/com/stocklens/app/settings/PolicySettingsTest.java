package com.stocklens.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.CalibrationBasis;
import com.stocklens.domain.HealthBands;
import com.stocklens.domain.Thresholds;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PolicySettingsTest {
    @Test
    void defaultsComeFromTheArticleAndSayHowToCheckThem() {
        PolicySettings s = PolicySettings.from(new Properties(), null);
        assertThat(s.thresholds()).isEqualTo(Thresholds.DEFAULTS);
        assertThat(s.bands()).isEqualTo(HealthBands.DEFAULTS);
        assertThat(s.entries()).filteredOn(e -> e.key().equals("rules.calibration.units")).singleElement()
                .satisfies(e -> assertThat(e.source()).contains("seller-education article"));
        assertThat(s.entries()).allSatisfy(e -> assertThat(e.problem()).isNull());
    }

    @Test
    void settingsFileValuesApplyAndBadOnesKeepTheDefaultWithAReason() {
        Properties p = new Properties();
        p.setProperty("rules.calibration.units", "8");
        p.setProperty("rules.calibration.percent", "2.5");
        p.setProperty("rules.calibration.basis", "total");
        p.setProperty("rules.calibration.deadlineMinutes", "90");
        p.setProperty("rules.slowMovingDays", "-3");
        p.setProperty("health.turnoverDaysMax", "sixty");
        PolicySettings s = PolicySettings.from(p, null);
        assertThat(s.thresholds().calibrationUnits()).isEqualTo(8);
        assertThat(s.thresholds().calibrationPercent()).isEqualTo(2.5);
        assertThat(s.thresholds().calibrationBasis()).isEqualTo(CalibrationBasis.TOTAL);
        assertThat(s.thresholds().calibrationDeadline()).isEqualTo(Duration.ofMinutes(90));
        assertThat(s.thresholds().slowMovingDays()).isEqualTo(Thresholds.DEFAULTS.slowMovingDays());
        assertThat(s.bands().turnoverDaysMax()).isEqualTo(HealthBands.DEFAULTS.turnoverDaysMax());
        assertThat(s.entries()).filteredOn(e -> e.problem() != null).extracting(PolicySettings.Entry::key)
                .containsExactlyInAnyOrder("rules.slowMovingDays", "health.turnoverDaysMax");
        assertThat(s.entries()).filteredOn(e -> e.key().equals("rules.calibration.units")).singleElement()
                .satisfies(e -> assertThat(e.source()).isEqualTo("settings.properties"));
    }

    @Test
    void theCommandLineStalenessWindowWins() {
        Properties p = new Properties();
        p.setProperty("rules.staleAfterMinutes", "30");
        assertThat(PolicySettings.from(p, null).thresholds().staleAfter()).isEqualTo(Duration.ofMinutes(30));
        PolicySettings s = PolicySettings.from(p, Duration.ofMinutes(5));
        assertThat(s.thresholds().staleAfter()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.entries()).filteredOn(e -> e.key().equals("rules.staleAfterMinutes")).singleElement()
                .satisfies(e -> assertThat(e.source()).isEqualTo("--stale-after"));
    }
}

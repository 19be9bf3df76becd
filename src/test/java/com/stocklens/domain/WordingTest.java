package com.stocklens.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class WordingTest {
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    @Test
    void rendersInEnglishAndChineseWithGroupedNumbers() {
        Wording w = Wording.of("oversell.plain", 12_345, 45, 12_300);

        assertThat(w.english()).isEqualTo("TikTok available 12,345 > warehouse available 45: up to 12,300 units could be "
                + "sold that cannot ship");
        assertThat(w.in(ZH)).isEqualTo("TikTok 可售 12,345 > 仓库可售 45：最多 12,300 件可能卖出却发不了货");
        assertThat(w.in(Locale.CHINESE)).as("any zh locale reads Chinese").isEqualTo(w.in(ZH));
        assertThat(w.in(Locale.GERMAN)).as("a language without a bundle reads English").isEqualTo(w.english());
    }

    @Test
    void clausesJoinInEachLanguagesPunctuation() {
        Wording w = Wording.of("stale.age", "ShipBob", Duration.ofSeconds(21_097), Duration.ofMinutes(15))
                .and("stale.lastError", "HTTP 503");

        assertThat(w.english()).isEqualTo("ShipBob: last complete snapshot 5 h 51 min ago, window 15 min; "
                + "last error: HTTP 503");
        assertThat(w.in(ZH)).isEqualTo("ShipBob：上次完整同步在 5 小时 51 分钟 前，允许间隔 15 分钟；最近一次错误：HTTP 503");
    }

    @Test
    void decimalsKeepTheirPlacesAndInstantsReadInBeijingTime() {
        Instant changed = Instant.parse("2026-06-12T02:03:04Z");
        Wording w = Wording.of("syncLag.behind", 40, 37, changed, 40, changed.plusSeconds(1200),
                Duration.ofMinutes(15));
        assertThat(w.english()).contains("40 → 37 at 2026-06-12 10:03:04").contains("more than 15 min later");

        assertThat(Wording.of("triage.sells", Wording.decimal(1234.56, 1), 28).english())
                .isEqualTo("sells 1,234.6 a day (over 28 in-stock days)");
        assertThat(Wording.of("triage.sells", Wording.decimal(2, 2), 1).english())
                .isEqualTo("sells 2.00 a day (over 1 in-stock day)");
    }

    @Test
    void englishPluralsFollowTheCount() {
        assertThat(Wording.of("returnQc.overdue", 1, 3, 5).english()).startsWith("1 returned unit waiting");
        assertThat(Wording.of("returnQc.overdue", 1_200, 3, 5).english()).startsWith("1,200 returned units waiting");
    }

    @Test
    void theStoredFormReadsBackEqual() {
        Wording nested = Wording.of("codes.sellerSku.first", "A|1 §5 %7C");
        Wording w = Wording.of("codes.missingWmsSku", nested, Wording.of("codes.warehouse", "Moreno Valley (CA)"))
                .and("stale.age", "x", Duration.ofMinutes(3), Duration.ofMinutes(15))
                .and("triage.sells", Wording.decimal(1.5, 1))
                .and("syncLag.behind", 1, 2, Instant.parse("2026-06-12T02:03:04Z"), 3, null, Duration.ZERO)
                .and("safetyStock.working", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), 90, 2, "", 1, 2, 3,
                        4, 5, 6, 7, 8, "", 9, 10, 11);

        String stored = w.encode();

        assertThat(stored).doesNotContain("\n");
        assertThat(Wording.decode(stored)).isEqualTo(w);
        assertThat(Wording.decode(stored).english()).isEqualTo(w.english());
    }

    @Test
    void textThatIsNotAStoredWordingReadsAsItIs() {
        assertThat(Wording.decode("TikTok available 82 > warehouse available 45").in(ZH))
                .isEqualTo("TikTok available 82 > warehouse available 45");
        assertThat(Wording.decode(null)).isNull();
        assertThat(Wording.decode("§codes.sellerSku|n12|%Zz").english()).as("a broken stored form shows as it is")
                .isEqualTo("§codes.sellerSku|n12|%Zz");
        assertThat(Wording.decode("§no.such.key|n1234").english()).as("a key this version does not know")
                .isEqualTo("no.such.key [1234]");
    }

    @Test
    void acceptsOnlyArgumentsItCanStore() {
        assertThatThrownBy(() -> Wording.of("triage.sells", 1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Wording.decimal");
    }
}

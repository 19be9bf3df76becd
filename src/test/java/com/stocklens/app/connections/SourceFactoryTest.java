package com.stocklens.app.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stocklens.connector.http.RateLimit;
import com.stocklens.connector.tiktok.TikTokClient;
import com.stocklens.domain.Connection;
import com.stocklens.domain.ConnectionKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceFactoryTest {
    private static Connection tiktok(Map<String, String> settings) {
        return new Connection("tiktok:main", ConnectionKind.TIKTOK_SHOP, "TikTok Shop", true, null, settings);
    }

    @Test
    void aTikTokConnectionWithoutABudgetKeepsTheCautiousDefault() {
        assertThat(SourceFactory.tiktokRate(tiktok(Map.of()))).isEqualTo(TikTokClient.DEFAULT_RATE_LIMIT);
        assertThat(SourceFactory.tiktokRate(tiktok(Map.of("requests_per_second", " ")))).isEqualTo(TikTokClient.DEFAULT_RATE_LIMIT);
    }

    @Test
    void aBudgetUpToTheDocumentedFiftyPerSecondIsTaken() {
        assertThat(SourceFactory.tiktokRate(tiktok(Map.of("requests_per_second", "1")))).isEqualTo(RateLimit.perSecond(1));
        assertThat(SourceFactory.tiktokRate(tiktok(Map.of("requests_per_second", " 40 ")))).isEqualTo(RateLimit.perSecond(40));
        assertThat(SourceFactory.tiktokRate(tiktok(Map.of("requests_per_second", "50")))).isEqualTo(RateLimit.perSecond(50));
    }

    @Test
    void aBudgetOutsideOneToFiftyIsRefusedNamingTheSetting() {
        for (String bad : new String[] {"0", "51", "-3", "fast", "12.5"}) {
            assertThatThrownBy(() -> SourceFactory.tiktokRate(tiktok(Map.of("requests_per_second", bad))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("TikTok Shop: requests_per_second must be a whole number from 1 to 50, not '" + bad + "'");
        }
    }
}

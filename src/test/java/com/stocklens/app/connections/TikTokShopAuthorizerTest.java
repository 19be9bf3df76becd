package com.stocklens.app.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stocklens.connector.http.HttpClientFactory;
import com.stocklens.domain.Connection;
import com.stocklens.domain.ConnectionKind;
import com.stocklens.service.InMemorySecretStore;
import com.stocklens.service.ShopAuthorizer.AuthorizationException;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a seller may paste, and the authorization link. */
class TikTokShopAuthorizerTest {
    private final TikTokShopAuthorizer authorizer =
            new TikTokShopAuthorizer(new InMemorySecretStore(), new HttpClientFactory(), Clock.systemUTC());

    private static Connection connection(Map<String, String> settings) {
        return new Connection("tiktok:main", ConnectionKind.TIKTOK_SHOP, "TikTok Shop", true, null, settings);
    }

    @Test
    void aBareCodeHasNoState() {
        assertThat(TikTokShopAuthorizer.parse("  ROW_abc123-_xyz \n"))
                .isEqualTo(new TikTokShopAuthorizer.Pasted("ROW_abc123-_xyz", null, null));
    }

    @Test
    void aRedirectUrlGivesCodeAndState() {
        TikTokShopAuthorizer.Pasted p = TikTokShopAuthorizer.parse(
                "https://example.com/callback?app_key=6abc&code=ROW_a%2Bb%3D&locale=en&shop_region=GB&state=s123#frag");
        assertThat(p.code()).isEqualTo("ROW_a+b=");
        assertThat(p.state()).isEqualTo("s123");
        assertThat(p.error()).isNull();
    }

    @Test
    void aQueryStringAloneIsEnough() {
        assertThat(TikTokShopAuthorizer.parse("code=c1&state=s1"))
                .isEqualTo(new TikTokShopAuthorizer.Pasted("c1", "s1", null));
    }

    @Test
    void rejectionIsAnErrorWithoutCode() {
        assertThat(TikTokShopAuthorizer.parse("https://example.com/cb?code=null&error=auth_denied&state=s1"))
                .isEqualTo(new TikTokShopAuthorizer.Pasted(null, "s1", "auth_denied"));
    }

    @Test
    void aUrlWithoutCodeHasNone() {
        assertThat(TikTokShopAuthorizer.parse("https://example.com/cb").code()).isNull();
        assertThat(TikTokShopAuthorizer.parse("   ").code()).isNull();
        assertThat(TikTokShopAuthorizer.parse("two words").code()).isNull();
    }

    @Test
    void pageUsesTheServiceIdAndAFreshState() {
        Connection c = connection(Map.of("app_key", "6abc", "service_id", "7300001"));
        URI first = authorizer.authorizationPage(c);
        assertThat(first.toString()).startsWith("https://services.tiktokshop.com/open/authorize?service_id=7300001&state=");
        String state = authorizer.pendingState("tiktok:main");
        assertThat(first.getQuery()).endsWith("state=" + state);
        assertThat(state).hasSize(32);
        authorizer.authorizationPage(c);
        assertThat(authorizer.pendingState("tiktok:main")).isNotEqualTo(state);
    }

    @Test
    void pageFallsBackToTheLegacyLinkWithoutServiceId() {
        URI page = authorizer.authorizationPage(connection(Map.of("app_key", "6abc")));
        assertThat(page.toString()).startsWith("https://auth.tiktok-shops.com/oauth/authorize?app_key=6abc&state=");
    }

    @Test
    void declinedAuthorizationSaysSo() {
        Connection c = connection(Map.of("app_key", "6abc"));
        authorizer.authorizationPage(c);
        String state = authorizer.pendingState(c.id());
        assertThatThrownBy(() -> authorizer.completeAuthorization(c,
                "https://example.com/cb?code=null&error=auth_denied&state=" + state))
                .isInstanceOf(AuthorizationException.class).hasMessageContaining("declined");
    }

    @Test
    void stateMismatchIsRefusedBeforeAnyExchange() {
        Connection c = connection(Map.of("app_key", "6abc"));
        authorizer.authorizationPage(c);
        assertThatThrownBy(() -> authorizer.completeAuthorization(c,
                "https://example.com/cb?code=secret_code_canary&state=someone-elses"))
                .isInstanceOf(AuthorizationException.class).hasMessageContaining("state does not match")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret_code_canary"));
    }

    @Test
    void stateWithoutAnOpenedPageIsRefused() {
        Connection c = connection(Map.of("app_key", "6abc"));
        assertThatThrownBy(() -> authorizer.completeAuthorization(c, "https://example.com/cb?code=c&state=s"))
                .isInstanceOf(AuthorizationException.class).hasMessageContaining("state does not match");
    }

    @Test
    void emptyPasteAsksForTheCode() {
        assertThatThrownBy(() -> authorizer.completeAuthorization(connection(Map.of("app_key", "k")), ""))
                .isInstanceOf(AuthorizationException.class).hasMessageContaining("No authorization code");
    }

    @Test
    void missingAppSecretIsNamed() {
        assertThatThrownBy(() -> authorizer.completeAuthorization(connection(Map.of("app_key", "k")), "code1"))
                .isInstanceOf(AuthorizationException.class).hasMessageContaining("app_secret is not set");
    }

    @Test
    void otherKindsAreRefused() {
        Connection shipbob = new Connection("shipbob:main", ConnectionKind.SHIPBOB, "ShipBob", true, null, Map.of());
        assertThatThrownBy(() -> authorizer.authorizationPage(shipbob)).isInstanceOf(IllegalArgumentException.class);
    }
}

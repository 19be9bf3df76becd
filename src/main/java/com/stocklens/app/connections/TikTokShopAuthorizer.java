package com.stocklens.app.connections;

import com.fasterxml.jackson.databind.JsonNode;
import com.stocklens.connector.SourceException;
import com.stocklens.connector.http.HttpClientFactory;
import com.stocklens.connector.tiktok.TikTokAuthClient;
import com.stocklens.connector.tiktok.TikTokClient;
import com.stocklens.connector.tiktok.TikTokConfig;
import com.stocklens.connector.tiktok.TikTokTokens;
import com.stocklens.connector.tiktok.TokenSet;
import com.stocklens.domain.AuthorizedShop;
import com.stocklens.domain.Connection;
import com.stocklens.domain.ConnectionKind;
import com.stocklens.service.SecretStore;
import com.stocklens.service.ShopAuthorizer;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TikTok Shop authorization for the desktop (docs/api/tiktok-shop.md §4): builds the authorization link with a
 * random {@code state}, takes back what the seller pastes (the bare code, or the whole redirect URL whose
 * {@code state} must match), exchanges the code, stores the tokens in the secret store and lists the
 * authorized shops. Choosing one is the caller's: it becomes the connection's {@code shop_cipher}.
 */
public final class TikTokShopAuthorizer implements ShopAuthorizer {
    private static final Logger LOG = LoggerFactory.getLogger(TikTokShopAuthorizer.class);
    static final String SHOPS_PATH = "/authorization/202309/shops";

    /** What a paste holds. */
    record Pasted(String code, String state, String error) {
    }

    private final SecretStore secrets;
    private final HttpClientFactory http;
    private final Clock clock;
    private final BiConsumer<Connection, Map<String, String>> settingsSink;
    private final BiConsumer<Connection, TokenSet> onAuthorized;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, String> pendingState = new ConcurrentHashMap<>();

    /**
     * @param settingsSink receives the connection and the expiry settings to merge into it and persist
     *                     ({@code access_token_expires_at}, {@code refresh_token_expires_at}); may be null
     * @param onAuthorized told about fresh tokens after a successful exchange (e.g. to replace the tokens of
     *                     a running source); may be null
     */
    public TikTokShopAuthorizer(SecretStore secrets, HttpClientFactory http, Clock clock,
                                BiConsumer<Connection, Map<String, String>> settingsSink,
                                BiConsumer<Connection, TokenSet> onAuthorized) {
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settingsSink = settingsSink;
        this.onAuthorized = onAuthorized;
    }

    public TikTokShopAuthorizer(SecretStore secrets, HttpClientFactory http, Clock clock) {
        this(secrets, http, clock, null, null);
    }

    @Override
    public URI authorizationPage(Connection connection) {
        requireTikTok(connection);
        byte[] b = new byte[16];
        random.nextBytes(b);
        String state = HexFormat.of().formatHex(b);
        String serviceId = connection.setting("service_id");
        String page;
        if (serviceId != null && !serviceId.isBlank()) {
            page = connection.setting("authorize_url") + query(connection.setting("authorize_url"))
                    + "service_id=" + enc(serviceId.strip()) + "&state=" + state;
        } else {
            String appKey = connection.setting("app_key");
            if (appKey == null || appKey.isBlank()) {
                throw new IllegalArgumentException(connection.displayName()
                        + ": set the app key (or the service id) before authorizing");
            }
            page = strip(connection.setting("auth_base")) + "/oauth/authorize?app_key=" + enc(appKey.strip())
                    + "&state=" + state;
        }
        pendingState.put(connection.id(), state);
        try {
            return new URI(page);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(connection.displayName() + ": the authorization URL is not valid", e);
        }
    }

    @Override
    public List<AuthorizedShop> completeAuthorization(Connection connection, String codeOrRedirectUrl)
            throws AuthorizationException {
        requireTikTok(connection);
        Pasted pasted = parse(codeOrRedirectUrl);
        if (pasted.error() != null) {
            if ("auth_denied".equals(pasted.error())) {
                throw new AuthorizationException("The seller declined the authorization in TikTok Shop. "
                        + "Open the authorization page again and choose Authorize.");
            }
            throw new AuthorizationException("TikTok reported an authorization error (" + safe(pasted.error())
                    + "). Open the authorization page again.");
        }
        if (pasted.code() == null) {
            throw new AuthorizationException("No authorization code found. Paste the code, or the whole address "
                    + "the browser shows after you approve.");
        }
        if (pasted.state() != null) {
            String expected = pendingState.get(connection.id());
            if (!pasted.state().equals(expected)) {
                throw new AuthorizationException("The pasted address belongs to another authorization attempt "
                        + "(its state does not match). Open the authorization page again from this window and "
                        + "paste the address it leads to.");
            }
        }
        String appKey = require(connection, "app_key", connection.setting("app_key"));
        String appSecret;
        try {
            appSecret = require(connection, "app_secret",
                    secrets.get(connection.secretKey("app_secret")).orElse(null));
        } catch (SecretStore.SecretStoreException e) {
            throw new AuthorizationException("Cannot read the app secret: " + e.getMessage(), e);
        }
        String authBase = require(connection, "auth_base", connection.setting("auth_base"));
        String apiBase = require(connection, "api_base", connection.setting("api_base"));

        TokenSet tokens;
        try {
            tokens = new TikTokAuthClient(authBase, appKey, appSecret, http, clock).exchange(pasted.code());
        } catch (SourceException e) {
            throw new AuthorizationException(e.getMessage(), e);
        }
        pendingState.remove(connection.id());
        try {
            TikTokTokenStorage.saveSecrets(connection, tokens, secrets);
        } catch (SecretStore.SecretStoreException e) {
            throw new AuthorizationException("TikTok authorized StockLens, but the tokens could not be stored ("
                    + e.getMessage() + "). Fix the secret store and authorize again.", e);
        }
        if (settingsSink != null) {
            settingsSink.accept(connection, TikTokTokenStorage.expirySettings(tokens));
        }
        if (onAuthorized != null) {
            onAuthorized.accept(connection, tokens);
        }
        LOG.info("{}: TikTok authorization complete for seller {} ({})", connection.id(), tokens.sellerName(),
                tokens.region());
        try {
            TikTokClient client = new TikTokClient(TikTokConfig.of(apiBase, appKey, appSecret, tokens.accessToken()),
                    TikTokTokens.fixed(tokens.accessToken()), http, clock);
            return shops(client.get(SHOPS_PATH, null, Map.of()));
        } catch (SourceException e) {
            throw new AuthorizationException("TikTok authorized StockLens, but the shop list could not be read: "
                    + e.getMessage(), e);
        }
    }

    /** The state this authorizer expects back for {@code connectionId}, if a page was opened (for tests). */
    String pendingState(String connectionId) {
        return pendingState.get(connectionId);
    }

    /**
     * Reads a paste: a full redirect URL ({@code https://...?code=..&state=..}), a bare query string
     * ({@code code=..&state=..}), or a bare code. A code of {@code null} (TikTok's rejection) counts as none.
     */
    static Pasted parse(String input) {
        String text = input == null ? "" : input.strip();
        if (text.isEmpty()) {
            return new Pasted(null, null, null);
        }
        String query = null;
        int q = text.indexOf('?');
        if (q >= 0) {
            query = text.substring(q + 1);
        } else if (text.contains("code=") || text.contains("error=")) {
            query = text;
        }
        if (query == null) {
            if (text.contains("://") || text.contains(" ")) {
                return new Pasted(null, null, null);
            }
            return new Pasted(text, null, null);
        }
        int hash = query.indexOf('#');
        if (hash >= 0) {
            query = query.substring(0, hash);
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                try {
                    params.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8).strip());
                } catch (IllegalArgumentException e) {
                    // a malformed escape: skip the pair
                }
            }
        }
        String code = params.get("code");
        if (code != null && (code.isEmpty() || "null".equals(code))) {
            code = null;
        }
        String state = params.get("state");
        String error = params.get("error");
        return new Pasted(code, state == null || state.isEmpty() ? null : state,
                error == null || error.isEmpty() ? null : error);
    }

    private static List<AuthorizedShop> shops(JsonNode data) throws AuthorizationException {
        List<AuthorizedShop> out = new ArrayList<>();
        JsonNode shops = data.path("shops");
        if (shops.isArray()) {
            for (JsonNode s : shops) {
                String cipher = text(s, "cipher");
                if (cipher == null) {
                    continue;
                }
                out.add(new AuthorizedShop(text(s, "id"), cipher, text(s, "name"), text(s, "region")));
            }
        }
        if (out.isEmpty()) {
            throw new AuthorizationException("TikTok authorized StockLens, but the authorization reaches no shop. "
                    + "Authorize with the seller account that owns the shop.");
        }
        return out;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }

    private static void requireTikTok(Connection connection) {
        if (connection.kind() != ConnectionKind.TIKTOK_SHOP) {
            throw new IllegalArgumentException(connection.displayName() + " is not a TikTok Shop connection");
        }
    }

    private static String require(Connection connection, String field, String value) throws AuthorizationException {
        if (value == null || value.isBlank()) {
            throw new AuthorizationException(connection.displayName() + ": " + field + " is not set");
        }
        return value.strip();
    }

    private static String query(String base) {
        return base.contains("?") ? (base.endsWith("?") || base.endsWith("&") ? "" : "&") : "?";
    }

    private static String strip(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** An error code from the URL, shown only when it looks like a code (never echo arbitrary pasted text). */
    private static String safe(String error) {
        return error.matches("[A-Za-z0-9_.-]{1,40}") ? error : "unknown";
    }
}

package com.stocklens.connector.tiktok;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TikTokSignerTest {

    @Test
    void officialDocExampleV1() {
        Map<String, String> q = Map.of("app_key", "29a39d", "timestamp", "1623812664");
        assertThat(TikTokSigner.sign("e59af819cc", "/authorization/202309/shops", q, null))
                .isEqualTo("b596b73e0cc6de07ac26f036364178ab16b0a907af13d43f0a0cd2345f582dc8");
    }

    @Test
    void workedExampleV4WithBodyAndDecodedPageToken() {
        Map<String, String> q = new HashMap<>();
        q.put("app_key", "6abc123xyz");
        q.put("page_size", "50");
        q.put("page_token", "aDU2dHIz/MlFh+ME5C==");
        q.put("shop_cipher", "ROW_AbCdEfGhIjKlMnOp");
        q.put("timestamp", "1735689600");
        byte[] body = "{\"status\":\"ACTIVATE\",\"update_time_ge\":1735600000}".getBytes(StandardCharsets.UTF_8);
        assertThat(TikTokSigner.sign("a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0",
                "/product/202309/products/search", q, body))
                .isEqualTo("4dba0819407af23acd1ffef7c5cf8d86d840ad45bf76669a263b0b1fd05c409c");
    }

    @Test
    void ignoresSignAndAccessTokenKeys() {
        Map<String, String> q = new HashMap<>(Map.of("app_key", "29a39d", "timestamp", "1623812664"));
        q.put("sign", "whatever");
        q.put("access_token", "tok");
        assertThat(TikTokSigner.sign("e59af819cc", "/authorization/202309/shops", q, null))
                .isEqualTo("b596b73e0cc6de07ac26f036364178ab16b0a907af13d43f0a0cd2345f582dc8");
    }

    // Vectors beyond the doc, computed independently with python3 hmac/hashlib (see commit message).
    @Test
    void nonAsciiSecretAndBody() {
        Map<String, String> q = Map.of("app_key", "k", "shop_cipher", "ROW_x", "timestamp", "1700000000");
        byte[] body = "{\"sku_ids\":[\"1\",\"2\"]}".getBytes(StandardCharsets.UTF_8);
        assertThat(TikTokSigner.sign("s3cr3t-密钥", "/product/202309/inventory/search", q, body))
                .isEqualTo("6333f7dcac7e70a405918ed26a927af585496fda63b84f860c3aa92888f0a35d");
    }

    @Test
    void keysSortOrdinallyUppercaseFirst() {
        Map<String, String> q = Map.of("app_key", "Zz", "a", "1", "B", "2", "timestamp", "1");
        assertThat(TikTokSigner.sign("abc", "/logistics/202309/warehouses", q, null))
                .isEqualTo("e3b315b854be2a60db2bbbe4ced9d822f61a7592fdf3c0132d3de2a1f3a72c37");
    }

    @Test
    void utf8BodyBytesAreSignedAsSent() {
        Map<String, String> q = Map.of("app_key", "Zz", "timestamp", "1", "page_size", "100");
        byte[] body = "{\"note\":\"退货 ü\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(TikTokSigner.sign("abc", "/order/202309/orders/search", q, body))
                .isEqualTo("d4f6821c4463f995f9165cdb113d557bcd0de9a7d611fe415c201a7726405aba");
    }
}

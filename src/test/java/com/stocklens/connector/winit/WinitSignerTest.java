package com.stocklens.connector.winit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The reference vectors of docs/api/warehouses.md §3.4, plus vectors computed independently for this test with
 * Python's hashlib ({@code hashlib.md5((secret + middle + secret).encode('utf-8')).hexdigest().upper()}).
 */
class WinitSignerTest {
    static final String TOKEN = "8F3A1C5E7B9D2F4A6C8E0B1D3F5A7C9E";
    static final String CLIENT_SECRET = "Q2xpZW50U2VjcmV0LUV4YW1wbGUtMDAx";

    static Map<String, String> base() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("action", "queryWarehouseStorage");
        p.put("app_key", "seller.demo@example.com");
        p.put("data", "{\"isActive\":\"Y\",\"pageNum\":1,\"pageSize\":100,\"warehouseID\":\"1000069\"}");
        p.put("format", "json");
        p.put("platform", "SELLERERP");
        p.put("sign_method", "md5");
        p.put("timestamp", "2025-03-18 10:15:30");
        p.put("version", "1.0");
        return p;
    }

    @Test
    void referenceSign() {
        assertThat(WinitSigner.sign(TOKEN, base())).isEqualTo("74D0F0CD7D6372B8CDFAF6E5DCFB62E4");
    }

    @Test
    void referenceClientSign() {
        assertThat(WinitSigner.sign(CLIENT_SECRET, base())).isEqualTo("463F52E2EC5EE5166DB3A458C8012128");
    }

    @Test
    void referenceQueryWarehouseWithEmptyData() {
        Map<String, String> p = base();
        p.put("action", "queryWarehouse");
        p.put("data", "{}");
        assertThat(WinitSigner.sign(TOKEN, p)).isEqualTo("C452C4B958683BA5AA4FAF4F1EAEC333");
    }

    @Test
    void chineseCharactersInDataAreSignedAsUtf8() {
        Map<String, String> p = base();
        p.put("data", "{\"pageNum\":2,\"pageSize\":200,\"warehouseCode\":\"UKBH\",\"warehouseName\":\"英国仓\"}");
        assertThat(WinitSigner.sign(TOKEN, p)).isEqualTo("968957DFA8EF3BD7D5791FC93C174D29");
        assertThat(WinitSigner.sign(CLIENT_SECRET, p)).isEqualTo("1543ED382CCD75AF816360AED199B817");
    }

    @Test
    void anotherTimestamp() {
        Map<String, String> p = base();
        p.put("timestamp", "2026-11-27 11:59:59");
        assertThat(WinitSigner.sign(TOKEN, p)).isEqualTo("9BF74019CC8B778145FA23A151C950E6");
    }

    @Test
    void missingValueCountsAsEmpty() {
        Map<String, String> p = base();
        p.remove("platform");
        assertThat(WinitSigner.sign(TOKEN, p)).isEqualTo("070E40EEE4E790A77CA8A2DBBDD50EAB");
        p.put("platform", "");
        assertThat(WinitSigner.sign(TOKEN, p)).isEqualTo("070E40EEE4E790A77CA8A2DBBDD50EAB");
    }

    @Test
    void nonAsciiTokenAndAppKeyWithEmptyData() {
        Map<String, String> p = base();
        p.put("action", "queryWarehouse");
        p.put("app_key", "卖家@例子.cn");
        p.put("data", "{}");
        assertThat(WinitSigner.sign("tok-ü-123", p)).isEqualTo("6BF7CCC36A4B4ACA82B99ED685EA241B");
    }

    @Test
    void unsignedKeysDoNotChangeTheSignature() {
        Map<String, String> p = base();
        p.put("client_id", "x");
        p.put("language", "zh_CN");
        p.put("sign", "whatever");
        assertThat(WinitSigner.sign(TOKEN, p)).isEqualTo("74D0F0CD7D6372B8CDFAF6E5DCFB62E4");
    }
}

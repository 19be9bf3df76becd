package com.stocklens.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one redactor: remembered secrets, and what is shaped like a credential in a provider's words. */
class RedactorTest {
    @Test
    void rememberedSecretsAreCutWhereverTheyAppearEvenUrlEncoded() {
        Redactor.remember("s3cr3t+value/with=signs");
        Redactor.remember("short");
        assertThat(Redactor.redactKnown("echo: s3cr3t+value/with=signs and s3cr3t%2Bvalue%2Fwith%3Dsigns"))
                .isEqualTo("echo: REDACTED and REDACTED");
        assertThat(Redactor.redactKnown("a short word stays")).isEqualTo("a short word stays");
        assertThat(Redactor.redactKnown(null)).isNull();
    }

    @Test
    void credentialShapesInAProvidersWordsAreCut() {
        String[][] cases = {
                {"401: invalid token Bearer abc.DEF-123_x~y", "401: invalid token Bearer REDACTED"},
                {"GET /api?app_key=6abc123&access_token=ROW_zzz&page=2", "GET /api?app_key=REDACTED&access_token=REDACTED&page=2"},
                {"{\"error\":\"bad\",\"access_token\":\"tok123456\"}", "{\"error\":\"bad\",\"access_token\":\"REDACTED\"}"},
                {"x-tts-access-token: TTP_abc", "x-tts-access-token: REDACTED"},
                {"Authorization: Bearer q1w2e3", "Authorization: Bearer REDACTED"},
                {"password=hunter22 rejected", "password=REDACTED rejected"},
                {"token: \"abc123xyz\" expired", "token: \"REDACTED\" expired"},
                {"echo Authorization=Bearer abc123 Api-Key=k123456", "echo Authorization=Bearer REDACTED Api-Key=REDACTED"},
                {"sign 3f2a9c1b7d4e5f60718293a4b5c6d7e8f9a0b1c2 wrong", "sign REDACTED wrong"},
                {"key aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3z seen", "key REDACTED seen"},
                {"jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig-part_x ok", "jwt REDACTED ok"},
        };
        for (String[] c : cases) {
            assertThat(Redactor.redact(c[0])).as(c[0]).isEqualTo(c[1]);
        }
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        String[] plain = {
                "the disk holding /tmp/junit-1607940263975028188/full/demo/db is full (0 KB free)",
                "WINIT UK: token is not set",
                "Acme token: could not connect to the server",
                "the app key: check it in Partner Center",
                "line 43 of data/stock_row.jsonl: on_hand is not a whole number in range",
                "SKU TTS-SCK-L-01 at shipbob:310 differs by 203",
                "/home/Alice/.local/share/StockLens/stocklens-snapshot-8813461283714566110",
                "could not connect to the server",
                "请求失败：服务器没有及时回答",
        };
        for (String p : plain) {
            assertThat(Redactor.redact(p)).isEqualTo(p);
        }
    }
}

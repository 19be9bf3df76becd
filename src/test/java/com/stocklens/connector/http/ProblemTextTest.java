package com.stocklens.connector.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The provider's words in an error answer: bounded, one line, free of class names. */
class ProblemTextTest {
    private static String of(String body) {
        return ProblemText.of(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheFieldsProvidersUse() {
        assertThat(of("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                + "\"detail\":\"The token is invalid\"}")).isEqualTo("Unauthorized — The token is invalid");
        assertThat(of("{\"message\":\"Rate limit is exceeded. Try again in 25 seconds.\"}"))
                .isEqualTo("Rate limit is exceeded. Try again in 25 seconds.");
        assertThat(of("{\"code\":\"1\",\"msg\":\"warehouse not enabled\"}")).isEqualTo("warehouse not enabled");
        assertThat(of("{\"ask\":\"Failure\",\"Error\":{\"errCode\":\"10001\",\"errMessage\":\"app-token 错误\"}}"))
                .isEqualTo("app-token 错误");
        assertThat(of("{\"error\":\"invalid_token\",\"error_description\":\"expired\"}"))
                .isEqualTo("expired — invalid_token");
        // The same words twice are said once.
        assertThat(of("{\"title\":\"Locked\",\"detail\":\"Locked\"}")).isEqualTo("Locked");
    }

    @Test
    void aBodyThatSaysNothingReadableIsEmpty() {
        assertThat(ProblemText.of(new byte[0])).isEmpty();
        assertThat(ProblemText.of(null)).isEmpty();
        assertThat(of("<html><body>Bad Gateway</body></html>")).isEmpty();
        assertThat(of("[1,2]")).isEmpty();
        assertThat(of("{\"status\":500,\"detail\":{\"nested\":true}}")).isEmpty();
    }

    @Test
    void classNamesAndStackFramesAreLeftOut() {
        String text = of("{\"message\":\"java.lang.IllegalStateException: stock service down\\n\\tat "
                + "com.acme.wms.StockService.read(StockService.java:42)\\n\\tat com.acme.wms.Api.get(Api.java:7)\"}");

        assertThat(text).isEqualTo("stock service down");
        assertThat(ProblemText.clean("Cannot deserialize value of type `java.util.ArrayList<com.stocklens.Foo>` "
                + "from Object value (token `com.fasterxml.jackson.core.JsonToken.START_OBJECT`)"))
                .doesNotContain("java.").doesNotContain("com.").doesNotContain("Exception")
                .startsWith("Cannot deserialize value of type");
        // Host names and plain sentences stay as they are.
        assertThat(ProblemText.clean("see api.shipbob.com/docs. Then retry."))
                .isEqualTo("see api.shipbob.com/docs. Then retry.");
    }

    @Test
    void theTextIsOneBoundedLine() {
        String text = of("{\"detail\":\"" + "word ".repeat(2000) + "\\n\\nmore\"}");

        assertThat(text).hasSizeLessThanOrEqualTo(ProblemText.MAX_LENGTH).endsWith("…").doesNotContain("\n");
        assertThat(ProblemText.clean("  two\n lines  ")).isEqualTo("two lines");
        assertThat(ProblemText.clean(null)).isEmpty();
    }
}

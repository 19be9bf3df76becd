package com.stocklens.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Vectors computed independently with Python's hmac/hashlib/base64 (see the method comments). */
class RobotSignerTest {

    @Test
    void dingTalkSignsTimestampNewlineSecretWithTheSecretAsKey() {
        // base64(hmac.new(b"SECcanary0123456789abcdef", b"1735732800000\nSECcanary0123456789abcdef", sha256).digest())
        assertThat(RobotSigner.dingTalk("SECcanary0123456789abcdef", 1_735_732_800_000L))
                .isEqualTo("ruvtY19qoi0KlHCKLHc5KP+civqGfuDmPM7AO+mptp4=");
        // The secret of DingTalk's own Python sample, "this is secret", at 1577000000000 ms.
        assertThat(RobotSigner.dingTalk("this is secret", 1_577_000_000_000L))
                .isEqualTo("CzDRc7aXg4jxIWuAPgoMjyJ+zMUH7WEqwmgz3Z94Mrk=");
    }

    @Test
    void feishuSignsAnEmptyMessageWithTimestampNewlineSecretAsKey() {
        // base64(hmac.new(b"1735732800\nfeishuCanarySecret42", b"", sha256).digest())
        assertThat(RobotSigner.feishu("feishuCanarySecret42", 1_735_732_800L))
                .isEqualTo("gHf9M/oWeR/tEDp49BxAPkWv/MrW8l6Q4j7+opF75MM=");
        assertThat(RobotSigner.feishu("demo", 1_599_360_473L))
                .isEqualTo("l1N0gAcBjdwBvGm1xMjOF0XSyaLRpR7tuO5dHfhAYc8=");
    }

    @Test
    void theTwoRecipesAreNotInterchangeable() {
        // Same secret and timestamp digits: the key/message inversion must give different signatures.
        assertThat(RobotSigner.dingTalk("s3cret", 1_700_000_000L)).isNotEqualTo(RobotSigner.feishu("s3cret", 1_700_000_000L));
    }
}

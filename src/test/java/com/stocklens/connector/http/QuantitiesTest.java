package com.stocklens.connector.http;

import com.stocklens.connector.MalformedResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class QuantitiesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode node(String json) throws Exception {
        return JSON.readTree(json);
    }

    @Test
    void numbersAndNumericStringsParse() throws Exception {
        JsonNode n = node("{\"a\":12,\"b\":\"1482\",\"c\":\" 7 \",\"d\":3.0,\"e\":0,\"f\":\"0\"}");
        assertThat(Quantities.field(n, "a")).isEqualTo(12);
        assertThat(Quantities.field(n, "b")).isEqualTo(1482);
        assertThat(Quantities.field(n, "c")).isEqualTo(7);
        assertThat(Quantities.field(n, "d")).isEqualTo(3);
        assertThat(Quantities.field(n, "e")).isZero();
        assertThat(Quantities.field(n, "f")).isZero();
    }

    @Test
    void missingNullAndBlankAreUnknownNotZero() throws Exception {
        JsonNode n = node("{\"a\":null,\"b\":\"\",\"c\":\"  \"}");
        assertThat(Quantities.field(n, "a")).isNull();
        assertThat(Quantities.field(n, "b")).isNull();
        assertThat(Quantities.field(n, "c")).isNull();
        assertThat(Quantities.field(n, "missing")).isNull();
        assertThat(Quantities.field(null, "x")).isNull();
    }

    @Test
    void garbageIsMalformedAndNamesTheField() throws Exception {
        JsonNode n = node("{\"a\":\"12x\",\"b\":1.5,\"c\":[1],\"d\":99999999999}");
        assertThatThrownBy(() -> Quantities.field(n, "a")).isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("a");
        assertThatThrownBy(() -> Quantities.field(n, "b")).isInstanceOf(MalformedResponseException.class);
        assertThatThrownBy(() -> Quantities.field(n, "c")).isInstanceOf(MalformedResponseException.class);
        assertThatThrownBy(() -> Quantities.field(n, "d")).isInstanceOf(MalformedResponseException.class);
    }

    @Test
    void sumKnownKeepsAllUnknownUnknownAndRefusesASumPastABucket() throws Exception {
        assertThat(Quantities.sumKnown("x", null, null)).isNull();
        assertThat(Quantities.sumKnown("x", null, 2, 3)).isEqualTo(5);
        assertThatThrownBy(() -> Quantities.sumKnown("WINIT TTS-1 frozen counts", Integer.MAX_VALUE, 1))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessage("WINIT TTS-1 frozen counts add up to more than 2,147,483,647 units");
        assertThat(Quantities.derived(-4)).isZero();
        assertThat(Quantities.derived(null)).isNull();
    }

    /** Issue 18 item 9: one rule for every provider; before, negatives passed and 2⁶³ read as a "NUMBER". */
    @Test
    void aProvidersQuantityIsAWholeNumberFromZeroToTwoToThe31MinusOne() throws Exception {
        JsonNode n = node("{\"neg\":-5,\"frac\":12.7,\"fracText\":\"0.5\",\"int\":2147483648,"
                + "\"long\":9223372036854775808,\"type\":true,\"text\":\"n/a\",\"max\":2147483647,"
                + "\"negZero\":-0,\"whole\":12.0}");
        assertThat(Quantities.field(n, "ShipBob", "max", "TTS-1")).isEqualTo(Integer.MAX_VALUE);
        assertThat(Quantities.field(n, "ShipBob", "negZero", "TTS-1")).isZero();
        assertThat(Quantities.field(n, "ShipBob", "whole", "TTS-1")).isEqualTo(12);
        assertThatThrownBy(() -> Quantities.field(n, "TikTok", "neg", "TTS-1"))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessage("TikTok answered a quantity that is negative (field neg, SKU TTS-1): -5");
        assertThatThrownBy(() -> Quantities.field(n, "ShipBob", "frac", "TTS-1"))
                .hasMessage("ShipBob answered a quantity that is not a whole number (field frac, SKU TTS-1): 12.7");
        assertThatThrownBy(() -> Quantities.field(n, "WINIT", "fracText", null))
                .hasMessage("WINIT answered a quantity that is not a whole number (field fracText): \"0.5\"");
        assertThatThrownBy(() -> Quantities.field(n, "GoodCang", "int", "A"))
                .hasMessage("GoodCang answered a quantity that is larger than 2,147,483,647 (field int, SKU A): "
                        + "2147483648");
        assertThatThrownBy(() -> Quantities.field(n, "GoodCang", "long", "A"))
                .hasMessageStartingWith("GoodCang answered a quantity that is larger than 2,147,483,647");
        assertThatThrownBy(() -> Quantities.field(n, "Flexport", "type", "A"))
                .hasMessage("Flexport answered a quantity that is not a number (field type, SKU A): true");
        assertThatThrownBy(() -> Quantities.field(n, "ShipMonk", "text", "A"))
                .hasMessage("ShipMonk answered a quantity that is not a number (field text, SKU A): \"n/a\"");
    }
}

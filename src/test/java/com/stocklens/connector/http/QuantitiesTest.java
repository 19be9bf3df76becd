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
    void sumKnownKeepsAllUnknownUnknown() {
        assertThat(Quantities.sumKnown(null, null)).isNull();
        assertThat(Quantities.sumKnown(null, 2, 3)).isEqualTo(5);
        assertThat(Quantities.nonNegative(-4)).isZero();
        assertThat(Quantities.nonNegative(null)).isNull();
    }
}

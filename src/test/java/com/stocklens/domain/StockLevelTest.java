package com.stocklens.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StockLevelTest {
    @Test
    void unknownBucketsStayNullThroughTheMap() {
        StockLevel l = new StockLevel(10, 8, 2, null, null, null, 0);
        assertThat(StockLevel.of(l.asMap())).isEqualTo(l);
        assertThat(l.isKnown(Bucket.IN_TRANSIT)).isFalse();
        assertThat(l.isKnown(Bucket.RETURN_PENDING_QC)).isTrue();
        assertThat(l.get(Bucket.RETURN_PENDING_QC)).isZero();
    }

    @Test
    void withReplacesOneBucket() {
        StockLevel l = StockLevel.UNKNOWN.with(Bucket.FROZEN, 3);
        assertThat(l.frozen()).isEqualTo(3);
        assertThat(l.onHand()).isNull();
        assertThat(l.with(Bucket.FROZEN, null)).isEqualTo(StockLevel.UNKNOWN);
    }

    @Test
    void negativeQuantitiesAreRejected() {
        assertThatThrownBy(() -> new StockLevel(-1, null, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("on_hand");
    }

    @Test
    void warehouseIdsAreProviderScoped() {
        assertThat(Warehouse.idOf(Provider.SHIPBOB, "228")).isEqualTo("shipbob:228");
        assertThat(Market.fromCode("uk")).contains(Market.GB);
        assertThat(Market.fromCode("XX")).isEmpty();
    }
}

package com.stocklens.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.Bucket;
import com.stocklens.domain.StockLevel;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StockTotalsTest {
    private static StockLevel level(Integer onHand, Integer frozen) {
        return new StockLevel(onHand, 1, 0, 0, null, frozen, null);
    }

    @Test
    void unknownIsNotZero() {
        Map<Bucket, BucketTotal> t = StockTotals.of(List.of(level(10, null), level(5, 3), level(null, null)));
        assertThat(t.get(Bucket.ON_HAND)).isEqualTo(new BucketTotal(15L, 2, 3));
        assertThat(t.get(Bucket.ON_HAND).isPartial()).isTrue();
        assertThat(t.get(Bucket.FROZEN)).isEqualTo(new BucketTotal(3L, 1, 3));
        assertThat(t.get(Bucket.QC_HOLD)).isEqualTo(new BucketTotal(null, 0, 3));
        assertThat(t.get(Bucket.QC_HOLD).isPartial()).isFalse();
        assertThat(t.get(Bucket.AVAILABLE)).isEqualTo(new BucketTotal(3L, 3, 3));
        assertThat(t.get(Bucket.AVAILABLE).isPartial()).isFalse();
    }

    @Test
    void knownZeroIsZero() {
        assertThat(StockTotals.of(List.of(level(0, 0))).get(Bucket.ON_HAND)).isEqualTo(new BucketTotal(0L, 1, 1));
    }

    @Test
    void emptyHasNoSum() {
        assertThat(StockTotals.of(List.of()).get(Bucket.ON_HAND)).isEqualTo(new BucketTotal(null, 0, 0));
        assertThat(StockTotals.ofValues(Arrays.asList(null, 4, 6))).isEqualTo(new BucketTotal(10L, 2, 3));
    }

    /** Issue 18 item 9: main threw ArithmeticException (integer overflow) here, and `status` with it. */
    @Test
    void totalsPastTwoToThe31AreSummedInSixtyFourBits() {
        assertThat(StockTotals.of(List.of(level(2_000_000_000, 2_000_000_000), level(2_000_000_000, null)))
                .get(Bucket.ON_HAND)).isEqualTo(new BucketTotal(4_000_000_000L, 2, 2));
        assertThat(StockTotals.ofValues(List.of(Integer.MAX_VALUE, Integer.MAX_VALUE)).sum())
                .isEqualTo(2L * Integer.MAX_VALUE);
    }
}

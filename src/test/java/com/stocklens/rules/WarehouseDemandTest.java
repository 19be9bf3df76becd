package com.stocklens.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.stocklens.domain.SalesCount;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one demand model: each sale counts for the warehouse its TikTok warehouse links to, once. */
class WarehouseDemandTest {
    private static final LocalDate D1 = LocalDate.of(2026, 11, 1);
    private static final LocalDate D2 = D1.plusDays(1);

    @Test
    void salesCountForTheirOwnWarehouse() {
        // Issue 17, TTS-HKS-CLR-03: its sales went through one warehouse; 1/n over three would give each a third.
        WarehouseDemand d = WarehouseDemand.of(List.of(new SalesCount("S", "shipbob:156", D1, 6),
                new SalesCount("S", "shipbob:156", D2, 3)), Map.of("S", Set.of("shipbob:156", "shipbob:228", "winit:1")));
        assertThat(d.units("S", "shipbob:156", D1, D2)).isEqualTo(9.0);
        assertThat(d.units("S", "shipbob:228", D1, D2)).isZero();
        assertThat(d.skuUnits("S", D1, D2)).isEqualTo(9);
        assertThat(d.series("S", "shipbob:156", D1, D2, (k, day) -> day.equals(D2)))
                .containsExactly(new DemandDay(D1, 6, false), new DemandDay(D2, 3, true));
    }

    @Test
    void salesOfUnknownWarehouseSplitEvenlyOverTheCarriersAndCountOnce() {
        // 1 unit of unknown warehouse, 3 carriers: ⅓ each; 2 units through w1 besides. Σ = 3 = the SKU's units.
        WarehouseDemand d = WarehouseDemand.of(List.of(new SalesCount("S", null, D1, 1), new SalesCount("S", "w1", D1, 2)),
                Map.of("S", List.of("w1", "w2", "w3", "w2")));
        assertThat(d.units("S", "w1", D1, D1)).isEqualTo(2 + 1.0 / 3, within(1e-12));
        assertThat(d.units("S", "w2", D1, D1)).isEqualTo(1.0 / 3, within(1e-12));
        assertThat(d.units("S", "w1", D1, D1) + d.units("S", "w2", D1, D1) + d.units("S", "w3", D1, D1))
                .isEqualTo(3.0, within(1e-12));
        assertThat(d.skuUnits("S", D1, D1)).isEqualTo(3);
        assertThat(d.warehousesOf("S")).containsExactly("w1", "w2", "w3");
    }

    @Test
    void aSkuNoWarehouseCarriesKeepsItsSalesUnattributed() {
        WarehouseDemand d = WarehouseDemand.of(List.of(new SalesCount("S", null, D1, 4)), Map.of());
        assertThat(d.unattributed("S", D1, D1)).isEqualTo(4.0);
        assertThat(d.skuUnits("S", D1, D1)).isEqualTo(4);
        assertThat(d.warehousesOf("S")).isEmpty();
    }
}

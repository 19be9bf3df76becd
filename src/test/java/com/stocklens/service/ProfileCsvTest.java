package com.stocklens.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stocklens.domain.Market;
import com.stocklens.domain.WarehouseProfile;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileCsvTest {
    @Test
    void readsCandidatesWithUnknownsAsNull() throws Exception {
        List<WarehouseProfile> p = ProfileCsv.parse("""
                name,markets,api_ready,outbound_sla_hours,first_leg_routes,storage_0_90,notes
                4PX Los Angeles,US;UK,yes,24,"Shenzhen → LA, sea;Yiwu → LA air",0.42,"quote, March"
                Bangkok 3PL,TH,,,,,
                """, Instant.EPOCH);
        assertThat(p).hasSize(2);
        assertThat(p.get(0).id()).isEqualTo("candidate:4px-los-angeles");
        assertThat(p.get(0).markets()).containsExactly(Market.US, Market.GB);
        assertThat(p.get(0).firstLegRoutes()).containsExactly("Shenzhen → LA, sea", "Yiwu → LA air");
        assertThat(p.get(0).notes()).isEqualTo("quote, March");
        assertThat(p.get(1).apiReady()).isNull();
        assertThat(p.get(1).outboundSlaHours()).isNull();
        assertThat(p.get(1).storage0to90()).isNull();
        assertThat(p.get(1).candidate()).isTrue();
    }

    @Test
    void aBadLineFailsTheWholeFile() {
        assertThatThrownBy(() -> ProfileCsv.parse("name,certified\nA,yes\nB,maybe\n", Instant.EPOCH))
                .isInstanceOf(ProfileCsv.CsvProblem.class).hasMessageContaining("line 3");
        assertThatThrownBy(() -> ProfileCsv.parse("name,colour\nA,red\n", Instant.EPOCH))
                .isInstanceOf(ProfileCsv.CsvProblem.class).hasMessageContaining("colour");
    }
}

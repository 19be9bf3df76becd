package com.stocklens.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.app.demo.DemoConnections;
import com.stocklens.app.settings.LaunchOptions;
import com.stocklens.domain.CodeCheckResult;
import com.stocklens.domain.CodeFinding;
import com.stocklens.domain.CodeFindingKind;
import com.stocklens.sandbox.SandboxClock;
import com.stocklens.sandbox.SimSku;
import com.stocklens.sandbox.SimulatedWorld;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three-code check over a synced demo workspace finds the set-up mistakes the simulated world holds. */
class CodeCheckEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void theDemoCheckFindsTheUnmappedSkusAndTheBadBarcodes() {
        SandboxClock clock = new SandboxClock(Instant.parse("2026-12-01T06:00:00Z"));
        LaunchOptions options = new LaunchOptions(true, dir, null, Duration.ofSeconds(10), Duration.ofMinutes(15));
        SimulatedWorld truth = new SimulatedWorld(DemoConnections.DEMO_SEED, SimulatedWorld.DEFAULT_SKU_COUNT, clock);
        try (AppRuntime runtime = AppRuntime.open(options, clock)) {
            assertThat(runtime.codeChecks().checkCurrent().skus()).as("nothing synced yet").isZero();
            runtime.syncEngine().syncAllOnce();
            CodeCheckResult result = runtime.codeChecks().checkCurrent();

            // Partner warehouses that registered an item under their own code add that code as a SKU of its
            // own until it is mapped (only its barcode ties it to ours): not on TikTok either.
            Set<String> ownCodes = new java.util.HashSet<>();
            Set<String> sharedBarcode = new java.util.HashSet<>();
            for (com.stocklens.domain.Provider p : List.of(com.stocklens.domain.Provider.WINIT,
                    com.stocklens.domain.Provider.GOODCANG, com.stocklens.domain.Provider.SHIPMONK,
                    com.stocklens.domain.Provider.FLEXPORT)) {
                truth.partners().cells(p, clock.instant()).stream()
                        .filter(c -> !c.providerSku().equals(c.sku().sellerSku()))
                        .forEach(c -> {
                            ownCodes.add(c.providerSku());
                            sharedBarcode.add(c.providerSku());
                            sharedBarcode.add(c.sku().sellerSku());
                        });
            }
            assertThat(result.skus()).isEqualTo(SimulatedWorld.DEFAULT_SKU_COUNT + ownCodes.size());
            Set<String> unmapped = truth.skus().stream().filter(s -> !s.onTikTok()).map(SimSku::sellerSku)
                    .collect(Collectors.toSet());
            unmapped.addAll(ownCodes);
            assertThat(unmapped).isNotEmpty();
            assertThat(skusOf(result, CodeFindingKind.MISSING_TIKTOK_SKU)).isEqualTo(unmapped);

            // Barcodes come from ShipBob's item master: exactly the SKUs the world gave none are missing one,
            // and exactly those with a deliberately wrong check digit fail it.
            Set<String> noBarcode = truth.skus().stream().filter(s -> s.barcode() == null).map(SimSku::sellerSku)
                    .collect(Collectors.toSet());
            assertThat(skusOf(result, CodeFindingKind.MISSING_BARCODE)).isEqualTo(noBarcode);
            Set<String> badDigit = truth.skus().stream().filter(s -> s.barcode() != null && !s.barcodeValid())
                    .map(SimSku::sellerSku).collect(Collectors.toSet());
            assertThat(badDigit).isNotEmpty();
            assertThat(skusOf(result, CodeFindingKind.BAD_CHECK_DIGIT)).isEqualTo(badDigit);

            // The world's links are otherwise consistent: one id per SKU per warehouse, no shared ids. Only a
            // partner's own code shares its barcode with our SKU (one barcode, two seller SKUs) until mapped.
            assertThat(skusOf(result, CodeFindingKind.ONE_TO_MANY)).isNotEmpty().isSubsetOf(sharedBarcode);
            assertThat(skusOf(result, CodeFindingKind.DUPLICATE_LINK)).isSubsetOf(ownCodes);
            assertThat(skusOf(result, CodeFindingKind.MISSING_WMS_SKU)).isEmpty();
            assertThat(result.findings()).allSatisfy(f -> assertThat(f.lines()).isEmpty());
            assertThat(result.isClean()).isFalse();
        }
    }

    private static Set<String> skusOf(CodeCheckResult result, CodeFindingKind kind) {
        return result.findings().stream().filter(f -> f.kind() == kind).map(CodeFinding::sellerSku)
                .collect(Collectors.toSet());
    }
}

package com.stocklens.ui.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.MatchMethod;
import com.stocklens.service.SyncEvent;
import com.stocklens.ui.NameMemory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The mapping screen's state, no toolkit: same-thread executors. */
class MappingViewModelTest {
    private final FakeMappings service = new FakeMappings();
    private final List<Consumer<SyncEvent>> listeners = new ArrayList<>();
    private final MappingViewModel vm = new MappingViewModel(service, l -> {
        listeners.add(l);
        return () -> listeners.remove(l);
    }, NameMemory.inMemory("Li Wei"), Runnable::run, Runnable::run);

    @Test
    void problemsComeFirstAndTheFilterKeepsOnlyThem() {
        vm.start();
        assertThat(vm.rows()).extracting(MappingRowViewModel::status).containsExactly(MatchMethod.CONFLICT,
                MatchMethod.UNMAPPED, MatchMethod.AUTO_BARCODE, MatchMethod.AUTO_SKU);
        // Codes go by their source's name, not its id.
        assertThat(vm.rows().get(2).codes()).isEqualTo("ShipBob, ShipMonk: CA1-10042");
        assertThat(vm.sourceName("shipbob:main")).isEqualTo("ShipBob");
        assertThat(vm.unmappedProperty().get()).isEqualTo(1);
        assertThat(vm.conflictsProperty().get()).isEqualTo(1);
        vm.onlyProblemsProperty().set(true);
        assertThat(vm.rows()).hasSize(2).allMatch(MappingRowViewModel::problem);
        vm.onlyProblemsProperty().set(false);
        vm.filterTextProperty().set("white");
        assertThat(vm.rows()).singleElement().satisfies(r -> assertThat(r.sellerSku()).isEqualTo("TTS-PS-WHT-01"));
    }

    @Test
    void selectingAConflictPrefillsTheFormAndAssignSavesIt() {
        vm.start();
        vm.select(vm.rows().get(0));
        assertThat(vm.formSourceProperty().get()).isEqualTo("shipmonk:main");
        assertThat(vm.formCodeProperty().get()).isEqualTo("CA1-10077");
        assertThat(vm.formSkuProperty().get()).isEqualTo("TTS-PS-BLK-01");
        vm.formSkuProperty().set("TTS-PS-WHT-01");
        vm.assign();
        assertThat(service.calls).containsExactly("assign shipmonk:main CA1-10077 TTS-PS-WHT-01 Li Wei");
        assertThat(vm.statusProperty().get().error()).isFalse();
        assertThat(vm.conflictsProperty().get()).as("re-read after the change").isZero();
    }

    @Test
    void aRefusalIsShownAndASyncRereads() {
        vm.start();
        vm.formCodeProperty().set("CA1-99999");
        vm.formSkuProperty().set("NOPE-1");
        vm.assign();
        assertThat(vm.statusProperty().get()).isEqualTo(
                new MappingViewModel.Status("mapping.refused", "'NOPE-1' is not a known seller SKU", true));
        service.mappings.clear();
        listeners.forEach(l -> l.accept(null));
        assertThat(vm.rows()).extracting(MappingRowViewModel::status).containsOnlyNulls();
        vm.close();
        assertThat(listeners).isEmpty();
    }
}

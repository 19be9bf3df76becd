package com.stocklens.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shared warehouse choice of the stock, ageing and health screens, without a toolkit. */
class WarehouseFilterTest {
    @Test
    void noneChosenIsAllAndAChoiceIsReplacedWhole() {
        WarehouseFilter filter = new WarehouseFilter();
        List<Set<String>> seen = new ArrayList<>();
        filter.chosenProperty().addListener((obs, o, n) -> seen.add(n));
        filter.setWarehouses(List.of(FakeBoards.SHIPBOB_CA, FakeBoards.WINIT_UK, FakeBoards.GOODCANG_NJ));
        assertThat(filter.isAll()).isTrue();
        assertThat(filter.includes("winit:UKBH")).isTrue();

        filter.choose(List.of("winit:UKBH", "shipbob:228"));
        filter.choose(List.of("winit:UKBH", "shipbob:228"));
        assertThat(seen).as("one change per choice, none for the same one").hasSize(1);
        assertThat(filter.includes("goodcang:USEA")).isFalse();
        assertThat(filter.chosenWarehouses()).as("in the screen's order")
                .containsExactly(FakeBoards.SHIPBOB_CA, FakeBoards.WINIT_UK);

        filter.choose(List.of());
        assertThat(filter.isAll()).isTrue();
        assertThat(filter.includes("goodcang:USEA")).isTrue();
    }

    @Test
    void aChoiceWaitsForTheFirstListAndLosesWarehousesThatAreGone() {
        WarehouseFilter filter = new WarehouseFilter();
        filter.choose(List.of("winit:UKBH", "goodcang:USEA"));
        filter.setWarehouses(List.of());
        assertThat(filter.chosen()).as("nothing known yet: the choice waits")
                .containsExactly("winit:UKBH", "goodcang:USEA");
        filter.setWarehouses(List.of(FakeBoards.SHIPBOB_CA, FakeBoards.GOODCANG_NJ));
        assertThat(filter.chosen()).containsExactly("goodcang:USEA");
    }
}

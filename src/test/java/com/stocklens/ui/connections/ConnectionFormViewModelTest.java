package com.stocklens.ui.connections;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.Connection;
import com.stocklens.domain.ConnectionKind;
import com.stocklens.service.Connections.ConnectionStatus;
import com.stocklens.service.Connections;
import com.stocklens.ui.TestUiContext;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The connection form's rules, field by field, without a toolkit. */
class ConnectionFormViewModelTest {
    private final Connections service = TestUiContext.builder().build().setup().connections();

    @Test
    void eachRequiredFieldSaysItselfWhatIsMissing() {
        ConnectionFormViewModel form = ConnectionFormViewModel.forNew(ConnectionKind.SHIPBOB, service,
                Runnable::run, Runnable::run);
        assertThat(form.nameProblemProperty().get()).isEqualTo(ConnectionFormViewModel.NAME_MISSING);
        assertThat(form.problemProperty("token").get()).isEqualTo(ConnectionFormViewModel.REQUIRED);
        assertThat(form.problemProperty("api_base").get()).as("filled with the production default").isNull();
        assertThat(form.problemProperty("warehouse_links").get()).as("optional").isNull();
        assertThat(form.validProperty().get()).isFalse();

        form.nameProperty().set("ShipBob US");
        assertThat(form.nameProblemProperty().get()).isNull();
        assertThat(form.validProperty().get()).as("the token is still missing").isFalse();
        form.valueProperty("token").set("  ");
        assertThat(form.problemProperty("token").get()).as("blank is empty")
                .isEqualTo(ConnectionFormViewModel.REQUIRED);
        form.valueProperty("token").set("t0ken");
        assertThat(form.problemProperty("token").get()).isNull();
        assertThat(form.validProperty().get()).isTrue();
        form.valueProperty("api_base").set("");
        assertThat(form.problemProperty("api_base").get()).isEqualTo(ConnectionFormViewModel.REQUIRED);
        assertThat(form.validProperty().get()).isFalse();
    }

    @Test
    void aStoredSecretCountsAsFilled() {
        Connection existing = new Connection("shipbob:us", ConnectionKind.SHIPBOB, "ShipBob US", true, null,
                Map.of("api_base", "https://api.shipbob.com"));
        ConnectionFormViewModel form = ConnectionFormViewModel.forExisting(
                new ConnectionRowViewModel(new ConnectionStatus(existing, null, Set.of("token"), null)), service,
                Runnable::run, Runnable::run);
        assertThat(form.valueProperty("token").get()).as("secrets start empty").isEmpty();
        assertThat(form.problemProperty("token").get()).isNull();
        assertThat(form.validProperty().get()).isTrue();
    }

    @Test
    void editingKeepsTheSettingsTheFormHasNoFieldFor() {
        Connection existing = new Connection("winit:main", ConnectionKind.WINIT, "WINIT", true, null,
                Map.of("api_base", "https://gw.example", "app_key", "k", "platform", "SELLERERP",
                        "timestamp_zone", "UTC", "read_deadline_minutes", "45"));
        ConnectionFormViewModel form = ConnectionFormViewModel.forExisting(
                new ConnectionRowViewModel(new ConnectionStatus(existing, null, Set.of("token"), null)), service,
                Runnable::run, Runnable::run);
        assertThat(form.valueProperty("read_deadline_minutes").get()).as("a field of its own").isEqualTo("45");
        form.valueProperty("read_deadline_minutes").set("");
        form.nameProperty().set("WINIT CN");
        Connection saved = form.toConnection(null);
        assertThat(saved.settings()).containsEntry("timestamp_zone", "UTC")
                .doesNotContainKey("read_deadline_minutes").containsEntry("app_key", "k");
        assertThat(saved.displayName()).isEqualTo("WINIT CN");
    }

    @Test
    void everyApiConnectionOffersTheReadDeadlineTheSourcesRead() {
        for (ConnectionKind kind : ConnectionKind.values()) {
            boolean api = kind != ConnectionKind.CSV;
            assertThat(kind.fields()).as(kind.name())
                    .filteredOn(f -> f.key().equals(com.stocklens.connector.http.ReadLimits.DEADLINE_SETTING))
                    .hasSize(api ? 1 : 0);
        }
    }
}

package com.stocklens.ui.scores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stocklens.domain.Market;
import com.stocklens.domain.WarehouseProfile;
import com.stocklens.ui.scores.ProfileFormViewModel.Answer;
import com.stocklens.ui.scores.ProfileFormViewModel.Field;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import javafx.beans.property.StringProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The profile form without a toolkit: every field's validation at its boundaries, and what Save writes. */
class ProfileFormViewModelTest {
    private static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");

    private static ProfileFormViewModel named(String name) {
        ProfileFormViewModel form = ProfileFormViewModel.forNew(Set.of("shipbob:228", "candidate:4px-los-angeles"),
                List.of("Moreno Valley (CA)", "4PX Los Angeles"));
        form.nameProperty().set(name);
        return form;
    }

    @ParameterizedTest(name = "fee \"{0}\" → {1}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "''             | null",
            "'   '          | null",
            "0              | null",
            "0.0            | null",
            "0.45           | null",
            ".5             | null",
            "5.             | null",
            "' 1.25 '       | null",
            "１．５         | null",   // full-width, as a Chinese input method types it
            "10000          | null",
            "10000.0001     | scores.form.error.tooLarge",
            "99999999999999999999999999 | scores.form.error.tooLarge",
            "-0.01          | scores.form.error.negative",
            "-1             | scores.form.error.negative",
            "abc            | scores.form.error.number",
            "1,5            | scores.form.error.number",
            "1e3            | scores.form.error.number",
            "NaN            | scores.form.error.number",
            "Infinity       | scores.form.error.number",
            "0x10           | scores.form.error.number",
            "$1             | scores.form.error.number",
            "1.2.3          | scores.form.error.number"})
    void feesAreNumbersFromZeroToTenThousandOrEmpty(String text, String problem) {
        ProfileFormViewModel form = named("Somewhere new");
        for (StringProperty fee : List.of(form.storage0to90Property(), form.storage91to180Property(),
                form.storage181plusProperty(), form.pickPackProperty(), form.inboundProperty())) {
            fee.set(text);
        }
        for (Field f : List.of(Field.STORAGE_0_90, Field.STORAGE_91_180, Field.STORAGE_181_PLUS, Field.PICK_PACK,
                Field.INBOUND)) {
            assertThat(form.problemProperty(f).get()).as(f.name()).isEqualTo(problem);
        }
        assertThat(form.validProperty().get()).isEqualTo(problem == null);
    }

    @ParameterizedTest(name = "SLA \"{0}\" → {1}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "''      | null",
            "0       | null",
            "48      | null",
            "48.0    | null",
            "４８    | null",
            "720     | null",
            "721     | scores.form.error.tooLarge",
            "100000000000000000000 | scores.form.error.tooLarge",
            "-1      | scores.form.error.negative",
            "48.5    | scores.form.error.wholeHours",
            "0.1     | scores.form.error.wholeHours",
            "48h     | scores.form.error.wholeHours",
            "two days| scores.form.error.wholeHours"})
    void slaIsWholeHoursUpToThirtyDaysOrEmpty(String text, String problem) {
        ProfileFormViewModel form = named("Somewhere new");
        form.slaHoursProperty().set(text);
        assertThat(form.problemProperty(Field.OUTBOUND_SLA_HOURS).get()).isEqualTo(problem);
        assertThat(form.validProperty().get()).isEqualTo(problem == null);
    }

    @Test
    void nameIsRequiredNotTooLongAndNotTaken() {
        ProfileFormViewModel form = named("");
        assertThat(form.problemProperty(Field.NAME).get()).isEqualTo(ProfileFormViewModel.REQUIRED);
        assertThat(form.validProperty().get()).isFalse();
        form.nameProperty().set("   ");
        assertThat(form.problemProperty(Field.NAME).get()).isEqualTo(ProfileFormViewModel.REQUIRED);
        form.nameProperty().set("x".repeat(200));
        assertThat(form.problemProperty(Field.NAME).get()).isNull();
        form.nameProperty().set("x".repeat(201));
        assertThat(form.problemProperty(Field.NAME).get()).isEqualTo(ProfileFormViewModel.TOO_LONG);
        form.nameProperty().set("  4px los angeles ");
        assertThat(form.problemProperty(Field.NAME).get()).isEqualTo(ProfileFormViewModel.NAME_TAKEN);
        form.nameProperty().set("4PX  Los-Angeles"); // a different name, but the same id
        assertThat(form.problemProperty(Field.NAME).get()).isEqualTo(ProfileFormViewModel.NAME_TAKEN);
        form.nameProperty().set("moreno valley (ca)");
        assertThat(form.problemProperty(Field.NAME).get()).isEqualTo(ProfileFormViewModel.NAME_TAKEN);
        form.nameProperty().set("4PX Los Angeles 2");
        assertThat(form.validProperty().get()).isTrue();
    }

    @ParameterizedTest(name = "currency \"{0}\" → {1}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "USD | null", "usd | null", "''  | null", "GBP | null",
            "US  | scores.form.error.currency", "USDT | scores.form.error.currency", "$   | scores.form.error.currency",
            "人民币 | scores.form.error.currency"})
    void currencyIsThreeLettersOrEmpty(String text, String problem) {
        ProfileFormViewModel form = named("Somewhere new");
        form.currencyProperty().set(text);
        assertThat(form.problemProperty(Field.CURRENCY).get()).isEqualTo(problem);
    }

    @Test
    void textsHaveTheStoresLimits() {
        ProfileFormViewModel form = named("Somewhere new");
        form.notesProperty().set("n".repeat(2000));
        assertThat(form.problemProperty(Field.NOTES).get()).isNull();
        form.notesProperty().set("n".repeat(2001));
        assertThat(form.problemProperty(Field.NOTES).get()).isEqualTo(ProfileFormViewModel.TOO_LONG);
        assertThat(form.limit(Field.NOTES)).isEqualTo(2000);
        form.notesProperty().set("");
        form.routesProperty().set("r".repeat(2001));
        assertThat(form.problemProperty(Field.ROUTES).get()).isEqualTo(ProfileFormViewModel.TOO_LONG);
        form.routesProperty().set("");
        form.regionsProperty().set("r".repeat(1001));
        assertThat(form.problemProperty(Field.REGIONS).get()).isEqualTo(ProfileFormViewModel.TOO_LONG);
        form.regionsProperty().set("r".repeat(1000));
        assertThat(form.validProperty().get()).isTrue();
    }

    @Test
    void saveWritesWhatWasTypedWithEmptyAsUnknown() {
        ProfileFormViewModel form = named("  Lisbon Hub ");
        form.marketProperty(Market.US).set(true);
        form.marketProperty(Market.GB).set(true);
        form.regionsProperty().set("US-West，US-East; US-West\n");
        form.apiReadyProperty().set(Answer.YES);
        form.certifiedProperty().set(Answer.NO);
        form.slaHoursProperty().set("２４");
        form.routesProperty().set("Shenzhen → LA (sea)\n\n  Ningbo → LB (sea)  ");
        form.storage0to90Property().set("0.123456");
        form.pickPackProperty().set("0");
        form.currencyProperty().set("usd");
        form.notesProperty().set("   ");

        WarehouseProfile p = form.toProfile(NOW);
        assertThat(p.id()).isEqualTo("candidate:lisbon-hub");
        assertThat(p.name()).isEqualTo("Lisbon Hub");
        assertThat(p.candidate()).isTrue();
        assertThat(p.markets()).containsExactly(Market.US, Market.GB);
        assertThat(p.regions()).containsExactly("US-West", "US-East");
        assertThat(p.apiReady()).isTrue();
        assertThat(p.certified()).isFalse();
        assertThat(p.localReturns()).isNull();
        assertThat(p.outboundSlaHours()).isEqualTo(24);
        assertThat(p.firstLegRoutes()).containsExactly("Shenzhen → LA (sea)", "Ningbo → LB (sea)");
        assertThat(p.storage0to90()).isEqualTo(0.1235);
        assertThat(p.storage91to180()).isNull();
        assertThat(p.pickPack()).isEqualTo(0.0);
        assertThat(p.inbound()).isNull();
        assertThat(p.currency()).isEqualTo("USD");
        assertThat(p.notes()).isNull();
        assertThat(p.updatedAt()).isEqualTo(NOW);
    }

    @Test
    void anInvalidFormCannotBeSaved() {
        ProfileFormViewModel form = named("Somewhere new");
        form.inboundProperty().set("-3");
        assertThat(form.problems()).containsOnlyKeys(Field.INBOUND);
        assertThatThrownBy(() -> form.toProfile(NOW)).isInstanceOf(IllegalStateException.class);
        form.inboundProperty().set("3");
        assertThat(form.problems()).isEmpty();
        assertThat(form.toProfile(NOW).inbound()).isEqualTo(3.0);
    }

    @Test
    void editingAConnectedWarehouseKeepsItsIdAndNameAndFillsTheForm() {
        WarehouseProfile stored = new WarehouseProfile("shipbob:228", "Moreno Valley (CA)", false, List.of(Market.US),
                List.of("US-West"), true, null, 24, true, List.of("Shenzhen → LA (sea)"), 0.45, 0.9, 1.8, 2.95, 0.25,
                "USD", "partner", Instant.EPOCH);
        ProfileFormViewModel form = ProfileFormViewModel.forExisting(stored, true, List.of("4PX Los Angeles"));
        assertThat(form.editing()).isTrue();
        assertThat(form.connected()).isTrue();
        assertThat(form.validProperty().get()).isTrue();
        assertThat(form.storage0to90Property().get()).isEqualTo("0.45");
        assertThat(form.certifiedProperty().get()).isEqualTo(Answer.UNKNOWN);
        form.slaHoursProperty().set("48");
        form.nameProperty().set("renamed"); // the view does not let this happen; the profile keeps the name anyway
        WarehouseProfile p = form.toProfile(NOW);
        assertThat(p).isEqualTo(new WarehouseProfile("shipbob:228", "Moreno Valley (CA)", false, List.of(Market.US),
                List.of("US-West"), true, null, 48, true, List.of("Shenzhen → LA (sea)"), 0.45, 0.9, 1.8, 2.95, 0.25,
                "USD", "partner", NOW));
    }

    @Test
    void editingACandidateMayKeepItsOwnNameButNotTakeAnother() {
        WarehouseProfile c = WarehouseProfile.empty("candidate:lisbon", "Lisbon", true);
        ProfileFormViewModel form = ProfileFormViewModel.forExisting(c, false, List.of("Moreno Valley (CA)"));
        assertThat(form.validProperty().get()).isTrue();
        form.nameProperty().set("LISBON");
        assertThat(form.validProperty().get()).isTrue();
        form.nameProperty().set("Moreno Valley (CA)");
        assertThat(form.problemProperty(Field.NAME).get()).isEqualTo(ProfileFormViewModel.NAME_TAKEN);
        form.nameProperty().set("Lisboa");
        WarehouseProfile p = form.toProfile(NOW);
        assertThat(p.id()).isEqualTo("candidate:lisbon");
        assertThat(p.name()).isEqualTo("Lisboa");
        assertThat(p.candidate()).isTrue();
    }
}

package com.stocklens.ui.scores;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.CodeCheckResult;
import com.stocklens.domain.HealthReport;
import com.stocklens.domain.Market;
import com.stocklens.domain.WarehouseKpis;
import com.stocklens.domain.WarehouseProfile;
import com.stocklens.rules.score.Axis;
import com.stocklens.rules.score.Criterion;
import com.stocklens.rules.score.ScoreWeights;
import com.stocklens.rules.score.WarehouseScore;
import com.stocklens.service.ReportExports;
import com.stocklens.service.ReportFormat;
import com.stocklens.service.Scorecards;
import com.stocklens.ui.DialogService;
import com.stocklens.ui.flags.DeclarationFormViewModel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Adding, editing and deleting profiles and keeping the weights, through the view model (no toolkit). */
class ScoresViewModelProfilesTest {
    private static final WarehouseProfile CONNECTED = new WarehouseProfile("shipbob:228", "Moreno Valley", false,
            List.of(Market.US), List.of(), true, true, 24, true, List.of(), 1.2, null, null, 4.0, null, "USD", null,
            Instant.EPOCH);
    private static final WarehouseProfile SLOW = new WarehouseProfile("candidate:slow", "Slow", true,
            List.of(Market.US), List.of(), false, false, 120, false, List.of(), 2.0, null, null, 6.0, null, "USD", null,
            Instant.EPOCH);

    /** A store in memory that counts its writes. */
    static final class Store implements Scorecards {
        final Map<String, WarehouseProfile> profiles = new LinkedHashMap<>();
        Map<String, Double> weights = Map.of();
        final List<Map<String, Double>> weightWrites = new ArrayList<>();
        final List<String> deleted = new ArrayList<>();
        RuntimeException failSave;

        Store() {
            profiles.put(CONNECTED.id(), CONNECTED);
            profiles.put(SLOW.id(), SLOW);
        }

        @Override
        public Board read() {
            return new Board(profiles.values().stream().map(p -> new Entry(p, WarehouseKpis.none(p.id()),
                    !p.candidate())).toList(), null, null, Instant.EPOCH, Instant.EPOCH);
        }

        @Override
        public void save(WarehouseProfile profile) {
            if (failSave != null) {
                throw failSave;
            }
            profiles.put(profile.id(), profile);
        }

        @Override
        public void delete(String id) {
            deleted.add(id);
            profiles.remove(id);
        }

        @Override
        public List<WarehouseProfile> importCandidates(Path csv) {
            return List.of();
        }

        @Override
        public Map<String, Double> weights() {
            return weights;
        }

        @Override
        public void saveWeights(Map<String, Double> w) {
            weightWrites.add(w);
            weights = Map.copyOf(w);
        }
    }

    /** Fills each profile form it is shown with {@link #fill} and answers Save (or Cancel); answers confirmations. */
    static final class Dialogs implements DialogService {
        Consumer<ProfileFormViewModel> fill = f -> { };
        boolean save = true;
        boolean confirm = true;
        final List<ProfileFormViewModel> shown = new ArrayList<>();
        final List<Object[]> asked = new ArrayList<>();

        @Override
        public CompletionStage<Boolean> editDeclaration(DeclarationFormViewModel form) {
            throw new AssertionError();
        }

        @Override
        public CompletionStage<Optional<Path>> chooseSaveFile(String titleKey, String suggestedName, ReportFormat f) {
            return CompletableFuture.completedFuture(Optional.empty());
        }

        @Override
        public CompletionStage<Boolean> editProfile(ProfileFormViewModel form) {
            shown.add(form);
            fill.accept(form);
            return CompletableFuture.completedFuture(save && form.validProperty().get());
        }

        @Override
        public CompletionStage<Boolean> confirm(String titleKey, String messageKey, Object... args) {
            asked.add(args);
            return CompletableFuture.completedFuture(confirm);
        }
    }

    private final Store store = new Store();
    private final Dialogs dialogs = new Dialogs();

    private ScoresViewModel model() {
        ReportExports exports = new ReportExports() {
            @Override
            public void exportHealth(HealthReport r, ReportFormat f, Locale l, Path o) {
            }

            @Override
            public void exportCodeCheck(CodeCheckResult r, ReportFormat f, Locale l, Path o) {
            }
        };
        ScoresViewModel vm = new ScoresViewModel(store, exports, dialogs, Locale.ENGLISH, Runnable::run, Runnable::run);
        vm.start();
        return vm;
    }

    private static List<String> order(ScoresViewModel vm) {
        return vm.ranked().stream().map(WarehouseScore::id).toList();
    }

    @Test
    void anAddedCandidateIsRankedAtOnceAndStored() {
        ScoresViewModel vm = model();
        assertThat(order(vm)).containsExactly("shipbob:228", "candidate:slow");
        dialogs.fill = f -> {
            f.nameProperty().set("Best Ever");
            f.marketProperty(Market.US).set(true);
            f.marketProperty(Market.GB).set(true);
            f.apiReadyProperty().set(ProfileFormViewModel.Answer.YES);
            f.certifiedProperty().set(ProfileFormViewModel.Answer.YES);
            f.localReturnsProperty().set(ProfileFormViewModel.Answer.YES);
            f.slaHoursProperty().set("12");
            f.storage0to90Property().set("0.2");
            f.pickPackProperty().set("1");
        };
        vm.addCandidate();
        assertThat(order(vm)).first().isEqualTo("candidate:best-ever");
        assertThat(store.profiles).containsKey("candidate:best-ever");
        assertThat(vm.entry("candidate:best-ever").connected()).isFalse();
        assertThat(vm.profileResultProperty().get()).isEqualTo("saved:Best Ever");
    }

    @Test
    void cancelOrAnInvalidFormSavesNothing() {
        ScoresViewModel vm = model();
        dialogs.fill = f -> f.nameProperty().set("Nope");
        dialogs.save = false;
        vm.addCandidate();
        dialogs.save = true;
        dialogs.fill = f -> {
            f.nameProperty().set("Broken");
            f.inboundProperty().set("-1");
        };
        vm.addCandidate();
        assertThat(store.profiles).hasSize(2);
        assertThat(vm.ranked()).hasSize(2);
    }

    @Test
    void aNewCandidateCannotTakeANameOnTheBoard() {
        ScoresViewModel vm = model();
        dialogs.fill = f -> f.nameProperty().set("slow");
        vm.addCandidate();
        assertThat(dialogs.shown.get(0).problemProperty(ProfileFormViewModel.Field.NAME).get())
                .isEqualTo(ProfileFormViewModel.NAME_TAKEN);
        assertThat(store.profiles.get("candidate:slow")).isEqualTo(SLOW);
    }

    @Test
    void editingReRanksAtOnceAndKeepsAConnectedWarehouseConnected() {
        ScoresViewModel vm = model();
        dialogs.fill = f -> {
            f.slaHoursProperty().set("6");
            f.apiReadyProperty().set(ProfileFormViewModel.Answer.YES);
            f.certifiedProperty().set(ProfileFormViewModel.Answer.YES);
            f.localReturnsProperty().set(ProfileFormViewModel.Answer.YES);
            f.storage0to90Property().set("0.1");
            f.pickPackProperty().set("0.5");
            f.marketProperty(Market.GB).set(true);
            f.marketProperty(Market.MY).set(true);
        };
        vm.editProfile("candidate:slow");
        assertThat(order(vm)).containsExactly("candidate:slow", "shipbob:228");
        assertThat(store.profiles.get("candidate:slow").outboundSlaHours()).isEqualTo(6);

        dialogs.fill = f -> f.notesProperty().set("measured too");
        vm.editProfile("shipbob:228");
        assertThat(dialogs.shown.get(1).connected()).isTrue();
        assertThat(store.profiles.get("shipbob:228").notes()).isEqualTo("measured too");
        assertThat(store.profiles.get("shipbob:228").candidate()).isFalse();
        assertThat(vm.entry("shipbob:228").connected()).isTrue();
    }

    @Test
    void aFailedSaveSaysSoAndShowsWhatTheStoreHolds() {
        ScoresViewModel vm = model();
        store.failSave = new IllegalStateException("disk full");
        dialogs.fill = f -> f.nameProperty().set("Lost");
        vm.addCandidate();
        assertThat(vm.profileResultProperty().get()).isEqualTo("bad:disk full");
        assertThat(vm.entry("candidate:lost")).isNull();
        assertThat(vm.ranked()).hasSize(2);
    }

    @Test
    void onlyCandidatesAreDeletedAndOnlyAfterConfirming() {
        ScoresViewModel vm = model();
        assertThat(vm.deletable("shipbob:228")).isFalse();
        vm.deleteCandidate("shipbob:228");
        assertThat(dialogs.asked).isEmpty();
        assertThat(store.deleted).isEmpty();

        dialogs.confirm = false;
        vm.deleteCandidate("candidate:slow");
        assertThat(dialogs.asked).hasSize(1);
        assertThat(dialogs.asked.get(0)).containsExactly("Slow");
        assertThat(store.deleted).isEmpty();

        dialogs.confirm = true;
        vm.deleteCandidate("candidate:slow");
        assertThat(store.deleted).containsExactly("candidate:slow");
        assertThat(order(vm)).containsExactly("shipbob:228");
        assertThat(vm.profileResultProperty().get()).isEqualTo("deleted:Slow");
    }

    @Test
    void storedWeightsLoadAtStartAndEveryChangeIsWritten() {
        store.weights = Map.of("SYSTEM", 0.0, "COVERAGE", 5.0, "NOT_A_THING", 3.0);
        ScoresViewModel vm = model();
        assertThat(vm.weightsProperty().get().of(Axis.SYSTEM)).isZero();
        assertThat(vm.weightsProperty().get().of(Axis.COVERAGE)).isEqualTo(5.0);
        assertThat(store.weightWrites).isEmpty();

        vm.setWeight(Criterion.OUTBOUND_SLA_HOURS, 2.5);
        assertThat(store.weights).containsExactlyInAnyOrderEntriesOf(
                Map.of("SYSTEM", 0.0, "COVERAGE", 5.0, "OUTBOUND_SLA_HOURS", 2.5));
        vm.setWeight(Criterion.OUTBOUND_SLA_HOURS, 2.5); // no change, no write
        assertThat(store.weightWrites).hasSize(1);

        vm.resetWeights();
        assertThat(vm.weightsProperty().get()).isEqualTo(ScoreWeights.EQUAL);
        assertThat(store.weights).isEmpty();
    }

    @Test
    void aBurstOfWeightChangesIsOneWriteOfTheLatest() {
        List<Runnable> queued = new ArrayList<>();
        ScoresViewModel vm = new ScoresViewModel(store, new ReportExports() {
            @Override
            public void exportHealth(HealthReport r, ReportFormat f, Locale l, Path o) {
            }

            @Override
            public void exportCodeCheck(CodeCheckResult r, ReportFormat f, Locale l, Path o) {
            }
        }, dialogs, Locale.ENGLISH, queued::add, Runnable::run);
        vm.setWeight(Axis.LOGISTICS, 1.5);
        vm.setWeight(Axis.LOGISTICS, 2.0);
        vm.setWeight(Axis.LOGISTICS, 2.5);
        assertThat(queued).hasSize(1);
        queued.forEach(Runnable::run);
        assertThat(store.weightWrites).containsExactly(Map.of("LOGISTICS", 2.5));
    }

    @Test
    void weightsMovedBeforeTheStoredOnesArriveAreKept() {
        List<Runnable> queued = new ArrayList<>();
        store.weights = Map.of("COVERAGE", 4.0);
        ScoresViewModel vm = new ScoresViewModel(store, new ReportExports() {
            @Override
            public void exportHealth(HealthReport r, ReportFormat f, Locale l, Path o) {
            }

            @Override
            public void exportCodeCheck(CodeCheckResult r, ReportFormat f, Locale l, Path o) {
            }
        }, dialogs, Locale.ENGLISH, queued::add, Runnable::run);
        vm.start();
        vm.setWeight(Axis.SYSTEM, 3.0);
        new ArrayList<>(queued).forEach(Runnable::run);
        assertThat(vm.weightsProperty().get().of(Axis.SYSTEM)).isEqualTo(3.0);
        assertThat(vm.weightsProperty().get().of(Axis.COVERAGE)).isEqualTo(1.0);
    }
}

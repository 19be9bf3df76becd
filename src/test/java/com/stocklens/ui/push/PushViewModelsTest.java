package com.stocklens.ui.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.Market;
import com.stocklens.domain.PushRefusal;
import com.stocklens.service.CsvWarehouse;
import com.stocklens.service.PushRecord;
import com.stocklens.service.PushScope;
import com.stocklens.service.PushedLine;
import com.stocklens.service.StockImports;
import com.stocklens.ui.DialogService;
import com.stocklens.ui.Messages;
import com.stocklens.ui.NameMemory;
import com.stocklens.ui.UiContext;
import com.stocklens.ui.flags.DeclarationFormViewModel;
import com.stocklens.service.ReportFormat;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** The push dialogs' view models, without a toolkit: same-thread executors, a fake push service. */
class PushViewModelsTest {
    private final FakePushes pushes = new FakePushes();
    private final List<String> asked = new ArrayList<>();
    private boolean answer = true;

    private final DialogService dialogs = new DialogService() {
        @Override
        public CompletionStage<Boolean> editDeclaration(DeclarationFormViewModel form) {
            throw new AssertionError();
        }

        @Override
        public CompletionStage<Optional<Path>> chooseSaveFile(String titleKey, String suggestedName, ReportFormat f) {
            throw new AssertionError();
        }

        @Override
        public CompletionStage<Boolean> confirm(String titleKey, String messageKey, Object... args) {
            asked.add(messageKey + List.of(args));
            return CompletableFuture.completedFuture(answer);
        }
    };

    private PushPlanViewModel plan() {
        return new PushPlanViewModel(pushes, PushScope.task(12), NameMemory.inMemory("amy"), dialogs, Runnable::run,
                Runnable::run);
    }

    @Test
    void thePlanShowsWhatWouldBeSetAndWhatIsRefusedAndApplyAsksOnceThenShowsTheOutcome() {
        PushPlanViewModel vm = plan();
        List<PushRecord> told = new ArrayList<>();
        vm.onPushed(told::add);
        assertThat(vm.phaseProperty().get()).isEqualTo(PushPlanViewModel.Phase.PLANNING);
        assertThat(vm.canApplyBinding().get()).isFalse();

        vm.plan();

        assertThat(vm.phaseProperty().get()).isEqualTo(PushPlanViewModel.Phase.PLANNED);
        assertThat(vm.items()).extracting(PushRowViewModel::sellerSku).containsExactly("TTS-A-01", "TTS-LOCK-01");
        assertThat(vm.refused()).singleElement().satisfies(r -> assertThat(r.refusal())
                .isEqualTo(PushRefusal.STALE_WAREHOUSE));
        assertThat(vm.unchangedProperty().get()).isEqualTo(3);
        assertThat(vm.canApplyBinding().get()).isTrue();

        vm.apply();

        assertThat(asked).containsExactly("stockpush.confirm.message[2, 25]");
        assertThat(vm.phaseProperty().get()).isEqualTo(PushPlanViewModel.Phase.DONE);
        assertThat(vm.progressProperty().get()).isEqualTo(1.0);
        assertThat(vm.outcome()).extracting(PushRowViewModel::outcome)
                .containsExactly(PushedLine.Outcome.ACCEPTED, PushedLine.Outcome.REFUSED);
        assertThat(vm.outcome().get(1).tiktokMessage()).contains("promotion");
        assertThat(pushes.lastBy).isEqualTo("amy");
        assertThat(told).hasSize(1);
        assertThat(vm.canApplyBinding().get()).as("a plan is applied once").isFalse();
    }

    @Test
    void saidNoSendsNothingAndAStalePlanFailsInWords() {
        PushPlanViewModel vm = plan();
        vm.plan();
        answer = false;
        vm.apply();
        assertThat(vm.phaseProperty().get()).isEqualTo(PushPlanViewModel.Phase.PLANNED);
        assertThat(pushes.pushes).isEmpty();

        answer = true;
        pushes.stale = true;
        vm.apply();
        assertThat(vm.phaseProperty().get()).isEqualTo(PushPlanViewModel.Phase.FAILED);
        assertThat(vm.errorProperty().get()).contains("7 min ago");
    }

    @Test
    void theTextsSayWhyInBothLanguages() {
        PushPlanViewModel vm = plan();
        vm.plan();
        PushTexts en = new PushTexts(new Messages(UiContext.ENGLISH));
        PushTexts zh = new PushTexts(new Messages(UiContext.CHINESE));
        assertThat(en.why(vm.items().getFirst()))
                .isEqualTo("warehouse available 292 − 0 TikTok orders not yet reserved − buffer 0 = 292");
        assertThat(zh.why(vm.items().getFirst())).isEqualTo("仓库可售 292 − TikTok 未预占订单 0 − 缓冲 0 = 292");
        assertThat(en.why(vm.refused().getFirst())).isEqualTo(vm.refused().getFirst().refusal()
                .english(vm.refused().getFirst().args()));
        assertThat(zh.why(vm.refused().getFirst())).contains("20 分钟前").contains("15 分钟");
        vm.apply();
        assertThat(en.why(vm.outcome().get(1))).startsWith("TikTok holds this stock for a promotion")
                .endsWith("(TikTok: The inventory is locked by an ongoing promotion)");
        assertThat(en.change(277, 292)).isEqualTo("277 → 292");
        assertThat(en.scope(PushScope.task(12))).isEqualTo("Calibration task 12");
    }

    @Test
    void theAuditListsPushesUndoesOneAndSavesTheSettings() {
        PushPlanViewModel vm = plan();
        vm.plan();
        vm.apply();
        StockImports imports = (StockImports) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {StockImports.class}, (proxy, method, args) -> method.getName().equals("warehouses")
                        ? List.of(new CsvWarehouse("PH-MNL", "Manila partner warehouse", Market.PH, null,
                        ZoneId.of("Asia/Manila"), "7302"))
                        : null);
        PushHistoryViewModel history = new PushHistoryViewModel(pushes, imports, NameMemory.inMemory("amy"), dialogs,
                Runnable::run, Runnable::run);
        history.load();
        assertThat(history.history()).hasSize(1);
        assertThat(history.selectedProperty().get().id()).isEqualTo(1);
        assertThat(history.lines()).hasSize(2);
        assertThat(history.canUndoBinding().get()).isTrue();
        assertThat(history.autoCsv()).singleElement().satisfies(a -> assertThat(a.on().get()).isFalse());

        history.undo();

        assertThat(asked).last().isEqualTo("stockpush.undo.message[1, 1]");
        assertThat(history.history()).hasSize(2);
        assertThat(history.selectedProperty().get().undoOf()).isEqualTo(1);

        history.autoCsv().getFirst().on().set(true);
        history.bufferProperty().set(2);
        history.saveSettings();
        assertThat(pushes.settings.autoCsv()).isEqualTo(Set.of("csv:PH-MNL"));
        assertThat(pushes.settings.buffer()).isEqualTo(2);
        assertThat(pushes.settings.autoReturns()).isFalse();
    }

    @Test
    void aTasksLatestPushIsItsNewest() {
        PushPlanViewModel vm = plan();
        vm.plan();
        vm.apply();
        vm.plan();
        vm.apply();
        assertThat(TaskPushesViewModel.byTask(pushes.history(10))).containsOnlyKeys(12L)
                .hasEntrySatisfying(12L, p -> assertThat(p.id()).isEqualTo(2));
    }
}

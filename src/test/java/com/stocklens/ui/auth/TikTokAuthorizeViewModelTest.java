package com.stocklens.ui.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.AuthorizedShop;
import com.stocklens.domain.Connection;
import com.stocklens.domain.ConnectionKind;
import com.stocklens.service.ShopAuthorizer;
import com.stocklens.ui.Messages;
import com.stocklens.ui.UiContext;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** The authorization dialog's decisions, without a toolkit. */
class TikTokAuthorizeViewModelTest {
    private static final Connection CONNECTION = new Connection("tiktok:main", ConnectionKind.TIKTOK_SHOP,
            "TikTok Shop", true, null, Map.of("app_key", "k", "shop_cipher", "C2"));
    private static final AuthorizedShop SHOP1 = new AuthorizedShop("1", "C1", "Nordlicht GB", "GB");
    private static final AuthorizedShop SHOP2 = new AuthorizedShop("2", "C2", "Nordlicht US", "US");

    private final List<URI> opened = new ArrayList<>();
    private final List<String> pastes = new ArrayList<>();
    private final List<Runnable> pending = new ArrayList<>();
    private List<AuthorizedShop> answer = List.of(SHOP1, SHOP2);
    private ShopAuthorizer.AuthorizationException failure;

    private final ShopAuthorizer fake = new ShopAuthorizer() {
        @Override
        public URI authorizationPage(Connection connection) {
            return URI.create("https://services.tiktokshop.com/open/authorize?service_id=1&state=s");
        }

        @Override
        public List<AuthorizedShop> completeAuthorization(Connection connection, String codeOrRedirectUrl)
                throws AuthorizationException {
            pastes.add(codeOrRedirectUrl);
            if (failure != null) {
                throw failure;
            }
            return answer;
        }
    };

    private TikTokAuthorizeViewModel vm(Executor background) {
        return new TikTokAuthorizeViewModel(fake, CONNECTION, opened::add, new Messages(UiContext.ENGLISH),
                background, Runnable::run);
    }

    @Test
    void openingThePageShowsItAndOpensTheBrowser() {
        TikTokAuthorizeViewModel vm = vm(Runnable::run);
        vm.openPage();
        assertThat(opened).hasSize(1);
        assertThat(vm.pageUrlProperty().get()).contains("state=s");
        assertThat(vm.statusProperty().get()).contains("browser");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void aBrowserThatFailsLeavesTheAddressToCopy() {
        TikTokAuthorizeViewModel vm = new TikTokAuthorizeViewModel(fake, CONNECTION, uri -> {
            throw new UnsupportedOperationException("no browser");
        }, new Messages(UiContext.ENGLISH), Runnable::run, Runnable::run);
        vm.openPage();
        assertThat(vm.pageUrlProperty().get()).isNotEmpty();
        assertThat(vm.statusProperty().get()).contains("copy the address");
    }

    @Test
    void connectNeedsAPasteAndRunsInTheBackground() {
        TikTokAuthorizeViewModel vm = vm(pending::add);
        assertThat(vm.canConnectProperty().get()).isFalse();
        vm.pastedProperty().set("   ");
        assertThat(vm.canConnectProperty().get()).isFalse();
        vm.pastedProperty().set("code123");
        assertThat(vm.canConnectProperty().get()).isTrue();

        vm.connect();
        assertThat(vm.busyProperty().get()).isTrue();
        assertThat(vm.canConnectProperty().get()).as("no second exchange while one runs").isFalse();
        assertThat(pastes).as("nothing ran on the calling thread").isEmpty();
        pending.remove(0).run();
        assertThat(pastes).containsExactly("code123");
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.shops()).containsExactly(SHOP1, SHOP2);
        assertThat(vm.pastedProperty().get()).as("the spent code is cleared").isEmpty();
        assertThat(vm.statusProperty().get()).contains("2 shops");
    }

    @Test
    void theCurrentShopIsPreselectedAndChoosingFinishes() {
        TikTokAuthorizeViewModel vm = vm(Runnable::run);
        assertThat(vm.result()).isNull();
        vm.pastedProperty().set("c");
        vm.connect();
        assertThat(vm.selectedShopProperty().get()).isEqualTo(SHOP2);
        assertThat(vm.canFinishProperty().get()).isTrue();
        vm.selectedShopProperty().set(SHOP1);
        assertThat(vm.result()).isEqualTo(SHOP1);
    }

    @Test
    void aSingleShopIsChosenForTheSeller() {
        answer = List.of(SHOP1);
        TikTokAuthorizeViewModel vm = vm(Runnable::run);
        vm.pastedProperty().set("c");
        vm.connect();
        assertThat(vm.result()).isEqualTo(SHOP1);
        assertThat(vm.statusProperty().get()).contains("One shop");
    }

    @Test
    void failureShowsTheReasonAndKeepsThePaste() {
        failure = new ShopAuthorizer.AuthorizationException("The seller declined the authorization in TikTok Shop.");
        TikTokAuthorizeViewModel vm = vm(Runnable::run);
        vm.pastedProperty().set("https://x/cb?code=null&error=auth_denied");
        vm.connect();
        assertThat(vm.errorProperty().get()).startsWith("Authorization failed").contains("declined");
        assertThat(vm.shops()).isEmpty();
        assertThat(vm.result()).isNull();
        assertThat(vm.pastedProperty().get()).isNotEmpty();
        assertThat(vm.canConnectProperty().get()).isTrue();
    }

    @Test
    void shopLabelsReadInChinese() {
        TikTokAuthorizeViewModel vm = new TikTokAuthorizeViewModel(fake, CONNECTION, opened::add,
                new Messages(UiContext.CHINESE), Runnable::run, Runnable::run);
        assertThat(vm.shopLabel(SHOP1)).isEqualTo("Nordlicht GB  ·  GB  ·  店铺 1");
    }
}

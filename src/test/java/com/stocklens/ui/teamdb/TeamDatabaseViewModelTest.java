package com.stocklens.ui.teamdb;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.service.TeamDatabase;
import org.junit.jupiter.api.Test;

/** The team database form's URL rule, without a toolkit. */
class TeamDatabaseViewModelTest {
    @Test
    void aUrlIsJudgedAsItIsTyped() {
        assertThat(TeamDatabaseViewModel.urlProblem("")).isEqualTo(TeamDatabaseViewModel.URL_MISSING);
        assertThat(TeamDatabaseViewModel.urlProblem("   ")).isEqualTo(TeamDatabaseViewModel.URL_MISSING);
        assertThat(TeamDatabaseViewModel.urlProblem("jdbc:mysql://db/x")).isEqualTo(TeamDatabaseViewModel.NOT_POSTGRES);
        assertThat(TeamDatabaseViewModel.urlProblem("db.example.com:5432/stocklens"))
                .isEqualTo(TeamDatabaseViewModel.NOT_POSTGRES);
        assertThat(TeamDatabaseViewModel.urlProblem("jdbc:postgresql://db.example.com:5432/stocklens")).isNull();
        assertThat(TeamDatabaseViewModel.urlProblem(" JDBC:PostgreSQL://db/stocklens?sslmode=require ")).isNull();
        assertThat(TeamDatabaseViewModel.urlProblem("jdbc:postgresql://db/stocklens?password=x"))
                .isEqualTo(TeamDatabaseViewModel.PASSWORD_IN_URL);
        assertThat(TeamDatabaseViewModel.urlProblem("jdbc:postgresql://db/stocklens?user=a&sslPassword=x"))
                .isEqualTo(TeamDatabaseViewModel.PASSWORD_IN_URL);
        assertThat(TeamDatabaseViewModel.urlProblem("jdbc:postgresql://amy:s3cret@db/stocklens"))
                .isEqualTo(TeamDatabaseViewModel.PASSWORD_IN_URL);
        assertThat(TeamDatabaseViewModel.urlProblem("jdbc:postgresql://db/stocklens?options=a:b@c"))
                .as("an @ after the host is not a password").isNull();
    }

    @Test
    void testAndSaveAreOnlyOfferedForAUsableUrl() {
        TeamDatabaseViewModel vm = new TeamDatabaseViewModel(TeamDatabase.NONE, Runnable::run, Runnable::run);
        assertThat(vm.urlProblemProperty().get()).isEqualTo(TeamDatabaseViewModel.URL_MISSING);
        assertThat(vm.validProperty().get()).isFalse();
        vm.urlProperty().set("jdbc:postgresql://db.example.com:5432/stocklens");
        assertThat(vm.urlProblemProperty().get()).isNull();
        assertThat(vm.validProperty().get()).isTrue();
    }
}

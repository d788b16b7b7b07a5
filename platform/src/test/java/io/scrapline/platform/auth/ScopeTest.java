package io.scrapline.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;

import io.scrapline.platform.problem.FieldError;
import io.scrapline.platform.problem.OutOfScopeProblem;

class ScopeTest {

    private static final Scope PA2 = Scope.of(Set.of("PA2"), Set.of());
    private static final Scope L1 = Scope.of(Set.of("PA1"), Set.of("L1"));
    private static final Scope ANY_PLANT_L1 = Scope.of(Set.of(), Set.of("L1"));

    @Test
    void aTokenWithoutClaimsCoversTheWholeTenant() {
        assertThat(Scope.TENANT.wholeTenant()).isTrue();
        assertThat(Scope.TENANT.covers("PA1", null)).isTrue();
        assertThat(Scope.TENANT.covers("PA1", "L9")).isTrue();
        assertThatCode(() -> Scope.TENANT.requireWholeTenant("a cost schema")).doesNotThrowAnyException();
    }

    @Test
    void aPlantLimitCoversItsPlantsWholeAndNoOther() {
        assertThat(PA2.covers("PA2", null)).isTrue();
        assertThat(PA2.covers("PA2", "L1")).isTrue();
        assertThat(PA2.coversPlant("PA1")).isFalse();
        assertThat(PA2.covers("PA1", "L1")).isFalse();
        assertThatThrownBy(() -> PA2.requirePlant("PA1")).isInstanceOf(OutOfScopeProblem.class)
                .hasMessageContaining("plant PA1 is outside the token's scope (plants PA2)");
        assertThatCode(() -> PA2.requireWholePlant("PA2", "a budget")).doesNotThrowAnyException();
    }

    @Test
    void aLineLimitSeesItsLinesAndChangesNothingPlantWide() {
        assertThat(L1.covers("PA1", "L1")).isTrue();
        assertThat(L1.covers("PA1", "L2")).isFalse();
        assertThat(L1.covers("PA1", null)).isFalse();
        assertThat(L1.coversPlant("PA1")).isTrue();
        assertThat(ANY_PLANT_L1.covers("PA7", "L1")).isTrue();
        assertThatThrownBy(() -> L1.requireWholePlant("PA1", "closing a period")).isInstanceOf(OutOfScopeProblem.class)
                .hasMessage("closing a period covers the whole plant PA1; the token is limited to lines L1");
        assertThatThrownBy(() -> L1.requireLine("PA1", "L2", "a budget")).isInstanceOf(OutOfScopeProblem.class)
                .hasMessageContaining("line L2");
        assertThatThrownBy(() -> L1.requireLine("PA2", "L1", "a budget")).isInstanceOf(OutOfScopeProblem.class)
                .hasMessageContaining("plant PA2");
    }

    @Test
    void anyLimitRefusesWhatCoversEveryPlant() {
        assertThatThrownBy(() -> PA2.requireWholeTenant("approving a cost schema"))
                .isInstanceOf(OutOfScopeProblem.class).hasMessage(
                        "approving a cost schema covers every plant of the tenant; the token is limited to plants PA2");
        assertThatThrownBy(() -> L1.requireWholeTenant("an audience")).isInstanceOf(OutOfScopeProblem.class)
                .hasMessageContaining("plants PA1 and lines L1");
        assertThatCode(() -> PA2.requireWholePlants("a consolidation")).doesNotThrowAnyException();
        assertThatThrownBy(() -> ANY_PLANT_L1.requireWholePlants("a consolidation"))
                .isInstanceOf(OutOfScopeProblem.class)
                .hasMessage("a consolidation covers whole plants; the token is limited to lines L1");
    }

    @Test
    void rowsOutOfScopeAreNamed() {
        assertThat(PA2.rowError(3, "PA1", "L1"))
                .isEqualTo(new FieldError(3, "plant", "plant PA1 is outside the token's scope"));
        assertThat(L1.rowError(4, "PA1", null).field()).isEqualTo("line");
        assertThat(L1.rowError(5, "PA1", "L1")).isNull();
    }
}

package io.scrapline.costing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SchemaApprovalTest {

    private static final List<String> BOTH = List.of("quality", "controller");
    private static final OffsetDateTime NOON = OffsetDateTime.parse("2026-10-01T12:00:00Z");

    @Test
    void theFirstOwnerLeavesTheDraftWaitingAndTheSecondCompletesIt() {
        SchemaApproval.Result first = SchemaApproval.decide(BOTH, List.of(), "maria", Set.of("quality"));
        assertThat(first.decision()).isEqualTo(new SchemaApproval.Decision("quality", false));

        SchemaApproval.Result second = SchemaApproval.decide(BOTH,
                List.of(new SchemaApproval.Given("quality", "maria", NOON)), "lee", Set.of("controller", "admin"));
        assertThat(second.decision()).isEqualTo(new SchemaApproval.Decision("controller", true));
    }

    @Test
    void aCallerWithBothRolesCountsForTheFirstOpenOneOnly() {
        assertThat(SchemaApproval.decide(BOTH, List.of(), "kim", Set.of("controller", "quality")).decision())
                .isEqualTo(new SchemaApproval.Decision("quality", false));
        assertThat(SchemaApproval.decide(BOTH, List.of(new SchemaApproval.Given("quality", "maria", NOON)), "kim",
                Set.of("controller", "quality")).decision()).isEqualTo(new SchemaApproval.Decision("controller", true));

        SchemaApproval.Result again = SchemaApproval.decide(BOTH,
                List.of(new SchemaApproval.Given("quality", "kim", NOON)), "kim", Set.of("controller", "quality"));
        assertThat(again.refusal().forbidden()).isFalse();
        assertThat(again.refusal().detail()).startsWith("kim approved this version already, as quality");
    }

    @Test
    void refusesCallersWithoutARequiredRole() {
        SchemaApproval.Result refused = SchemaApproval.decide(BOTH, List.of(), "root", Set.of("admin"));
        assertThat(refused.decision()).isNull();
        assertThat(refused.refusal().forbidden()).isTrue();
    }

    @Test
    void oneConfiguredRoleMakesOneApprovalEnough() {
        assertThat(SchemaApproval.decide(List.of("controller"), List.of(), "lee", Set.of("controller")).decision())
                .isEqualTo(new SchemaApproval.Decision("controller", true));
    }
}

package io.scrapline.costing.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The owners' sign-off of a cost-schema version (docs/cost-model.md §10): one approval of each role the deployment
 * requires (the quality manager's and the controller's by default), each by a different person. A caller's approval
 * counts for the first required role, in the configured order, that the caller holds and nobody has approved yet.
 */
public final class SchemaApproval {

    /** One recorded approval: under which role, by whom, when. */
    public record Given(String role, String approvedBy, OffsetDateTime approvedAt) {
    }

    /** What a caller's approval does: records {@code role}, and whether that completes the sign-off. */
    public record Decision(String role, boolean complete) {
    }

    /** Why a caller's approval cannot be recorded; {@code forbidden} for a caller without any required role. */
    public record Refusal(String detail, boolean forbidden) {
    }

    private SchemaApproval() {
    }

    /**
     * The decision for {@code caller}, holding {@code callerRoles}, on a draft that has the approvals {@code given}, or
     * the refusal.
     */
    public static Result decide(List<String> required, List<Given> given, String caller, Set<String> callerRoles) {
        List<String> held = required.stream().filter(callerRoles::contains).toList();
        if (held.isEmpty()) {
            return Result.refused(new Refusal("approving a cost schema needs one of the roles "
                    + String.join(", ", required) + "; the token has none of them", true));
        }
        Optional<Given> own = given.stream().filter(g -> g.approvedBy().equals(caller)).findFirst();
        if (own.isPresent()) {
            return Result.refused(new Refusal(caller + " approved this version already, as " + own.get().role()
                    + "; the other roles need another person's approval", false));
        }
        List<String> approvedRoles = given.stream().map(Given::role).toList();
        Optional<String> open = held.stream().filter(role -> !approvedRoles.contains(role)).findFirst();
        if (open.isEmpty()) {
            return Result.refused(new Refusal("this version has the approval of " + String.join(", ", held)
                    + " already; it waits for " + String.join(", ", missing(required, approvedRoles)), false));
        }
        boolean complete = missing(required, approvedRoles).size() == 1;
        return Result.decided(new Decision(open.get(), complete));
    }

    /** The required roles without an approval yet, in the configured order. */
    public static List<String> missing(List<String> required, List<String> approvedRoles) {
        return required.stream().filter(role -> !approvedRoles.contains(role)).toList();
    }

    /** Either a decision or a refusal. */
    public record Result(Decision decision, Refusal refusal) {

        static Result decided(Decision decision) {
            return new Result(decision, null);
        }

        static Result refused(Refusal refusal) {
            return new Result(null, refusal);
        }
    }
}

package io.scrapline.reporting.domain;

import java.util.ArrayList;
import java.util.List;

import io.scrapline.platform.input.InputRules;
import io.scrapline.platform.problem.FieldError;

/**
 * The general-ledger account that scrap or rework of a reason code (a canonical defect code) posts to. A costed event
 * of that code and cost type is reconciled on this account rather than on its work order's scrap account.
 */
public record LedgerAccount(String reasonCode, String costType, String account) {

    public static final List<String> COST_TYPES = List.of("scrap", "rework");

    /** The problems of row {@code row} (numbered from 1), each with its field; none for a valid one. */
    public static List<FieldError> problems(int row, LedgerAccount entry) {
        List<FieldError> errors = new ArrayList<>();
        if (entry == null) {
            errors.add(new FieldError(row, null, "must be an object"));
            return errors;
        }
        if (entry.reasonCode() == null || !entry.reasonCode().matches(InputRules.CODE)) {
            errors.add(new FieldError(row, "reason_code",
                    entry.reasonCode() == null ? "is required" : InputRules.CODE_RULE));
        }
        if (entry.costType() == null || !COST_TYPES.contains(entry.costType())) {
            errors.add(new FieldError(row, "cost_type",
                    entry.costType() == null ? "is required" : "must be scrap or rework"));
        }
        String accountProblem = entry.account() == null ? "is required"
                : entry.account().isBlank() ? "must not be blank" : InputRules.textProblem(entry.account());
        if (accountProblem == null && entry.account().length() > InputRules.NAME_MAX) {
            accountProblem = "must be at most " + InputRules.NAME_MAX + " characters";
        }
        if (accountProblem != null) {
            errors.add(new FieldError(row, "account", accountProblem));
        }
        return errors;
    }
}

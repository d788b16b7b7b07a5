package io.scrapline.platform.problem;

import java.util.List;

/**
 * A request that names a plant or line outside the token's {@code plants} or {@code lines} claims, or a plant-wide or
 * tenant-wide change from a token limited to some of them; answered with 403 and, for a body of rows, every row out of
 * scope.
 */
public class OutOfScopeProblem extends RuntimeException {

    private final List<FieldError> errors;

    public OutOfScopeProblem(String detail, List<FieldError> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    public OutOfScopeProblem(String detail) {
        this(detail, List.of());
    }

    public List<FieldError> errors() {
        return errors;
    }
}

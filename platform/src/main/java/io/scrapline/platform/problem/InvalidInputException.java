package io.scrapline.platform.problem;

import java.util.List;

/** Input that fails validation; answered with 422 and every error found, never just the first. */
public class InvalidInputException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidInputException(String detail, List<FieldError> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(String field, String message) {
        this(message, List.of(new FieldError(null, field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}

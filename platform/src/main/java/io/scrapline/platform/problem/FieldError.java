package io.scrapline.platform.problem;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One problem in a request body: the row (from 1, the CSV header not counted; null for a single object), the field and
 * what is wrong with it.
 */
@RegisterForReflection
public record FieldError(Integer row, String field, String message) {
}

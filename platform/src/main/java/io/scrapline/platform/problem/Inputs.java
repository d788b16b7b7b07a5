package io.scrapline.platform.problem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Checks shared by the endpoints that take a list of entries. */
public final class Inputs {

    private Inputs() {
    }

    /** Refuses an empty list, and a list that names the same entry twice (rows from 1). */
    public static <T> void requireUnique(List<T> items, Function<T, String> key, String field) {
        if (items.isEmpty()) {
            throw new InvalidInputException("body", "must list at least one entry");
        }
        Map<String, Integer> seen = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Integer first = seen.putIfAbsent(key.apply(items.get(i)), i + 1);
            if (first != null) {
                errors.add(new FieldError(i + 1, field, "same entry as row " + first));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the list repeats entries", errors);
        }
    }
}

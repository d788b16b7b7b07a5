package io.scrapline.ingest.domain;

import java.util.Iterator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;

import io.scrapline.platform.problem.FieldError;

/** An object of the config being read, with the dotted path its errors are named by. */
final class ConfigObject {

    private final JsonNode node;
    private final String path;
    private final List<FieldError> errors;

    ConfigObject(JsonNode node, String path, List<FieldError> errors) {
        this.node = node;
        this.path = path;
        this.errors = errors;
    }

    /** The object named {@code name} within this one, as {@code node}; its errors are named by its path. */
    ConfigObject nested(String name, JsonNode node) {
        return new ConfigObject(node, path + name + ".", errors);
    }

    /** The value of {@code name}, or null if it is absent. */
    JsonNode get(String name) {
        return node.get(name);
    }

    void error(String name, String message) {
        errors.add(new FieldError(null, path + name, message));
    }

    /** Names each field of the object that is not {@code known}. */
    void onlyKnown(Set<String> known) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String name = it.next();
            if (!known.contains(name)) {
                error(name, "unknown field");
            }
        }
    }

    /** The string {@code name}; a required one must be there and not blank. Null when absent or invalid. */
    String text(String name, boolean required) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                error(name, "is required");
            }
            return null;
        }
        if (!value.isTextual()) {
            error(name, "must be a string");
            return null;
        }
        if (required && value.asText().isBlank()) {
            error(name, "must not be blank");
            return null;
        }
        return value.asText();
    }

    /** The whole number {@code name} from {@code min} to {@code max}; null when absent or invalid. */
    Integer integer(String name, int min, int max) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToExactIntegral() || !value.canConvertToInt() || value.asInt() < min
                || value.asInt() > max) {
            error(name, "must be a whole number from " + min + " to " + max);
            return null;
        }
        return value.asInt();
    }

    /** The required absolute http or https URL {@code name}; null when absent or invalid. */
    String httpUrl(String name) {
        String text = text(name, true);
        if (text == null) {
            return null;
        }
        if (Target.of(text) == null) {
            error(name, "must be an absolute http or https URL");
            return null;
        }
        return text;
    }

    /** A JSON pointer (RFC 6901) such as {@code /data}; the empty pointer (the whole body) only if allowed. */
    String pointer(String name, boolean emptyAllowed) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            error(name, "is required");
            return null;
        }
        String text = value.asText();
        try {
            JsonPointer.compile(text);
            if (value.isTextual() && (emptyAllowed || !text.isEmpty())) {
                return text;
            }
        } catch (IllegalArgumentException e) {
            // named below
        }
        error(name, "must be a JSON pointer such as /data" + (emptyAllowed ? " (\"\" for the whole body)" : ""));
        return null;
    }
}

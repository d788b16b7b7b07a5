package io.scrapline.ingest.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.scrapline.platform.problem.FieldError;
import io.scrapline.platform.problem.InvalidInputException;

/** A connector as an admin defines it, checked as a whole: every bad field is named at once. */
public record ConnectorDefinition(String kind, RecordType recordType, int intervalSeconds, boolean enabled,
        ObjectNode config) {

    /** A source or connector name as it appears in the API's paths. */
    public static final String NAME = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    static final int DEFAULT_INTERVAL_SECONDS = 300;
    static final int MAX_INTERVAL_SECONDS = 30 * 24 * 3600;

    /**
     * The definition of {@code draft} for the connector {@code source}/{@code connector}, whose stored version (null if
     * new) gives the secrets the draft leaves out.
     *
     * @throws InvalidInputException
     *             with every error
     */
    public static ConnectorDefinition of(String source, String connector, ConnectorDraft draft, Connector stored) {
        return of(source, connector, draft, stored, List.of());
    }

    /** As {@link #of(String, String, ConnectorDraft, Connector)}, with errors found elsewhere (egress) added. */
    public static ConnectorDefinition of(String source, String connector, ConnectorDraft draft, Connector stored,
            List<FieldError> found) {
        List<FieldError> errors = new ArrayList<>(found);
        if (!source.matches(NAME)) {
            errors.add(new FieldError(null, "source", "must be 1-64 letters, digits, '.', '_' or '-'"));
        }
        if (!connector.matches(NAME)) {
            errors.add(new FieldError(null, "connector", "must be 1-64 letters, digits, '.', '_' or '-'"));
        }
        if (draft == null) {
            errors.add(new FieldError(null, "body", "is required"));
            throw new InvalidInputException("the connector is invalid", errors);
        }
        String kind = draft.kind();
        if (kind == null) {
            errors.add(new FieldError(null, "kind", "is required"));
        } else if (!ConnectorSettings.KINDS.contains(kind)) {
            errors.add(new FieldError(null, "kind", "must be rest or database"));
            kind = null;
        }
        RecordType type = null;
        if (draft.recordType() == null) {
            errors.add(new FieldError(null, "record_type", "is required"));
        } else {
            type = RecordType.fromPath(draft.recordType()).orElse(null);
            if (type == null) {
                errors.add(new FieldError(null, "record_type", "must be one of "
                        + Arrays.stream(RecordType.values()).map(RecordType::path).collect(Collectors.joining(", "))));
            }
        }
        int interval = draft.intervalSeconds() == null ? DEFAULT_INTERVAL_SECONDS : draft.intervalSeconds();
        if (interval < 1 || interval > MAX_INTERVAL_SECONDS) {
            errors.add(new FieldError(null, "interval_seconds", "must be from 1 to " + MAX_INTERVAL_SECONDS));
        }
        JsonNode config = draft.config() == null ? null : draft.config().deepCopy();
        ConnectorSettings.keepSecrets(config, stored == null ? null : stored.config(), errors);
        if (kind != null) {
            ConnectorSettings.parse(kind, type, config, errors);
        } else if (config == null || !config.isObject()) {
            errors.add(new FieldError(null, "config", "must be an object"));
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(FieldError::field));
            throw new InvalidInputException(
                    errors.size() + (errors.size() == 1 ? " field is" : " fields are") + " invalid; nothing was stored",
                    errors);
        }
        return new ConnectorDefinition(kind, type, interval, draft.enabled() == null || draft.enabled(),
                (ObjectNode) config);
    }
}

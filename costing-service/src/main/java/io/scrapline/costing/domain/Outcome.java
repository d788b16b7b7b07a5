package io.scrapline.costing.domain;

import java.math.BigDecimal;
import java.util.Map;

/** What costing made of one record version: a costed event, or an exception waiting for data. */
public sealed interface Outcome {

    DefectRecord record();

    String period();

    record Costed(DefectRecord record, String period, String part, String defectCode, String coqClass, String costType,
            BigDecimal unitValue, BigDecimal amount, String currency, Map<String, Object> explanation)
            implements Outcome {
    }

    record Uncostable(DefectRecord record, String period, String reason, String detail) implements Outcome {
    }
}

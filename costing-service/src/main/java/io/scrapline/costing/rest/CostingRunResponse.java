package io.scrapline.costing.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.scrapline.costing.service.CostingService;

/** What a costing run did: the events it costed and the records it left as exceptions, waiting for data. */
@RegisterForReflection
public record CostingRunResponse(int costed, int exceptions) {

    static CostingRunResponse of(CostingService.Run run) {
        return new CostingRunResponse(run.costed(), run.exceptions());
    }
}

package io.scrapline.costing.service;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.costing.repository.CostedEventRepository;
import io.scrapline.platform.auth.Scope;
import io.scrapline.platform.problem.NotFoundProblem;
import io.scrapline.platform.tenant.TenantDb;
import io.smallrye.mutiny.Uni;

/** Reads costed events and exceptions within the caller's scope; one costed event comes with its arithmetic. */
@ApplicationScoped
public class CostedEventService {

    private final TenantDb db;
    private final CostedEventRepository events;
    private final CostingService costing;

    public CostedEventService(TenantDb db, CostedEventRepository events, CostingService costing) {
        this.db = db;
        this.events = events;
        this.costing = costing;
    }

    public Uni<List<Map<String, Object>>> list(String tenant, Scope scope, String plant, String period, String line,
            String defectCode, String part, int page, int size) {
        if (plant != null) {
            scope.requirePlant(plant);
        }
        var filter = new CostedEventRepository.Filter(plant, period, line, defectCode, part,
                List.copyOf(scope.plants()), List.copyOf(scope.lines()));
        return db.inTenant(tenant, connection -> events.list(connection, filter, page, size));
    }

    /** One costed event with its explanation; one outside {@code scope} is not found, as one that does not exist. */
    public Uni<Map<String, Object>> get(String tenant, Scope scope, long id) {
        return db.readInTenant(tenant, connection -> events.find(connection, id).chain(found -> {
            CostedEventRepository.Found event = found
                    .filter(f -> scope.covers((String) f.event().get("plant"), (String) f.event().get("line")))
                    .orElseThrow(() -> new NotFoundProblem("no costed event " + id));
            return costing.explain(connection, event.inputs()).map(explanation -> {
                event.event().put("explanation", explanation);
                return event.event();
            });
        }));
    }

    public Uni<List<Map<String, Object>>> exceptions(String tenant, Scope scope, String plant, String period,
            String status) {
        if (plant != null) {
            scope.requirePlant(plant);
        }
        return db.inTenant(tenant, connection -> events.exceptions(connection, plant, period, status,
                List.copyOf(scope.plants()), List.copyOf(scope.lines())));
    }
}

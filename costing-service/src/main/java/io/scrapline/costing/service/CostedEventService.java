package io.scrapline.costing.service;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.costing.domain.CostedEvent;
import io.scrapline.costing.domain.CostedEventDetail;
import io.scrapline.costing.domain.CostedEventFilter;
import io.scrapline.costing.domain.CostedEventInputs;
import io.scrapline.costing.domain.EventCosting;
import io.scrapline.costing.domain.ExceptionEntry;
import io.scrapline.costing.domain.LaborOutcome;
import io.scrapline.costing.domain.Outcome;
import io.scrapline.costing.domain.Replay;
import io.scrapline.costing.repository.CostedEventRepository;
import io.scrapline.costing.repository.ExceptionRepository;
import io.scrapline.costing.repository.ReplayRepository;
import io.scrapline.platform.auth.Scope;
import io.scrapline.platform.problem.NotFoundProblem;
import io.scrapline.platform.tenant.TenantDb;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/** Reads costed events and exceptions within the caller's scope; one costed event comes with its arithmetic. */
@ApplicationScoped
public class CostedEventService {

    /** A costed event with the arithmetic that gave its amount, replayed from the inputs it names. */
    public record Explained(CostedEventDetail event, Map<String, Object> explanation) {
    }

    private final TenantDb db;
    private final CostedEventRepository events;
    private final ExceptionRepository exceptions;
    private final ReplayRepository replays;
    private final CostSchemaService schemas;

    public CostedEventService(TenantDb db, CostedEventRepository events, ExceptionRepository exceptions,
            ReplayRepository replays, CostSchemaService schemas) {
        this.db = db;
        this.events = events;
        this.exceptions = exceptions;
        this.replays = replays;
        this.schemas = schemas;
    }

    public Uni<List<CostedEvent>> list(String tenant, Scope scope, String plant, String period, String line,
            String defectCode, String part, int page, int size) {
        if (plant != null) {
            scope.requirePlant(plant);
        }
        var filter = new CostedEventFilter(plant, period, line, defectCode, part, List.copyOf(scope.plants()),
                List.copyOf(scope.lines()));
        return db.inTenant(tenant, connection -> events.list(connection, filter, page, size));
    }

    /** One costed event with its explanation; one outside {@code scope} is not found, as one that does not exist. */
    public Uni<Explained> get(String tenant, Scope scope, long id) {
        return db.readInTenant(tenant, connection -> events.find(connection, id).chain(found -> {
            CostedEventDetail event = found.filter(f -> scope.covers(f.event().plant(), f.event().line()))
                    .orElseThrow(() -> new NotFoundProblem("no costed event " + id));
            return explain(connection, event.inputs()).map(explanation -> new Explained(event, explanation));
        }));
    }

    public Uni<List<ExceptionEntry>> exceptions(String tenant, Scope scope, String plant, String period,
            String status) {
        if (plant != null) {
            scope.requirePlant(plant);
        }
        return db.inTenant(tenant, connection -> exceptions.list(connection, plant, period, status,
                List.copyOf(scope.plants()), List.copyOf(scope.lines())));
    }

    /**
     * The arithmetic of a costed event, replayed step by step from exactly the inputs it names (docs/cost-model.md §10)
     * with the schema version it was costed with. Should the replay not come to the stored amount (an input it names
     * was removed since), the explanation says so instead of passing off other figures as the event's.
     */
    private Uni<Map<String, Object>> explain(SqlConnection connection, CostedEventInputs event) {
        return Uni.combine().all()
                .unis(schemas.version(connection, event.schemaVersion()), replays.replay(connection, event)).asTuple()
                .map(found -> {
                    EventCosting costing = new EventCosting(found.getItem1());
                    Replay replay = found.getItem2();
                    Replayed replayed = replay.record() != null
                            ? Replayed.of(costing.cost(replay.record(), replay.reference()))
                            : replay.laborRecord() != null
                                    ? Replayed.of(costing.costUnmatched(replay.laborRecord(), replay.reference()))
                                    : new Replayed(new LinkedHashMap<>(), null);
                    Map<String, Object> explanation = replayed.explanation();
                    if (replayed.amount() == null || replayed.amount().compareTo(event.amount()) != 0) {
                        explanation.put("replay",
                                "the inputs this event names no longer give its amount "
                                        + event.amount().toPlainString()
                                        + (replayed.amount() == null ? "" : " but " + replayed.amount().toPlainString())
                                        + "; it is re-costed when its record, cost roll or schema is corrected");
                    }
                    return explanation;
                });
    }

    /** What a replay gave: the explanation and amount of the event, or why it could not be costed (no amount). */
    private record Replayed(Map<String, Object> explanation, BigDecimal amount) {

        static Replayed of(Outcome outcome) {
            return outcome instanceof Outcome.Costed c ? new Replayed(c.explanation(), c.amount())
                    : reason(((Outcome.Uncostable) outcome).detail());
        }

        static Replayed of(LaborOutcome outcome) {
            return outcome instanceof LaborOutcome.Costed c ? new Replayed(c.explanation(), c.amount())
                    : reason(((LaborOutcome.Uncostable) outcome).detail());
        }

        private static Replayed reason(String detail) {
            Map<String, Object> explanation = new LinkedHashMap<>();
            explanation.put("reason", detail);
            return new Replayed(explanation, null);
        }
    }
}

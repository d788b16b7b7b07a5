package io.scrapline.alert.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.scrapline.alert.domain.DigestSchedule;
import io.scrapline.alert.domain.ReferenceNoticeInput;
import io.scrapline.alert.domain.ReferenceNoticeRecord;
import io.scrapline.alert.domain.ReferenceNoticeSettings;
import io.scrapline.alert.domain.UnmappedValue;
import io.scrapline.alert.repository.AudienceRepository;
import io.scrapline.alert.repository.AuditRepository;
import io.scrapline.alert.repository.ReferenceNoticeLogRepository;
import io.scrapline.alert.repository.ReferenceNoticeRepository;
import io.scrapline.alert.repository.ReferenceNoticeSettingsRepository;
import io.scrapline.platform.auth.Scope;
import io.scrapline.platform.problem.FieldError;
import io.scrapline.platform.problem.InvalidInputException;
import io.scrapline.platform.problem.NotFoundProblem;
import io.scrapline.platform.tenant.TenantDb;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Notices of unmapped source values to the people who keep the cross-references: their settings (the tenant's, since
 * the cross-references are shared by every plant: only a token of the whole tenant reads or writes them), the queueing
 * of a notice per new value (when costing prompts, and on the schedule for a prompt that was lost) and of the daily
 * digest, and the log of what was sent.
 */
@ApplicationScoped
public class ReferenceNoticeService {

    private static final String ENTITY = "reference_notices";
    private static final String ENTITY_ID = "settings";
    private static final String WHAT = "the notices of unmapped source values (shared by every plant)";

    private final TenantDb db;
    private final ReferenceNoticeSettingsRepository settings;
    private final ReferenceNoticeRepository notices;
    private final ReferenceNoticeLogRepository log;
    private final AudienceRepository audiences;
    private final AuditRepository audit;
    private final ReferenceNoticeSender sender;

    public ReferenceNoticeService(TenantDb db, ReferenceNoticeSettingsRepository settings,
            ReferenceNoticeRepository notices, ReferenceNoticeLogRepository log, AudienceRepository audiences,
            AuditRepository audit, ReferenceNoticeSender sender) {
        this.db = db;
        this.settings = settings;
        this.notices = notices;
        this.log = log;
        this.audiences = audiences;
        this.audit = audit;
        this.sender = sender;
    }

    /**
     * Creates or replaces the settings, recorded in the audit with what they were.
     *
     * @throws InvalidInputException
     *             naming every field the others contradict, an unknown time zone and an audience that does not exist
     */
    public Uni<ReferenceNoticeSettings> put(String tenant, Scope scope, String by, ReferenceNoticeInput input) {
        scope.requireWholeTenant(WHAT);
        return db.inTenant(tenant, connection -> settings.find(connection)
                .chain(before -> audiences.members(connection, List.of(input.audience())).chain(found -> {
                    List<FieldError> errors = new ArrayList<>(input.errors());
                    if (input.audience() != null && !found.containsKey(input.audience())) {
                        errors.add(new FieldError(null, "audience", "no audience " + input.audience()));
                    }
                    if (!errors.isEmpty()) {
                        throw new InvalidInputException("the settings of notices are invalid", errors);
                    }
                    return settings.upsert(connection, input, by);
                }).chain(() -> settings.find(connection)).map(Optional::orElseThrow)
                        .call(after -> audit.audit(connection, ENTITY, ENTITY_ID,
                                before.isPresent() ? "updated" : "created", by,
                                before.map(ReferenceNoticeSettingsRepository::json).orElse(null),
                                ReferenceNoticeSettingsRepository.json(after)))));
    }

    /** The settings; none is not found. */
    public Uni<ReferenceNoticeSettings> get(String tenant, Scope scope) {
        scope.requireWholeTenant(WHAT);
        return db.readInTenant(tenant, settings::find).map(found -> found.orElseThrow(ReferenceNoticeService::none));
    }

    /** Deletes the settings, recorded in the audit: nothing more is notified, nor is any notice queued sent. */
    public Uni<Void> delete(String tenant, Scope scope, String by) {
        scope.requireWholeTenant(WHAT);
        return db.inTenant(tenant, connection -> settings.find(connection).chain(before -> {
            if (before.isEmpty()) {
                throw none();
            }
            return audit
                    .audit(connection, ENTITY, ENTITY_ID, "deleted", by,
                            ReferenceNoticeSettingsRepository.json(before.get()), null)
                    .chain(() -> settings.delete(connection));
        })).replaceWithVoid();
    }

    /**
     * Costing parked events of {@code values} (all values parked when empty): queues a notice for each that is new, and
     * starts sending at once, without waiting. How many were queued.
     */
    public Uni<Integer> parked(String tenant, List<UnmappedValue> values) {
        return db
                .inTenant(tenant,
                        connection -> settings.find(connection)
                                .chain(found -> found.filter(ReferenceNoticeSettings::enabled).isEmpty()
                                        ? Uni.createFrom().item(0)
                                        : queueValues(connection, found.get(), values)))
                .invoke(queued -> sendSoon(tenant, queued));
    }

    /**
     * The schedule, once per cluster: marks the values mapped since, queues a notice for each new value whose prompt
     * was lost, and the daily digest that fell due at {@code now} (the latest only, and none that fell due before the
     * digest began). How many notices were queued.
     */
    public Uni<Integer> queueDue(String tenant, Instant now) {
        return db.inTenant(tenant, connection -> settings.find(connection).chain(found -> {
            if (found.filter(ReferenceNoticeSettings::enabled).isEmpty()) {
                return Uni.createFrom().item(0);
            }
            ReferenceNoticeSettings on = found.get();
            return queueValues(connection, on, List.of()).chain(queued -> {
                if (!on.digest()) {
                    return Uni.createFrom().item(queued);
                }
                DigestSchedule.Due due = DigestSchedule.latest(on.digestAt(), on.timeZone(), now);
                if (due.dueAt().isBefore(on.digestSince().toInstant())) {
                    return Uni.createFrom().item(queued);
                }
                return notices.queueDigest(connection, due).map(digest -> digest ? queued + 1 : queued);
            });
        }));
    }

    /** The notices the token may see, newest first, with their deliveries; none for a token limited to lines. */
    public Uni<List<ReferenceNoticeRecord>> log(String tenant, Scope scope, String kind, String status, int page,
            int size) {
        if (scope.limitedToLines()) {
            return Uni.createFrom().item(List.of());
        }
        return db.readInTenant(tenant,
                connection -> log.list(connection, kind, status, scope.plantArray(), page, size));
    }

    private Uni<Integer> queueValues(SqlConnection connection, ReferenceNoticeSettings on, List<UnmappedValue> values) {
        return notices.resolveMapped(connection)
                .chain(() -> notices.queueValues(connection, values, on.enabledSince()));
    }

    private void sendSoon(String tenant, int queued) {
        if (queued > 0) {
            sender.drain(tenant, sender.worker()).subscribe().with(sent -> {
            }, failure -> Log.warnf(failure, "sending notices of unmapped values of %s failed; the workers try again",
                    tenant));
        }
    }

    private static NotFoundProblem none() {
        return new NotFoundProblem("no settings of notices of unmapped source values: PUT them first");
    }
}

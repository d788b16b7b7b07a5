package io.scrapline.alert.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The tenant's plants (costing's table, read here), within a {@link TenantSessions} transaction. */
@ApplicationScoped
public class PlantRepository {

    public Uni<Boolean> exists(String plant) {
        return Panache.getSession()
                .chain(session -> session
                        .createNativeQuery("SELECT count(*) FROM plants WHERE plant_id = :plant", Long.class)
                        .setParameter("plant", plant).getSingleResult())
                .map(count -> count > 0);
    }
}

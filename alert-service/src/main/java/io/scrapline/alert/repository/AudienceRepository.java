package io.scrapline.alert.repository;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.scrapline.alert.domain.Audience;
import io.smallrye.mutiny.Uni;

/** Audiences, within a {@link TenantSessions} transaction. */
@ApplicationScoped
public class AudienceRepository implements PanacheRepositoryBase<Audience, Audience.Key> {

    public Uni<Audience> find(String tenant, String audience) {
        return findById(new Audience.Key(tenant, audience));
    }

    /** Which of {@code audiences} exist. */
    public Uni<List<String>> existing(Collection<String> audiences) {
        return audiences.isEmpty() ? Uni.createFrom().item(List.of())
                : getSession().chain(session -> session
                        .createSelectionQuery("select a.audienceId from Audience a where a.audienceId in :ids",
                                String.class)
                        .setParameter("ids", audiences).getResultList());
    }
}

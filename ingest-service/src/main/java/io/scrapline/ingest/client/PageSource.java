package io.scrapline.ingest.client;

import io.scrapline.ingest.domain.Page;
import io.smallrye.mutiny.Uni;

/** Where a run fetches its pages from: a source's REST API or its database, open for the length of one run. */
public interface PageSource {

    /** The page that {@code cursor} (null on the very first run) starts. */
    Uni<Page> fetch(String cursor);

    /** Releases what the run held (a database pool); called once, whatever the run's outcome. */
    default Uni<Void> close() {
        return Uni.createFrom().voidItem();
    }
}

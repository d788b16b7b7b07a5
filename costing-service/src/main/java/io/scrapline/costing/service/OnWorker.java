package io.scrapline.costing.service;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Values a chunk on a worker thread: it takes the CPU for a while, and the event loop must stay free for the database
 * answers of other transactions, some of them holding rollup rows until they commit.
 */
final class OnWorker {

    private OnWorker() {
    }

    static Uni<Void> value(Runnable valuation) {
        return Uni.createFrom().item(() -> {
            valuation.run();
            return true;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()).replaceWithVoid();
    }
}

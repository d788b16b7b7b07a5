package io.scrapline.ingest.domain;

/** A request that clashes with what is already stored (a source that exists, a replayed webhook); answered with 409. */
public class ConflictProblem extends RuntimeException {

    public ConflictProblem(String detail) {
        super(detail);
    }
}

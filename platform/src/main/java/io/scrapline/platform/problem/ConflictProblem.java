package io.scrapline.platform.problem;

/** A request that the resource's current state does not allow, such as closing a period that is closed already. */
public class ConflictProblem extends RuntimeException {

    public ConflictProblem(String detail) {
        super(detail);
    }
}

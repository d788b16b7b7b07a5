package io.scrapline.platform.problem;

/** A resource of the caller's tenant that does not exist (or belongs to another tenant: the same answer). */
public class NotFoundProblem extends RuntimeException {

    public NotFoundProblem(String detail) {
        super(detail);
    }
}

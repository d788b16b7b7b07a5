package io.scrapline.platform.problem;

/** A request over a size or row limit; answered with 413 and nothing stored. */
public class TooLargeProblem extends RuntimeException {

    public TooLargeProblem(String detail) {
        super(detail);
    }
}

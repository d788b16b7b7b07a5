package io.scrapline.platform.egress;

/**
 * A destination the egress policy refuses. Its message is the class of failure only, safe to show a tenant;
 * {@link #detail()} says which address and rule, for the service log.
 */
public class EgressRefusedException extends RuntimeException {

    public static final String MESSAGE = "address not allowed by egress policy";

    private final String detail;

    public EgressRefusedException(String detail) {
        super(MESSAGE, null, false, false);
        this.detail = detail;
    }

    public String detail() {
        return detail;
    }
}

package io.scrapline.platform.input;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.scrapline.platform.problem.FieldError;
import io.scrapline.platform.problem.Problem;
import io.scrapline.platform.problem.ProblemMappers;

/**
 * Checks every path and query parameter of every endpoint before the resource sees it: no NUL or control character,
 * nothing that was not UTF-8, at most {@link InputRules#PARAMETER_MAX} characters, codes as {@link InputRules#CODE} and
 * periods as {@code YYYY-MM} or {@code YYYY-Pnn} within the accepted years. A bad parameter is 422 naming it.
 */
public class ParameterFilter {

    /** Parameters that name a code or identifier of the tenant's data. */
    static final Set<String> CODES = Set.of("plant", "line", "work_center", "part", "defect_code", "source",
            "connector", "rule", "audience", "code");
    private static final Pattern CODE = Pattern.compile(InputRules.CODE);
    private static final Pattern PERIOD = Pattern.compile("(\\d{4})-(\\d{2}|P\\d{2})");
    /** Headers whose values are stored as data: the Standard Webhooks headers of a delivery. */
    private static final String DATA_HEADERS = "webhook-";
    private static final int HEADER_MAX = 1024;
    private static final String PERIOD_RULE = "must be a period YYYY-MM or YYYY-Pnn";

    private final InputConfig.Years years;

    public ParameterFilter(InputConfig config) {
        this.years = config.years();
    }

    @ServerRequestFilter
    public Response check(ContainerRequestContext request) {
        List<FieldError> errors = new ArrayList<>();
        check(request.getUriInfo().getPathParameters(), false, errors);
        check(request.getUriInfo().getQueryParameters(), true, errors);
        for (Map.Entry<String, List<String>> header : request.getHeaders().entrySet()) {
            if (header.getKey().toLowerCase(Locale.ROOT).startsWith(DATA_HEADERS)) {
                for (String value : header.getValue()) {
                    String problem = InputRules.textProblem(value);
                    if (problem == null && value.length() > HEADER_MAX) {
                        problem = "must be at most " + HEADER_MAX + " characters";
                    }
                    if (problem != null) {
                        errors.add(new FieldError(null, header.getKey().toLowerCase(Locale.ROOT), problem));
                        break;
                    }
                }
            }
        }
        if (errors.isEmpty()) {
            return null;
        }
        return ProblemMappers.problem(Problem.invalid("the request has invalid parameters", errors));
    }

    private void check(MultivaluedMap<String, String> parameters, boolean query, List<FieldError> errors) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            String nameProblem = InputRules.textProblem(name);
            if (nameProblem != null || name.length() > InputRules.PARAMETER_MAX) {
                errors.add(
                        new FieldError(null, "query",
                                "parameter names " + (nameProblem == null
                                        ? "must be at most " + InputRules.PARAMETER_MAX + " characters"
                                        : nameProblem)));
                continue;
            }
            for (String value : parameter.getValue()) {
                String problem = problem(name, value, query);
                if (problem != null) {
                    errors.add(new FieldError(null, name, problem));
                    break;
                }
            }
        }
    }

    String problem(String name, String value, boolean query) {
        String problem = InputRules.textProblem(value);
        if (problem != null) {
            return problem;
        }
        if (value.length() > InputRules.PARAMETER_MAX) {
            return "must be at most " + InputRules.PARAMETER_MAX + " characters";
        }
        if (query && value.isEmpty()) {
            return null;
        }
        if (CODES.contains(name) && !CODE.matcher(value).matches()) {
            return InputRules.CODE_RULE;
        }
        if (name.equals("period")) {
            Matcher period = PERIOD.matcher(value);
            return period.matches() ? years.problem(Integer.parseInt(period.group(1))) : PERIOD_RULE;
        }
        return null;
    }
}

package io.scrapline.platform.auth;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.scrapline.platform.problem.FieldError;
import io.scrapline.platform.problem.OutOfScopeProblem;

/**
 * The plants and lines a token may touch, from its {@code plants} and {@code lines} claims; an empty set means no
 * limit. The one place the scope rules are written (docs/architecture.md, "Scope"): a token limited to plants touches
 * only those plants; a token limited to lines sees only the figures of those lines and changes nothing that covers a
 * whole plant; a token with either limit changes nothing that covers every plant of the tenant.
 */
public record Scope(Set<String> plants, Set<String> lines) {

    /** No limit: the whole tenant (the sweeps, and tokens without scope claims). */
    public static final Scope TENANT = new Scope(Set.of(), Set.of());

    public Scope {
        plants = Set.copyOf(plants);
        lines = Set.copyOf(lines);
    }

    public static Scope of(Set<String> plants, Set<String> lines) {
        return plants.isEmpty() && lines.isEmpty() ? TENANT : new Scope(plants, lines);
    }

    /** Whether the token has neither limit. */
    public boolean wholeTenant() {
        return plants.isEmpty() && lines.isEmpty();
    }

    /** Whether the token is limited to some lines. */
    public boolean limitedToLines() {
        return !lines.isEmpty();
    }

    /** Whether the token may touch {@code plant} at all (some or all of its lines). */
    public boolean coversPlant(String plant) {
        return plants.isEmpty() || plants.contains(plant);
    }

    /** Whether the token may see and change the whole of {@code plant}: the plant and no line limit. */
    public boolean coversWholePlant(String plant) {
        return coversPlant(plant) && lines.isEmpty();
    }

    /** Whether the token covers {@code line} of {@code plant}; a null line stands for the whole plant. */
    public boolean covers(String plant, String line) {
        return line == null ? coversWholePlant(plant) : coversPlant(plant) && (lines.isEmpty() || lines.contains(line));
    }

    /** The plant limit for SQL: an empty array means every plant. */
    public String[] plantArray() {
        return plants.toArray(String[]::new);
    }

    /** The line limit for SQL: an empty array means every line. */
    public String[] lineArray() {
        return lines.toArray(String[]::new);
    }

    /**
     * @throws OutOfScopeProblem
     *             for a plant outside the token's plants
     */
    public void requirePlant(String plant) {
        if (!coversPlant(plant)) {
            throw new OutOfScopeProblem(
                    "plant " + plant + " is outside the token's scope (plants " + list(plants) + ")");
        }
    }

    /**
     * For what covers the whole plant (its reference data, budget, close, re-costing).
     *
     * @throws OutOfScopeProblem
     *             for a plant outside the token's plants, or any plant when the token is limited to lines
     */
    public void requireWholePlant(String plant, String what) {
        requirePlant(plant);
        if (!lines.isEmpty()) {
            throw new OutOfScopeProblem(
                    what + " covers the whole plant " + plant + "; the token is limited to lines " + list(lines));
        }
    }

    /**
     * @throws OutOfScopeProblem
     *             for a line outside the token's lines (or a plant outside its plants); a null line stands for the
     *             whole plant
     */
    public void requireLine(String plant, String line, String what) {
        if (line == null) {
            requireWholePlant(plant, what);
        } else if (!covers(plant, line)) {
            requirePlant(plant);
            throw new OutOfScopeProblem("line " + line + " is outside the token's scope (lines " + list(lines) + ")");
        }
    }

    /**
     * For what covers whole plants, of any plant the token covers (a consolidation, an evaluation of plant-wide rules).
     *
     * @throws OutOfScopeProblem
     *             when the token is limited to lines
     */
    public void requireWholePlants(String what) {
        if (!lines.isEmpty()) {
            throw new OutOfScopeProblem(what + " covers whole plants; the token is limited to lines " + list(lines));
        }
    }

    /**
     * For what covers every plant of the tenant (shared reference data, cost schemas, source systems, audiences).
     *
     * @throws OutOfScopeProblem
     *             when the token is limited to plants or lines
     */
    public void requireWholeTenant(String what) {
        if (!wholeTenant()) {
            throw new OutOfScopeProblem(what + " covers every plant of the tenant; the token is limited to "
                    + (plants.isEmpty() ? "" : "plants " + list(plants))
                    + (plants.isEmpty() || lines.isEmpty() ? "" : " and ")
                    + (lines.isEmpty() ? "" : "lines " + list(lines)));
        }
    }

    /** Why the row of {@code plant} and {@code line} (null: the whole plant) is out of scope, or null if it is not. */
    public FieldError rowError(int row, String plant, String line) {
        if (!coversPlant(plant)) {
            return new FieldError(row, "plant", "plant " + plant + " is outside the token's scope");
        }
        if (line == null && !lines.isEmpty()) {
            return new FieldError(row, "line",
                    "the row covers the whole plant " + plant + "; the token is limited to lines " + list(lines));
        }
        if (line != null && !covers(plant, line)) {
            return new FieldError(row, "line", "line " + line + " is outside the token's scope");
        }
        return null;
    }

    /**
     * @throws OutOfScopeProblem
     *             naming every row in {@code errors}, if there is one
     */
    public static void refuseRows(List<FieldError> errors, String what) {
        refuseRows(errors, errors.size(), what);
    }

    /**
     * @throws OutOfScopeProblem
     *             saying that {@code rows} rows are out of scope and naming those in {@code errors} (the first of them,
     *             when a long body has more than a problem lists), if there is one
     */
    public static void refuseRows(List<FieldError> errors, int rows, String what) {
        if (rows > 0) {
            throw new OutOfScopeProblem(
                    rows + " " + (rows == 1 ? "row is" : "rows are") + " outside the token's scope; " + what, errors);
        }
    }

    private static String list(Set<String> names) {
        return String.join(", ", new TreeSet<>(names));
    }
}

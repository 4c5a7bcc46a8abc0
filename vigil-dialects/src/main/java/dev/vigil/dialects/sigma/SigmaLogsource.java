package dev.vigil.dialects.sigma;

import java.util.Objects;

/**
 * A rule's {@code logsource}: product, category and service (each may be null). {@code definition} and custom
 * keys are not evaluated.
 */
public record SigmaLogsource(String product, String category, String service) {

    /**
     * Containment as pySigma defines it for filters: this logsource contains {@code other} when every part set
     * here equals the other's part (an unset part is a wildcard).
     */
    public boolean contains(SigmaLogsource other) {
        return part(product, other.product) && part(category, other.category) && part(service, other.service);
    }

    private static boolean part(String mine, String theirs) {
        return mine == null || Objects.equals(mine, theirs);
    }

    @Override
    public String toString() {
        return "product=" + (product == null ? "*" : product) + " category=" + (category == null ? "*" : category)
                + " service=" + (service == null ? "*" : service);
    }
}

package dev.vigil.dialects;

import dev.vigil.dialects.sigma.SigmaFilter;

import java.util.List;
import java.util.Map;

/**
 * What a user supplies to dialects besides the analytics themselves: values for Sigma placeholders
 * ({@code %name%} with {@code |expand}) and Sigma meta filters.
 */
public record DialectSettings(Map<String, List<String>> sigmaPlaceholders, List<SigmaFilter> sigmaFilters) {

    public static final DialectSettings DEFAULT = new DialectSettings(Map.of(), List.of());

    public DialectSettings {
        sigmaPlaceholders = Map.copyOf(sigmaPlaceholders);
        sigmaFilters = List.copyOf(sigmaFilters);
    }
}

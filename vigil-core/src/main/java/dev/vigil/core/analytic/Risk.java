package dev.vigil.core.analytic;

/**
 * How much a detection matters, as the document states it: impact and confidence (0-100) and a risk
 * score (ESCU: impact x confidence / 100), or a severity level (Sigma). Unknown parts are null; Vigil
 * never invents a figure the author did not give.
 */
public record Risk(Integer impact, Integer confidence, Double score, String level) {

    public static final Risk UNKNOWN = new Risk(null, null, null, null);

    public boolean isUnknown() {
        return impact == null && confidence == null && score == null && level == null;
    }
}

package dev.vigil.dialects.catalog;

/** What became of one implementation when it was loaded. */
public enum ImplementationStatus {
    /** Compiled; it runs. */
    RUNS("runs"),
    /** Written in a language, or with a construct, Vigil does not run yet; said precisely by a diagnostic. */
    UNSUPPORTED("unsupported"),
    /** The author's text has an error; the diagnostic says where. */
    INVALID("invalid");

    private final String label;

    ImplementationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package dev.vigil.core.diag;

/** How bad a diagnostic is. An error rejects the implementation it names; a warning does not. */
public enum Severity {
    ERROR("error"), WARNING("warning"), NOTE("note");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

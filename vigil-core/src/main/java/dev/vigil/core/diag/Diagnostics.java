package dev.vigil.core.diag;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collects diagnostics while a parser runs. Parsers report and go on; the caller decides whether an
 * error stops anything. Thread-confined: one per file being loaded.
 */
public final class Diagnostics {

    private final List<Diagnostic> items = new ArrayList<>();

    public void report(Diagnostic d) {
        items.add(d);
    }

    public void addAll(Diagnostics other) {
        items.addAll(other.items);
    }

    public List<Diagnostic> all() {
        return Collections.unmodifiableList(items);
    }

    public boolean hasErrors() {
        return items.stream().anyMatch(Diagnostic::isError);
    }

    public long count(Severity severity) {
        return items.stream().filter(d -> d.severity() == severity).count();
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }
}

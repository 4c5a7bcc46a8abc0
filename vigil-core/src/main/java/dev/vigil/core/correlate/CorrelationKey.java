package dev.vigil.core.correlate;

import java.io.Serializable;
import java.util.List;

/** Where one window lives: which correlation (by its index in the run) and which group. */
public record CorrelationKey(int correlation, List<String> group) implements Serializable {

    private static final long serialVersionUID = 1L;

    public CorrelationKey {
        group = List.copyOf(group);
    }
}

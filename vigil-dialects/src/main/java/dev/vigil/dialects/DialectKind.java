package dev.vigil.dialects;

import dev.vigil.dialects.car.CarDialect;
import dev.vigil.dialects.logpoint.LogPointDialect;
import dev.vigil.dialects.sigma.SigmaDialect;
import dev.vigil.dialects.spl.SplDialect;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/** The dialects Vigil runs, by key. Adding a language is one line here. */
public enum DialectKind {
    CAR("car", true, s -> new CarDialect()),
    // Macros come from the macros/ directory beside the document.
    SPL("spl", false, s -> new SplDialect()),
    LOGPOINT("logpoint", true, s -> new LogPointDialect()),
    SIGMA("sigma", true, s -> new SigmaDialect(s.sigmaPlaceholders(), s.sigmaFilters()));

    private final String key;
    private final boolean selfContained;
    private final Function<DialectSettings, Dialect> constructor;

    DialectKind(String key, boolean selfContained, Function<DialectSettings, Dialect> constructor) {
        this.key = key;
        this.selfContained = selfContained;
        this.constructor = constructor;
    }

    public String key() {
        return key;
    }

    /**
     * Whether an implementation compiles from its own text and the dialect settings alone, reading no other
     * file: only then may a compiled copy stand for it while its document is unchanged.
     */
    public boolean selfContained() {
        return selfContained;
    }

    public Dialect create() {
        return create(DialectSettings.DEFAULT);
    }

    public Dialect create(DialectSettings settings) {
        return constructor.apply(settings);
    }

    public static Optional<DialectKind> byKey(String key) {
        return Arrays.stream(values()).filter(d -> d.key.equals(key)).findFirst();
    }

    /** Keys of every dialect, for "allowed values" hints. */
    public static String keys() {
        return String.join(", ", Arrays.stream(values()).map(DialectKind::key).toList());
    }
}

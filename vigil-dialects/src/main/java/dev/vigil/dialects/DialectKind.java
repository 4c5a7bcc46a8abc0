package dev.vigil.dialects;

import dev.vigil.dialects.car.CarDialect;
import dev.vigil.dialects.logpoint.LogPointDialect;
import dev.vigil.dialects.sigma.SigmaDialect;
import dev.vigil.dialects.spl.SplDialect;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

/** The dialects Vigil runs, by key. Adding a language is one line here. */
public enum DialectKind {
    CAR("car", CarDialect::new),
    SPL("spl", SplDialect::new),
    LOGPOINT("logpoint", LogPointDialect::new),
    SIGMA("sigma", SigmaDialect::new);

    private final String key;
    private final Supplier<Dialect> constructor;

    DialectKind(String key, Supplier<Dialect> constructor) {
        this.key = key;
        this.constructor = constructor;
    }

    public String key() {
        return key;
    }

    public Dialect create() {
        return constructor.get();
    }

    public static Optional<DialectKind> byKey(String key) {
        return Arrays.stream(values()).filter(d -> d.key.equals(key)).findFirst();
    }

    /** Keys of every dialect, for "allowed values" hints. */
    public static String keys() {
        return String.join(", ", Arrays.stream(values()).map(DialectKind::key).toList());
    }
}

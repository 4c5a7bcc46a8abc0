package dev.vigil.dialects;

import dev.vigil.dialects.analytic.VigilAnalyticLoader;
import dev.vigil.dialects.catalog.CarPageLoader;
import dev.vigil.dialects.catalog.CarYamlLoader;
import dev.vigil.dialects.escu.EscuPageLoader;
import dev.vigil.dialects.escu.EscuYamlLoader;
import dev.vigil.dialects.sigma.SigmaLoader;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The analytic document kinds Vigil reads, tried in this order; the first whose {@code accepts} says yes
 * loads the file. Adding a document kind is one line here.
 */
public enum LoaderKind {
    VIGIL(VigilAnalyticLoader::new),
    CAR_PAGE(CarPageLoader::new),
    CAR_YAML(CarYamlLoader::new),
    ESCU_PAGE(EscuPageLoader::new),
    ESCU_YAML(EscuYamlLoader::new),
    SIGMA(SigmaLoader::new);

    private final Supplier<AnalyticLoader> constructor;

    LoaderKind(Supplier<AnalyticLoader> constructor) {
        this.constructor = constructor;
    }

    public AnalyticLoader create() {
        return constructor.get();
    }

    /** The document kinds, for hints. */
    public static String kinds() {
        return String.join(", ", Arrays.stream(values()).map(k -> k.create().kind()).toList());
    }

    /** The loader for a document, or empty when no kind recognises it. */
    public static Optional<AnalyticLoader> forDocument(String fileName, String text) {
        return Arrays.stream(values()).map(LoaderKind::create).filter(l -> l.accepts(fileName, text)).findFirst();
    }
}

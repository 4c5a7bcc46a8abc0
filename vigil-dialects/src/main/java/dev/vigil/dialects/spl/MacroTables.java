package dev.vigil.dialects.spl;

import dev.vigil.core.diag.Diagnostics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the macro table for a detection file: security_content keeps macros in {@code macros/} at the
 * repository root, beside {@code detections/}, so Vigil looks for a {@code macros/} directory in the
 * file's directory and its ancestors (up to four levels). Each directory is loaded once per run.
 */
public final class MacroTables {

    private static final Map<Path, MacroTable> LOADED = new ConcurrentHashMap<>();
    private static final MacroTable BUILT_IN = MacroTable.builtIn();

    private MacroTables() {
    }

    /** The table for a query loaded from {@code file}, or the built-ins when none is found. */
    public static MacroTable forFile(String file) {
        Path dir = macroDirectory(file);
        return dir == null ? BUILT_IN : LOADED.computeIfAbsent(dir, d -> MacroTable.load(d, new Diagnostics()));
    }

    /** The {@code macros/} directory that applies to {@code file}, or null. */
    public static Path macroDirectory(String file) {
        if (file == null || file.isEmpty() || file.startsWith("<")) {
            return null;
        }
        Path p;
        try {
            p = Path.of(file).toAbsolutePath().getParent();
        } catch (RuntimeException e) {
            return null;
        }
        for (int i = 0; i < 4 && p != null; i++, p = p.getParent()) {
            Path m = p.resolve("macros");
            if (Files.isDirectory(m)) {
                return m.normalize();
            }
        }
        return null;
    }
}

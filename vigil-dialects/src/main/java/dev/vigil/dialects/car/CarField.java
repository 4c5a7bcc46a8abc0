package dev.vigil.dialects.car;

import dev.vigil.core.diag.Diagnostic;
import dev.vigil.core.diag.Diagnostics;
import dev.vigil.core.diag.Severity;
import dev.vigil.core.diag.SourceSpan;
import dev.vigil.core.diag.Suggestions;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A CAR field name resolved onto a canonical event field. {@code canonical} is null when no event can
 * carry the field (a typo, or a data-model field no Windows source provides); {@code why} then says so,
 * and predicates on it are constant false, which is what a faithful evaluation of the author's text gives.
 */
record CarField(String carName, String canonical, String why) {

    /** Reports each finding once per position, however often a field is resolved. */
    static final class Reporter {
        private final Diagnostics diagnostics;
        private final Set<String> seen = new HashSet<>();

        Reporter(Diagnostics diagnostics) {
            this.diagnostics = diagnostics;
        }

        void report(Diagnostic d) {
            if (seen.add(d.code() + "@" + d.span() + "@" + d.quote())) {
                diagnostics.report(d);
            }
        }
    }

    static CarField resolve(String object, String name, String value, String quote, SourceSpan span, Reporter out) {
        Map<String, String> fields = CarDataModel.get().fields(object);
        object = object.toLowerCase(java.util.Locale.ROOT);
        String canonical = fields.get(name);
        if (canonical == null) {
            String guess = Suggestions.closest(name, fields.keySet()).orElse(null);
            out.report(new Diagnostic(Severity.WARNING, "car/unknown-field",
                    "unknown field '" + name + "' in '" + quote + "'", span, quote,
                    (guess != null ? "did you mean '" + guess + "'? " : "")
                            + "'" + name + "' is not a field of the CAR " + object + " object, so no event has it and "
                            + "this predicate is never true (evaluated as written)"));
            return new CarField(name, null, "field '" + name + "' does not exist in the CAR data model ("
                    + object + ")" + (guess != null ? "; did you mean '" + guess + "'?" : ""));
        }
        if (CarDataModel.UNAVAILABLE.equals(canonical)) {
            out.report(new Diagnostic(Severity.WARNING, "car/field-unavailable",
                    "field '" + name + "' is in the CAR data model but no Windows source provides it", span, quote,
                    "the predicate '" + quote + "' is never true on Sysmon, Security or ECS events"));
            return new CarField(name, null, "no Windows source provides CAR field '" + name + "'");
        }
        if (("exe".equals(name) || "parent_exe".equals(name)) && value.contains("\\")) {
            String path = "exe".equals(name) ? "image_path" : "parent_image_path";
            out.report(new Diagnostic(Severity.WARNING, "car/exe-compared-with-path",
                    "'" + name + "' is the basename of the image, but '" + quote + "' compares it with a path", span,
                    quote, "Vigil tests the value against '" + path + "'; compare '" + name + "' with a name such as "
                            + "\"net.exe\" to also catch copies in other folders (SysWOW64, renamed paths)"));
            return new CarField(name, fields.get(path), "");
        }
        return new CarField(name, canonical, "");
    }
}

package dev.vigil.dialects.sigma.modifier;

import dev.vigil.core.diag.Suggestions;
import dev.vigil.core.ir.CompareOp;
import dev.vigil.dialects.sigma.DetectionItem;
import dev.vigil.dialects.sigma.SigmaRuleException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Every Sigma value modifier by its YAML name (the specification's appendix plus pySigma's aliases
 * {@code wide}, {@code ignorecase}, {@code multiline}, {@code dotall}; {@code utf16le} is accepted as the
 * specification spells it).
 */
public final class Modifiers {

    private static final Map<String, Supplier<Modifier>> BY_NAME = new LinkedHashMap<>();

    static {
        BY_NAME.put("contains", Contains::new);
        BY_NAME.put("startswith", StartsWith::new);
        BY_NAME.put("endswith", EndsWith::new);
        BY_NAME.put("all", All::new);
        BY_NAME.put("exists", Exists::new);
        BY_NAME.put("cased", Cased::new);
        BY_NAME.put("neq", Neq::new);
        BY_NAME.put("windash", Windash::new);
        BY_NAME.put("re", Re::new);
        BY_NAME.put("i", () -> new RegexFlag('i'));
        BY_NAME.put("ignorecase", () -> new RegexFlag('i'));
        BY_NAME.put("m", () -> new RegexFlag('m'));
        BY_NAME.put("multiline", () -> new RegexFlag('m'));
        BY_NAME.put("s", () -> new RegexFlag('s'));
        BY_NAME.put("dotall", () -> new RegexFlag('s'));
        BY_NAME.put("base64", Base64::new);
        BY_NAME.put("base64offset", Base64Offset::new);
        BY_NAME.put("utf16le", Utf16::littleEndian);
        BY_NAME.put("wide", Utf16::littleEndian);
        BY_NAME.put("utf16be", Utf16::bigEndian);
        BY_NAME.put("utf16", Utf16::withByteOrderMark);
        BY_NAME.put("gt", () -> new NumericCompare(CompareOp.GT));
        BY_NAME.put("gte", () -> new NumericCompare(CompareOp.GE));
        BY_NAME.put("lt", () -> new NumericCompare(CompareOp.LT));
        BY_NAME.put("lte", () -> new NumericCompare(CompareOp.LE));
        BY_NAME.put("cidr", Cidr::new);
        BY_NAME.put("expand", Expand::new);
        BY_NAME.put("fieldref", FieldRef::new);
        for (String part : List.of("minute", "hour", "day", "week", "month", "year")) {
            BY_NAME.put(part, () -> new DatePart(part));
        }
    }

    private Modifiers() {
    }

    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    public static Optional<Modifier> byName(String name) {
        Supplier<Modifier> s = BY_NAME.get(name);
        return s == null ? Optional.empty() : Optional.of(s.get());
    }

    /** Applies the chain to the item left to right, rejecting unknown names with a did-you-mean. */
    public static void applyAll(DetectionItem item, List<String> chain, Map<String, List<String>> placeholders)
            throws SigmaRuleException {
        for (int i = 0; i < chain.size(); i++) {
            String name = chain.get(i);
            ModifierUse use = new ModifierUse(name, chain, i, placeholders, item.span(), item.quote());
            Optional<Modifier> m = byName(name);
            if (m.isEmpty()) {
                String hint = Suggestions.closest(name, BY_NAME.keySet()).map(s -> "did you mean '" + s + "'? ").orElse("")
                        + "allowed: " + String.join(", ", BY_NAME.keySet());
                throw use.error("sigma/unknown-modifier", "unknown modifier '" + name + "' in '" + item.quote() + "'", hint);
            }
            m.get().apply(item, use);
        }
    }
}

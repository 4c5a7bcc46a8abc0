package dev.vigil.dialects.sigma;

import dev.vigil.core.ir.CompareOp;
import dev.vigil.core.ir.StringOp;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A value in a detection item, as pySigma types it. Modifiers turn one kind into another (a string into a
 * regex, a number into a comparison, one string into an {@link Expansion} of alternatives).
 */
public sealed interface SigmaValue permits SigmaString, SigmaValue.Number, SigmaValue.Bool, SigmaValue.Null,
        SigmaValue.Regex, SigmaValue.Cidr, SigmaValue.Comparison, SigmaValue.FieldRef, SigmaValue.Existence,
        SigmaValue.Expansion, SigmaValue.TimePart {

    /** A YAML 1.1 number; {@code text} is what the author wrote ({@code 0x17}, {@code 010}, {@code 4688}). */
    record Number(String text, double value) implements SigmaValue {
        /** True when the text is the plain decimal spelling an event would carry. */
        public boolean canonical() {
            return DECIMAL.matcher(text).matches();
        }
    }

    /** A YAML 1.1 boolean ({@code true}, {@code yes}, {@code off}, ...), keeping the author's text. */
    record Bool(String text, boolean value) implements SigmaValue {
    }

    /** YAML null: the field is absent. */
    record Null() implements SigmaValue {
    }

    /** {@code re}: an RE2 pattern with its flags ({@code i}, {@code m}, {@code s}). */
    record Regex(String pattern, Set<Character> flags) implements SigmaValue {
        public Regex {
            flags = Set.copyOf(flags);
        }
    }

    record Cidr(String network) implements SigmaValue {
    }

    /** {@code gt gte lt lte}. */
    record Comparison(CompareOp op, double value) implements SigmaValue {
    }

    /** {@code fieldref}: compare with another field of the same event. */
    record FieldRef(String field, StringOp op) implements SigmaValue {
    }

    /** {@code exists: true|false}. */
    record Existence(boolean present) implements SigmaValue {
    }

    /** Alternatives produced by one value ({@code windash}, {@code base64offset}, {@code expand}); always OR-linked. */
    record Expansion(List<SigmaValue> alternatives) implements SigmaValue {
        public Expansion {
            alternatives = List.copyOf(alternatives);
        }
    }

    /** A date part ({@code minute}, {@code hour}, ...) of a timestamp field compared with a number. */
    record TimePart(String part, int value) implements SigmaValue {
    }

    Pattern DECIMAL = Pattern.compile("-?(0|[1-9][0-9]*)");
    Pattern INT = Pattern.compile("[-+]?(0|[1-9][0-9_]*)");
    Pattern OCT = Pattern.compile("[-+]?0[0-7_]+");
    Pattern HEX = Pattern.compile("[-+]?0x[0-9a-fA-F_]+");
    Pattern BIN = Pattern.compile("[-+]?0b[0-1_]+");
    Pattern FLOAT = Pattern.compile("[-+]?([0-9][0-9_]*)?\\.[0-9.]*([eE][-+][0-9]+)?");
    Set<String> BOOLEANS = Set.of("yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
            "on", "On", "ON", "off", "Off", "OFF");

    /**
     * The value PyYAML's YAML 1.1 resolver would give a scalar (what pySigma sees), keeping the author's text:
     * quoted scalars are strings; plain ones may be null, a boolean, an integer (decimal, octal {@code 010},
     * hex {@code 0x17}, binary, with {@code _} separators) or a float.
     */
    static SigmaValue of(ScalarNode n) {
        String t = n.getValue();
        if (!n.isPlain()) {
            return SigmaString.parse(t);
        }
        if (SigmaYaml.isNull(n)) {
            return new Null();
        }
        // Booleans and numbers start with one of these; most values (paths, command lines) do not, and
        // are not put through seven patterns each.
        if (t.isEmpty() || "yYnNtTfFoO+-.0123456789".indexOf(t.charAt(0)) < 0) {
            return SigmaString.parse(t);
        }
        if (BOOLEANS.contains(t)) {
            char c = Character.toLowerCase(t.charAt(0));
            return new Bool(t, c == 'y' || c == 't' || t.equalsIgnoreCase("on"));
        }
        Double d = Character.isLetter(t.charAt(0)) ? null : number(t);
        return d == null ? SigmaString.parse(t) : new Number(t, d);
    }

    private static Double number(String t) {
        try {
            String s = t.replace("_", "");
            boolean neg = s.startsWith("-");
            String body = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
            if (HEX.matcher(t).matches()) {
                return sign(neg, Long.parseLong(body.substring(2), 16));
            }
            if (BIN.matcher(t).matches()) {
                return sign(neg, Long.parseLong(body.substring(2), 2));
            }
            if (OCT.matcher(t).matches()) {
                return sign(neg, Long.parseLong(body, 8));
            }
            if (INT.matcher(t).matches()) {
                return Double.parseDouble(s);
            }
            if (FLOAT.matcher(t).matches() && !body.equals(".")) {
                return Double.parseDouble(s);
            }
        } catch (NumberFormatException e) {
            return null; // out of range or odd float text: PyYAML would still type it, but the text form is what matters
        }
        return null;
    }

    private static double sign(boolean neg, long v) {
        return neg ? -v : v;
    }
}

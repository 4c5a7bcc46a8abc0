package dev.vigil.core.engine;

import dev.vigil.core.event.CanonicalEvent;
import dev.vigil.core.event.EventClass;
import dev.vigil.core.event.Origin;
import dev.vigil.core.ir.CompareOp;
import dev.vigil.core.ir.Expr;
import dev.vigil.core.ir.StringOp;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random expressions and events for the property tests that hold the optimised engine to the reference
 * interpreter. The vocabulary is small on purpose, so that random needles and values often meet, and
 * it holds the case-folding traps (dotted and dotless i, final sigma, Kelvin sign, surrogate pairs).
 */
final class RandomIr {

    static final String[] FIELDS = {"Image", "CommandLine", "User", "ParentImage", "ProcessId", "DestinationIp",
        "Missing"};
    static final String[] WORDS = {"net", "NET", "share", "/delete", "\\", "*", "?", "a", "İ", "ı", "Σ", "σ", "ς",
        "K", "\u212a", "cmd.exe", "C:\\Windows\\", "", "\ud801\udc00", "\ud801\udc28", "Net.EXE", "ab", "b",
        "10.1.2.3", "42", "0x2a"};
    static final String[] REGEXES = {"n.t", "(?:cmd|net)\\.exe", "net\\.exe", "c(md)?\\.exe", "a{2}b", "\\x41b",
        "(?i)share", "sh+are", "ne?t", "[a-c]md\\.", "^net", "exe$", "\\pLnet", "\\Qnet.\\E", "cmd|net",
        "\u03a3\u03c3", "ab", "(net|cmd)\\.", "(?:share|delete) ", "(NET|c)a", "(a|b)?net", "x(net|)",
        "[[:alpha:]net]md", "[]x]net", "n[[:digit:]e]t"};
    static final EventClass[] CLASSES = {
        new EventClass("windows", "process_creation", "sysmon"),
        new EventClass("windows", "process_creation", "security"),
        new EventClass("windows", null, "system"),
        EventClass.UNKNOWN};

    private RandomIr() {
    }

    static Expr expr(Random r, int depth) {
        int k = depth == 0 ? 3 + r.nextInt(6) : r.nextInt(9);
        switch (k) {
            case 0:
            case 1: {
                List<Expr> terms = new ArrayList<>();
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    terms.add(expr(r, depth - 1));
                }
                return k == 0 ? new Expr.And(terms) : new Expr.Or(terms);
            }
            case 2:
                return new Expr.Not(expr(r, depth - 1));
            case 3:
                return r.nextInt(10) == 0 ? new Expr.Exists(field(r), null)
                        : new Expr.Match(r.nextInt(15) == 0 ? "*" : field(r), StringOp.REGEX,
                                REGEXES[r.nextInt(REGEXES.length)], r.nextBoolean(), null);
            case 4:
                return new Expr.Const(r.nextInt(3) > 0, "", null);
            case 5:
                return new Expr.Compare(field(r), CompareOp.values()[r.nextInt(CompareOp.values().length)],
                        r.nextInt(60), null);
            case 6:
                return new Expr.Cidr(field(r), r.nextBoolean() ? "10.0.0.0/8" : "10.1.2.0/30", null);
            default:
                StringOp op = StringOp.values()[r.nextInt(StringOp.values().length - 1)];
                return new Expr.Match(field(r), op, word(r) + (r.nextBoolean() ? word(r) : ""), r.nextBoolean(), null);
        }
    }

    static CanonicalEvent event(Random r) {
        CanonicalEvent e = new CanonicalEvent(new Origin("test", 1, 0));
        e.eventClass(CLASSES[r.nextInt(CLASSES.length)]);
        for (String f : FIELDS) {
            int k = r.nextInt(4);
            if (k == 1) {
                e.put(f, word(r) + word(r) + word(r));
            } else if (k == 2) {
                e.put(f, new String[] {word(r), word(r) + word(r)});
            } else if (k == 3) {
                e.put(f, word(r));
            }
        }
        return e;
    }

    static String field(Random r) {
        return FIELDS[r.nextInt(FIELDS.length)];
    }

    static String word(Random r) {
        return WORDS[r.nextInt(WORDS.length)];
    }
}

package dev.vigil.dialects.catalog;

import dev.vigil.core.analytic.Analytic;
import dev.vigil.core.analytic.AttackRef;
import dev.vigil.core.analytic.D3fendRef;
import dev.vigil.core.analytic.Implementation;
import dev.vigil.core.analytic.QuerySource;
import dev.vigil.core.analytic.Risk;
import dev.vigil.core.diag.Diagnostic;
import dev.vigil.core.diag.Severity;
import dev.vigil.core.diag.SourceSpan;
import dev.vigil.core.ir.CompareOp;
import dev.vigil.core.ir.Expr;
import dev.vigil.core.ir.StringOp;

import java.util.ArrayList;
import java.util.List;

/** Reads one document {@link DocumentWriter} wrote, for {@link DocumentCodec}: its bytes and string table. */
final class DocumentReader {

    private static final StringOp[] STRING_OPS = StringOp.values();
    private static final CompareOp[] COMPARE_OPS = CompareOp.values();
    private static final Severity[] SEVERITIES = Severity.values();

    private final byte[] buf;
    private int at;
    private final int end;
    private final List<String> strings = new ArrayList<>();

    DocumentReader(byte[] buf, int at, int end) {
        this.buf = buf;
        this.at = at;
        this.end = end;
    }

    /** Whether every byte of the document has been read. */
    boolean atEnd() {
        return at == end;
    }

    private byte next() {
        if (at >= end) {
            throw new IllegalArgumentException("document ends early");
        }
        return buf[at++];
    }

    int count() {
        int v = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            byte b = next();
            v |= (b & 0x7F) << shift;
            if (b >= 0) {
                return v;
            }
        }
        throw new IllegalArgumentException("count too long");
    }

    boolean bool() {
        return count() != 0;
    }

    long longBits() {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v |= (next() & 0xFFL) << (8 * i);
        }
        return v;
    }

    String string() {
        int i = count();
        if (i == 0) {
            return null;
        }
        if (i <= strings.size()) {
            return strings.get(i - 1);
        }
        if (i != strings.size() + 1) {
            throw new IllegalArgumentException("string " + i + " out of order");
        }
        int n = count();
        if (n > end - at) {
            throw new IllegalArgumentException("string runs past the document");
        }
        String s = new String(buf, at, n, java.nio.charset.StandardCharsets.UTF_8);
        at += n;
        strings.add(s);
        return s;
    }

    List<String> strings() {
        int n = count();
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(string());
        }
        return out;
    }

    Integer nullableInt() {
        if (!bool()) {
            return null;
        }
        int z = count();
        return z >>> 1 ^ -(z & 1);
    }

    SourceSpan span() {
        return new SourceSpan(string(), count(), count());
    }

    Diagnostic diagnostic() {
        return new Diagnostic(SEVERITIES[count()], string(), string(), span(), string(), string());
    }

    List<Diagnostic> diagnostics() {
        int n = count();
        List<Diagnostic> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(diagnostic());
        }
        return out;
    }

    Analytic analytic() {
        String id = string();
        String title = string();
        String description = string();
        List<AttackRef> attack = new ArrayList<>();
        for (int n = count(); n > 0; n--) {
            attack.add(new AttackRef(string(), string(), string()));
        }
        List<D3fendRef> d3fend = new ArrayList<>();
        for (int n = count(); n > 0; n--) {
            d3fend.add(new D3fendRef(string(), string(), string()));
        }
        List<String> dataModelRefs = strings();
        Integer impact = nullableInt();
        Integer confidence = nullableInt();
        Double score = bool() ? Double.longBitsToDouble(longBits()) : null;
        Risk risk = new Risk(impact, confidence, score, string());
        List<String> falsePositives = strings();
        List<String> references = strings();
        List<Implementation> impls = new ArrayList<>();
        for (int n = count(); n > 0; n--) {
            String name = string();
            String dialect = string();
            String desc = string();
            String dataModel = string();
            String query = string();
            QuerySource source = bool() ? new QuerySource(string(), count(), count(), count()) : null;
            impls.add(new Implementation(name, dialect, desc, dataModel, query, source));
        }
        return new Analytic(id, title, description, attack, d3fend, dataModelRefs,
                risk.isUnknown() ? Risk.UNKNOWN : risk, falsePositives, references, impls, string());
    }

    Expr expr() {
        int tag = count();
        switch (tag) {
            case 0, 1 -> {
                int n = count();
                List<Expr> terms = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    terms.add(expr());
                }
                return tag == 0 ? new Expr.And(terms) : new Expr.Or(terms);
            }
            case 2 -> {
                return new Expr.Not(expr());
            }
            case 3 -> {
                return new Expr.Const(bool(), string(), span());
            }
            case 4 -> {
                return new Expr.Match(string(), STRING_OPS[count()], string(), bool(), span());
            }
            case 5 -> {
                return new Expr.Exists(string(), span());
            }
            case 6 -> {
                return new Expr.Compare(string(), COMPARE_OPS[count()], Double.longBitsToDouble(longBits()),
                        span());
            }
            case 7 -> {
                return new Expr.Cidr(string(), string(), span());
            }
            case 8 -> {
                return new Expr.FieldCompare(string(), STRING_OPS[count()], string(), bool(), span());
            }
            default -> throw new IllegalArgumentException("unknown expression tag " + tag);
        }
    }
}

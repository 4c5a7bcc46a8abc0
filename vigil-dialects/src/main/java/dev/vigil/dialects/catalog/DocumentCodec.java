package dev.vigil.dialects.catalog;

import dev.vigil.core.analytic.Analytic;
import dev.vigil.core.analytic.AttackRef;
import dev.vigil.core.analytic.D3fendRef;
import dev.vigil.core.analytic.EventScope;
import dev.vigil.core.analytic.Implementation;
import dev.vigil.core.analytic.Query;
import dev.vigil.core.analytic.QuerySource;
import dev.vigil.core.analytic.Risk;
import dev.vigil.core.diag.Diagnostic;
import dev.vigil.core.diag.Severity;
import dev.vigil.core.diag.SourceSpan;
import dev.vigil.core.event.EventClass;
import dev.vigil.core.ir.CompareOp;
import dev.vigil.core.ir.Expr;
import dev.vigil.core.ir.StringOp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link DocumentLoad} as bytes, for the {@link RuleCache}. Only documents made of plain queries are
 * written ({@link #encodable}): no offline tests, no correlations, no pipeline stages; the rest are always
 * loaded from their text. Decoding gives a load equal to the encoded one, record by record.
 *
 * <p>Layout: every value in order of the records' components; counts and indexes as unsigned varints;
 * strings through a table local to the document (0 is null, {@code n} the n-th string seen, one past
 * the table a new string whose UTF-8 bytes follow), so the file names in spans cost a byte or two.
 */
final class DocumentCodec {

    private static final StringOp[] STRING_OPS = StringOp.values();
    private static final CompareOp[] COMPARE_OPS = CompareOp.values();
    private static final Severity[] SEVERITIES = Severity.values();
    private static final ImplementationStatus[] STATUSES = ImplementationStatus.values();

    private DocumentCodec() {
    }

    /** Whether the cache can hold this document: nothing in it but analytics, queries and diagnostics. */
    static boolean encodable(DocumentLoad doc) {
        if (!doc.tests().isEmpty() || !doc.drafts().isEmpty()) {
            return false;
        }
        for (DocumentLoad.Compiled c : doc.analytics()) {
            if (c.loaded().analytic() != c.analytic()) {
                return false;
            }
            for (LoadedImplementation i : c.loaded().implementations()) {
                if (c.analytic().implementations().indexOf(i.implementation()) < 0) {
                    return false;
                }
                for (Query q : i.queries()) {
                    if (q.hasStages()) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** The document's bytes; the caller has checked {@link #encodable}. */
    static byte[] encode(DocumentLoad doc) {
        Out out = new Out();
        out.string(doc.file());
        out.bool(doc.counted());
        out.bool(doc.unrecognised());
        out.count(doc.names().size());
        doc.names().forEach((k, v) -> {
            out.string(k);
            out.string(v);
        });
        out.count(doc.diagnostics().size());
        doc.diagnostics().forEach(out::diagnostic);
        out.count(doc.analytics().size());
        for (DocumentLoad.Compiled c : doc.analytics()) {
            out.analytic(c.analytic());
            out.count(c.loaded().implementations().size());
            for (LoadedImplementation i : c.loaded().implementations()) {
                out.count(c.analytic().implementations().indexOf(i.implementation()));
                out.count(i.status().ordinal());
                out.count(i.queries().size());
                for (Query q : i.queries()) {
                    out.string(q.label());
                    out.count(q.scope().selectors().size());
                    for (EventClass e : q.scope().selectors()) {
                        out.string(e.product());
                        out.string(e.category());
                        out.string(e.service());
                    }
                    out.expr(q.filter());
                }
                out.count(i.diagnostics().size());
                i.diagnostics().forEach(out::diagnostic);
            }
        }
        return out.bytes();
    }

    /** The document {@link #encode} wrote; {@link IllegalArgumentException} when the bytes are not one. */
    static DocumentLoad decode(byte[] bytes, int offset, int length) {
        In in = new In(bytes, offset, offset + length);
        try {
            String file = in.string();
            boolean counted = in.bool();
            boolean unrecognised = in.bool();
            Map<String, String> names = new LinkedHashMap<>();
            for (int n = in.count(); n > 0; n--) {
                names.put(in.string(), in.string());
            }
            List<Diagnostic> diagnostics = in.diagnostics();
            int analytics = in.count();
            List<DocumentLoad.Compiled> compiled = new ArrayList<>(analytics);
            for (int a = 0; a < analytics; a++) {
                Analytic analytic = in.analytic();
                int implementations = in.count();
                List<LoadedImplementation> loaded = new ArrayList<>(implementations);
                for (int i = 0; i < implementations; i++) {
                    Implementation impl = analytic.implementations().get(in.count());
                    ImplementationStatus status = STATUSES[in.count()];
                    int queries = in.count();
                    List<Query> qs = new ArrayList<>(queries);
                    for (int q = 0; q < queries; q++) {
                        String label = in.string();
                        List<EventClass> selectors = new ArrayList<>();
                        for (int s = in.count(); s > 0; s--) {
                            selectors.add(new EventClass(in.string(), in.string(), in.string()));
                        }
                        qs.add(new Query(label, new EventScope(selectors), in.expr()));
                    }
                    loaded.add(new LoadedImplementation(impl, status, qs, in.diagnostics()));
                }
                compiled.add(new DocumentLoad.Compiled(analytic, new LoadedAnalytic(analytic, loaded)));
            }
            if (in.at != in.end) {
                throw new IllegalArgumentException("trailing bytes after a document");
            }
            return new DocumentLoad(file, counted, unrecognised, compiled, List.of(), List.of(), names, diagnostics);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            // Out-of-range indexes and the records' own checks: the bytes are not a document this build wrote.
            throw new IllegalArgumentException("not a cached document: " + e, e);
        }
    }

    /** Writing side: a growable buffer and the document's string table. */
    private static final class Out {
        private byte[] buf = new byte[1024];
        private int len;
        private final Map<String, Integer> strings = new java.util.HashMap<>();

        byte[] bytes() {
            return java.util.Arrays.copyOf(buf, len);
        }

        private void room(int n) {
            if (len + n > buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
            }
        }

        void count(int v) {
            room(5);
            while ((v & ~0x7F) != 0) {
                buf[len++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buf[len++] = (byte) v;
        }

        void bool(boolean b) {
            count(b ? 1 : 0);
        }

        void longBits(long v) {
            room(8);
            for (int i = 0; i < 8; i++) {
                buf[len++] = (byte) (v >>> (8 * i));
            }
        }

        void string(String s) {
            if (s == null) {
                count(0);
                return;
            }
            Integer seen = strings.get(s);
            if (seen != null) {
                count(seen);
                return;
            }
            strings.put(s, strings.size() + 1);
            count(strings.size());
            byte[] utf8 = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            count(utf8.length);
            room(utf8.length);
            System.arraycopy(utf8, 0, buf, len, utf8.length);
            len += utf8.length;
        }

        void strings(List<String> list) {
            count(list.size());
            list.forEach(this::string);
        }

        void nullableInt(Integer v) {
            bool(v != null);
            if (v != null) {
                count(v << 1 ^ v >> 31);
            }
        }

        void span(SourceSpan s) {
            string(s.file());
            count(s.line());
            count(s.column());
        }

        void diagnostic(Diagnostic d) {
            count(d.severity().ordinal());
            string(d.code());
            string(d.message());
            span(d.span());
            string(d.quote());
            string(d.hint());
        }

        void analytic(Analytic a) {
            string(a.id());
            string(a.title());
            string(a.description());
            count(a.attack().size());
            a.attack().forEach(r -> {
                string(r.technique());
                string(r.tactic());
                string(r.coverage());
            });
            count(a.d3fend().size());
            a.d3fend().forEach(r -> {
                string(r.id());
                string(r.label());
                string(r.iri());
            });
            strings(a.dataModelRefs());
            nullableInt(a.risk().impact());
            nullableInt(a.risk().confidence());
            bool(a.risk().score() != null);
            if (a.risk().score() != null) {
                longBits(Double.doubleToRawLongBits(a.risk().score()));
            }
            string(a.risk().level());
            strings(a.falsePositives());
            strings(a.references());
            count(a.implementations().size());
            for (Implementation i : a.implementations()) {
                string(i.name());
                string(i.dialect());
                string(i.description());
                string(i.dataModel());
                string(i.query());
                QuerySource s = i.source();
                bool(s != null);
                if (s != null) {
                    string(s.file());
                    count(s.firstLine());
                    count(s.firstColumn());
                    count(s.indent());
                }
            }
            string(a.origin());
        }

        void expr(Expr e) {
            if (e instanceof Expr.And x) {
                count(0);
                count(x.terms().size());
                x.terms().forEach(this::expr);
            } else if (e instanceof Expr.Or x) {
                count(1);
                count(x.terms().size());
                x.terms().forEach(this::expr);
            } else if (e instanceof Expr.Not x) {
                count(2);
                expr(x.term());
            } else if (e instanceof Expr.Const x) {
                count(3);
                bool(x.value());
                string(x.why());
                span(x.span());
            } else if (e instanceof Expr.Match x) {
                count(4);
                string(x.field());
                count(x.op().ordinal());
                string(x.needle());
                bool(x.caseSensitive());
                span(x.span());
            } else if (e instanceof Expr.Exists x) {
                count(5);
                string(x.field());
                span(x.span());
            } else if (e instanceof Expr.Compare x) {
                count(6);
                string(x.field());
                count(x.op().ordinal());
                longBits(Double.doubleToRawLongBits(x.value()));
                span(x.span());
            } else if (e instanceof Expr.Cidr x) {
                count(7);
                string(x.field());
                string(x.cidr());
                span(x.span());
            } else if (e instanceof Expr.FieldCompare x) {
                count(8);
                string(x.field());
                count(x.op().ordinal());
                string(x.other());
                bool(x.caseSensitive());
                span(x.span());
            } else {
                throw new IllegalArgumentException("no encoding for " + e.getClass());
            }
        }
    }

    /** Reading side: the bytes of one document and its string table. */
    private static final class In {
        private final byte[] buf;
        private int at;
        private final int end;
        private final List<String> strings = new ArrayList<>();

        In(byte[] buf, int at, int end) {
            this.buf = buf;
            this.at = at;
            this.end = end;
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
}

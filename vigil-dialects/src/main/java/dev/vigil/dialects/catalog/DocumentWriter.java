package dev.vigil.dialects.catalog;

import dev.vigil.core.analytic.Analytic;
import dev.vigil.core.analytic.Implementation;
import dev.vigil.core.analytic.QuerySource;
import dev.vigil.core.diag.Diagnostic;
import dev.vigil.core.diag.SourceSpan;
import dev.vigil.core.ir.Expr;

import java.util.List;
import java.util.Map;

/** Writes one document's values for {@link DocumentCodec}: a growable buffer and the document's string table. */
final class DocumentWriter {

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

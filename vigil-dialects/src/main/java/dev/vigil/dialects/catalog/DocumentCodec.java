package dev.vigil.dialects.catalog;

import dev.vigil.core.analytic.Analytic;
import dev.vigil.core.analytic.EventScope;
import dev.vigil.core.analytic.Implementation;
import dev.vigil.core.analytic.Query;
import dev.vigil.core.diag.Diagnostic;
import dev.vigil.core.event.EventClass;

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

    private static final ImplementationStatus[] STATUSES = ImplementationStatus.values();

    private DocumentCodec() {
    }

    /** Whether the codec can hold this document: nothing in it but analytics, queries and diagnostics. */
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
        DocumentWriter out = new DocumentWriter();
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
        DocumentReader in = new DocumentReader(bytes, offset, offset + length);
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
            if (!in.atEnd()) {
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
}

package dev.vigil.formats.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every SigmaHQ regression_data {@code X.evtx} against its {@code X.json}, the evtx crate's
 * rendering: same records, and every System and EventData/UserData value equal after
 * {@link CorpusFiles#norm} normalisation.
 */
class EvtxGoldenTest {
    private static final JsonFactory JSON = new JsonFactory();

    /**
     * Fields where the JSON does not match the bytes of its .evtx. Checked by hand with
     * {@code evtxexport -f xml}, which agrees with our decoding: the JSON was edited after export.
     */
    private static final Map<String, String> JSON_EDITED = Map.of(
            // proc_creation_win_susp_right_to_left_override: the record holds "Explorer.EXE".
            "ad691d92-15f2-4181-9aa4-723c74f9ddc3", "EventData/ParentCommandLine");

    @Test
    void regressionPairsMatchFieldForField() throws IOException {
        Path dir = CorpusFiles.require("SigmaHQ-sigma/regression_data");
        int pairs = 0;
        int matched = 0;
        long records = 0;
        List<String> failures = new ArrayList<>();
        for (Path evtx : CorpusFiles.evtxFiles(dir)) {
            String base = evtx.getFileName().toString().replaceFirst("\\.evtx$", "");
            Path json = evtx.resolveSibling(base + ".json");
            if (!Files.exists(json)) {
                continue;
            }
            pairs++;
            List<Map<String, List<String>>> expected = expected(json);
            List<Map<String, List<String>>> actual = new ArrayList<>();
            EvtxDamageCollector damage = new EvtxDamageCollector();
            try (EvtxFile f = EvtxFile.open(evtx, EvtxOptions.defaults().withDamageListener(damage))) {
                for (EvtxRecord r : f) {
                    actual.add(CorpusFiles.flatten(r.event()));
                }
            }
            String edited = JSON_EDITED.get(base);
            if (edited != null) {
                expected.forEach(m -> m.remove(edited));
                actual.forEach(m -> m.remove(edited));
            }
            String problem = compare(expected, actual);
            if (problem == null) {
                matched++;
                records += actual.size();
            } else {
                failures.add(evtx + ": " + problem);
            }
        }
        System.out.printf("regression_data: %d/%d pairs matched, %d records%n", matched, pairs,
                records);
        assertThat(failures).isEmpty();
        assertThat(pairs).isPositive();
    }

    private static String compare(List<Map<String, List<String>>> expected,
            List<Map<String, List<String>>> actual) {
        if (expected.size() != actual.size()) {
            return "expected " + expected.size() + " records, decoded " + actual.size();
        }
        for (int i = 0; i < expected.size(); i++) {
            Map<String, List<String>> e = expected.get(i);
            Map<String, List<String>> a = actual.get(i);
            if (!e.equals(a)) {
                for (String k : e.keySet()) {
                    if (!e.get(k).equals(a.get(k))) {
                        return "record " + e.get("System/EventRecordID") + " field " + k + ": expected "
                                + e.get(k) + " got " + a.get(k);
                    }
                }
                for (String k : a.keySet()) {
                    if (!e.containsKey(k)) {
                        return "record " + e.get("System/EventRecordID") + " unexpected field " + k + "="
                                + a.get(k);
                    }
                }
            }
        }
        return null;
    }

    /** Reads the stream of {@code {"Event": ...}} documents into flattened maps. */
    static List<Map<String, List<String>>> expected(Path json) throws IOException {
        List<Map<String, List<String>>> out = new ArrayList<>();
        try (JsonParser p = JSON.createParser(json.toFile())) {
            while (p.nextToken() == JsonToken.START_OBJECT) {
                Object doc = read(p);
                Object event = ((Map<?, ?>) doc).get("Event");
                Map<String, List<String>> flat = new LinkedHashMap<>();
                if (event instanceof Map<?, ?> m) {
                    for (Map.Entry<?, ?> en : m.entrySet()) {
                        if (!en.getKey().equals("#attributes")) {
                            flattenJson((String) en.getKey(), en.getValue(), flat);
                        }
                    }
                }
                out.add(flat);
            }
        }
        return out;
    }

    private static void flattenJson(String path, Object v, Map<String, List<String>> out) {
        if (v instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> en : m.entrySet()) {
                String k = (String) en.getKey();
                if (k.equals("#attributes")) {
                    for (Map.Entry<?, ?> a : ((Map<?, ?>) en.getValue()).entrySet()) {
                        CorpusFiles.put(out, path + "/@" + a.getKey(), text(a.getValue()));
                    }
                } else if (k.equals("#text")) {
                    if (en.getValue() instanceof List<?> l) {
                        for (Object o : l) {
                            CorpusFiles.put(out, path, text(o));
                        }
                    } else {
                        CorpusFiles.put(out, path, text(en.getValue()));
                    }
                } else {
                    flattenJson(path + "/" + k, en.getValue(), out);
                }
            }
        } else if (v instanceof List<?> l) {
            for (Object o : l) {
                flattenJson(path, o, out);
            }
        } else {
            CorpusFiles.put(out, path, text(v));
        }
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }

    private static Object read(JsonParser p) throws IOException {
        switch (p.currentToken()) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String k = p.currentName();
                    p.nextToken();
                    m.put(k, read(p));
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    l.add(read(p));
                }
                return l;
            }
            case VALUE_NULL -> {
                return null;
            }
            case VALUE_NUMBER_FLOAT -> {
                return Double.toString(p.getDoubleValue());
            }
            default -> {
                return p.getText();
            }
        }
    }
}

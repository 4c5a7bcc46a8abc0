package dev.vigil.formats.evtx;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Access to the shared EVTX corpus and the value normalisation used to compare our rendering
 * with other tools (GUID case and braces, hex case and zero padding, time precision, float
 * formatting, surrounding whitespace).
 */
final class CorpusFiles {
    private static final Pattern GUID =
            Pattern.compile("\\{?([0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})\\}?");
    private static final Pattern TIME =
            Pattern.compile("(\\d{4}-\\d\\d-\\d\\d[T ]\\d\\d:\\d\\d:\\d\\d)(?:\\.(\\d+))?Z");
    private static final Pattern HEX = Pattern.compile("0[xX]0*([0-9A-Fa-f]+)");
    private static final Pattern FLOAT = Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)|-?\\d+\\.\\d+");

    private CorpusFiles() {}

    static Path root() {
        return Path.of(System.getProperty("vigil.corpus", "../../shared/corpus"));
    }

    /** Skips the calling test when the corpus (or a part of it) is absent. */
    static Path require(String relative) {
        Path p = relative.isEmpty() ? root() : root().resolve(relative);
        assumeTrue(Files.exists(p), "corpus absent: " + p.toAbsolutePath()
                + " (set -Dvigil.corpus to the shared corpus folder)");
        return p;
    }

    static List<Path> evtxFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".evtx"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        }
    }

    /** Canonical form of one rendered value, so that tools' rendering choices compare equal. */
    static String norm(String v) {
        if (v == null) {
            return "";
        }
        String s = v.strip();
        Matcher g = GUID.matcher(s);
        if (g.matches()) {
            return g.group(1).toUpperCase(Locale.ROOT);
        }
        Matcher t = TIME.matcher(s);
        if (t.matches()) {
            String frac = t.group(2) == null ? "" : t.group(2);
            frac = (frac + "000000000").substring(0, 6);
            return t.group(1).replace(' ', 'T') + "." + frac + "Z";
        }
        Matcher h = HEX.matcher(s);
        if (h.matches()) {
            return "0x" + h.group(1).toLowerCase(Locale.ROOT);
        }
        if (FLOAT.matcher(s).matches()) {
            try {
                return Double.toString(Double.parseDouble(s));
            } catch (NumberFormatException e) {
                return s;
            }
        }
        return s;
    }

    /**
     * Flattens an event to path to values: {@code System/EventID}, {@code System/Provider/@Name},
     * {@code EventData/<Name>} for named Data, {@code EventData/Data} for unnamed ones, and plain
     * element paths below UserData. Elements with attributes but no text get no text entry, the
     * way the evtx crate's JSON has no {@code #text} for them.
     */
    static Map<String, List<String>> flatten(EvtxElement event) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (EvtxNode n : event.children()) {
            if (n instanceof EvtxElement e) {
                flatten(e, e.name(), e.name().equals("EventData"), out);
            }
        }
        return out;
    }

    private static void flatten(EvtxElement e, String path, boolean eventData,
            Map<String, List<String>> out) {
        boolean hasElements = false;
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (EvtxNode n : e.children()) {
            if (n instanceof EvtxElement c) {
                hasElements = true;
                String name = c.name();
                String dataName = eventData && name.equals("Data") ? c.attribute("Name") : null;
                if (dataName != null) {
                    int k = seen.merge(dataName, 1, Integer::sum);
                    String key = path + "/" + (k == 1 ? dataName : dataName + "_" + (k - 1));
                    put(out, key, c.text());
                    continue;
                }
                flatten(c, path + "/" + name, false, out);
            }
        }
        for (EvtxAttribute a : e.attributes()) {
            put(out, path + "/@" + a.name(), a.value());
        }
        if (!hasElements && (e.attributes().isEmpty() || !e.text().isEmpty())) {
            put(out, path, e.text());
        }
    }

    static void put(Map<String, List<String>> out, String key, String value) {
        out.computeIfAbsent(key, k -> new ArrayList<>()).add(norm(value));
    }
}

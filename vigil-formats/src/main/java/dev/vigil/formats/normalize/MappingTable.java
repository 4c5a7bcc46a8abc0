package dev.vigil.formats.normalize;

import dev.vigil.formats.WindowsRecord;
import dev.vigil.formats.transform.Transform;
import dev.vigil.formats.transform.TransformKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A field mapping kept as data: {@code src/main/resources/dev/vigil/formats/NAME.tsv}, one row per
 * canonical field: {@code source[,source...] <TAB> target <TAB> transform}; {@code #} starts a comment.
 * Rows apply in order and the first row that yields a value for a target wins, so a table lists its most
 * specific sources first.
 */
public final class MappingTable {

    /** {@code copy} rows keep multi-values as they are; other transforms work on text. */
    private record Row(String[] sources, String target, Transform transform, boolean copy) {}

    private final String name;
    private final List<Row> rows;
    private final Set<String> targets = new HashSet<>();

    private MappingTable(String name, List<Row> rows) {
        this.name = name;
        this.rows = rows;
        rows.forEach(r -> targets.add(r.target));
    }

    /** Loads {@code /dev/vigil/formats/NAME.tsv}; a broken table is a build defect, so it fails loudly. */
    public static MappingTable load(String name) {
        List<Row> rows = new ArrayList<>();
        for (String[] cols : Tsv.read(name, 3)) {
            TransformKind kind = TransformKind.byKey(cols[2]);
            if (kind == null) {
                throw new IllegalStateException(name + ".tsv: unknown transform '" + cols[2] + "'");
            }
            rows.add(new Row(cols[0].split(","), cols[1], kind.create(), kind == TransformKind.COPY));
        }
        return new MappingTable(name, List.copyOf(rows));
    }

    /** Maps the record's fields into {@code out} (first value per target wins). */
    public void apply(WindowsRecord in, WindowsRecord out) {
        for (Row row : rows) {
            if (out.get(row.target) != null) {
                continue;
            }
            String[] values = new String[row.sources.length];
            boolean any = false;
            for (int i = 0; i < values.length; i++) {
                values[i] = in.text(row.sources[i]);
                any |= values[i] != null;
            }
            if (!any) {
                continue;
            }
            if (row.copy) {
                out.putIfAbsent(row.target, in.get(row.sources[0]));
            } else {
                out.putIfAbsent(row.target, row.transform.apply(values));
            }
        }
    }

    /** Whether the table produces this canonical field (its raw namesake must then not leak through). */
    public boolean producesField(String field) {
        return targets.contains(field);
    }

    @Override
    public String toString() {
        return name + ".tsv (" + rows.size() + " rows)";
    }

    /** Reads the tab-separated data files shipped with the module. */
    static final class Tsv {
        private Tsv() {}

        static List<String[]> read(String name, int columns) {
            String resource = "/dev/vigil/formats/" + name + ".tsv";
            List<String[]> out = new ArrayList<>();
            try (InputStream in = MappingTable.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing data file " + resource);
                }
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                String line;
                int n = 0;
                while ((line = r.readLine()) != null) {
                    n++;
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] cols = line.split("\t");
                    if (cols.length != columns) {
                        throw new IllegalStateException(resource + ":" + n + ": expected " + columns + " tab-separated columns");
                    }
                    out.add(cols);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out;
        }
    }
}

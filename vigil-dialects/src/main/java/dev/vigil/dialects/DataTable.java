package dev.vigil.dialects;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads Vigil's tab-separated data files: {@code #} starts a comment line, blank lines are skipped. */
public final class DataTable {

    private DataTable() {
    }

    public static List<String[]> rows(BufferedReader r) throws IOException {
        List<String[]> out = new ArrayList<>();
        String line;
        while ((line = r.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            out.add(line.split("\t", -1));
        }
        return out;
    }

    /** Rows of a resource next to {@code anchor}; a missing resource is a packaging bug, so it throws. */
    public static List<String[]> resource(Class<?> anchor, String name) {
        try (InputStream in = anchor.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing data file " + name + " beside " + anchor.getName());
            }
            return rows(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

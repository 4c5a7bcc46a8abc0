package dev.vigil.formats.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flattens one JSON object from a streaming parser into dotted names ({@code winlog.event_data.Image}):
 * scalars keep their text (numbers as written), arrays of scalars become {@code String[]}, objects inside
 * arrays contribute their leaves under the array's name (repeated leaves collect into {@code String[]}),
 * and {@code null} means absent.
 */
final class JsonFlattener {

    private JsonFlattener() {}

    /** The parser must stand on START_OBJECT; it is left on the matching END_OBJECT. */
    static Map<String, Object> flatten(JsonParser p) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        object(p, "", out);
        return out;
    }

    private static void object(JsonParser p, String prefix, Map<String, Object> out) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = prefix.isEmpty() ? p.currentName() : prefix + '.' + p.currentName();
            value(p, p.nextToken(), name, out);
        }
        if (t != JsonToken.END_OBJECT) {
            throw new IOException("unexpected " + t + " in object");
        }
    }

    private static void value(JsonParser p, JsonToken t, String name, Map<String, Object> out) throws IOException {
        if (t == JsonToken.START_OBJECT) {
            object(p, name, out);
        } else if (t == JsonToken.START_ARRAY) {
            array(p, name, out);
        } else if (t != JsonToken.VALUE_NULL && t != null) {
            add(out, name, p.getText());
        }
    }

    private static void array(JsonParser p, String name, Map<String, Object> out) throws IOException {
        List<String> scalars = null;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw new IOException("unterminated array");
            }
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                value(p, t, name, out);
            } else if (t != JsonToken.VALUE_NULL) {
                if (scalars == null) {
                    scalars = new ArrayList<>();
                }
                scalars.add(p.getText());
            }
        }
        if (scalars != null) {
            Object old = out.get(name);
            if (old == null) {
                out.put(name, scalars.toArray(new String[0]));
            } else {
                for (String s : scalars) {
                    add(out, name, s);
                }
            }
        }
    }

    private static void add(Map<String, Object> out, String name, String value) {
        Object old = out.putIfAbsent(name, value);
        if (old == null) {
            return;
        }
        if (old instanceof String[]) {
            String[] a = (String[]) old;
            String[] b = java.util.Arrays.copyOf(a, a.length + 1);
            b[a.length] = value;
            out.put(name, b);
        } else {
            out.put(name, new String[] {(String) old, value});
        }
    }
}

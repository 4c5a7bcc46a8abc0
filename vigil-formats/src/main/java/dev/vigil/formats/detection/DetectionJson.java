package dev.vigil.formats.detection;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.vigil.core.analytic.AttackRef;
import dev.vigil.core.analytic.Risk;
import dev.vigil.core.engine.Detection;
import dev.vigil.core.event.Event;
import dev.vigil.core.event.Field;
import dev.vigil.core.event.Origin;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The JSON shape of a detection, which other tools rely on:
 * <pre>
 * {"analytic":{"id","title","implementation"},"attack":[{"technique","tactic"}],"risk":{...},"time":"...Z",
 *  "host":"...","source":{"path","record"},"event":{...canonical fields...}}
 * </pre>
 * A row detection carries {@code "row":{...}} and {@code "sources":[{"path","record"},...]} instead of
 * {@code "source"} and {@code "event"}.
 */
public final class DetectionJson {

    private DetectionJson() {
    }

    public static void write(JsonGenerator g, Detection d) throws IOException {
        g.writeStartObject();
        g.writeObjectFieldStart("analytic");
        g.writeStringField("id", d.analytic().id());
        g.writeStringField("title", d.analytic().title());
        g.writeStringField("implementation", d.implementation().dialect());
        g.writeEndObject();
        g.writeArrayFieldStart("attack");
        for (AttackRef a : d.analytic().attack()) {
            g.writeStartObject();
            g.writeStringField("technique", a.technique());
            if (a.tactic() != null) {
                g.writeStringField("tactic", a.tactic());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        risk(g, d.analytic().risk());
        String time = Times.iso(d.timeMillis());
        if (time != null) {
            g.writeStringField("time", time);
        } else {
            g.writeNullField("time");
        }
        if (d.host() != null) {
            g.writeStringField("host", d.host());
        } else {
            g.writeNullField("host");
        }
        if (d.isRow()) {
            g.writeObjectFieldStart("row");
            for (Map.Entry<String, Object> e : d.row().entrySet()) {
                g.writeFieldName(e.getKey());
                value(g, e.getValue());
            }
            g.writeEndObject();
            g.writeArrayFieldStart("sources");
            for (Origin o : d.sources()) {
                origin(g, o);
            }
            g.writeEndArray();
        } else {
            g.writeFieldName("source");
            origin(g, d.event().origin());
            g.writeFieldName("event");
            event(g, d.event());
        }
        g.writeEndObject();
    }

    /** An event's canonical fields as one object, the {@code "event"} value. */
    public static void event(JsonGenerator g, Event e) throws IOException {
        g.writeStartObject();
        for (Field f : e.fields()) {
            g.writeFieldName(f.name());
            value(g, e.get(f));
        }
        g.writeEndObject();
    }

    private static void risk(JsonGenerator g, Risk r) throws IOException {
        g.writeObjectFieldStart("risk");
        if (r.score() != null) {
            g.writeNumberField("score", r.score());
        }
        if (r.impact() != null) {
            g.writeNumberField("impact", r.impact());
        }
        if (r.confidence() != null) {
            g.writeNumberField("confidence", r.confidence());
        }
        if (r.level() != null) {
            g.writeStringField("level", r.level());
        }
        g.writeEndObject();
    }

    /** Where a record came from, the {@code "source"} value: {@code {"path","record"}}. */
    public static void origin(JsonGenerator g, Origin o) throws IOException {
        g.writeStartObject();
        g.writeStringField("path", o.path());
        g.writeNumberField("record", o.record());
        g.writeEndObject();
    }

    private static void value(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String[] a) {
            g.writeStartArray();
            for (String s : a) {
                g.writeString(s);
            }
            g.writeEndArray();
        } else if (v instanceof List<?> l) {
            g.writeStartArray();
            for (Object o : l) {
                value(g, o);
            }
            g.writeEndArray();
        } else if (v instanceof Long || v instanceof Integer) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof Number n) {
            g.writeNumber(n.doubleValue());
        } else {
            g.writeString(v.toString());
        }
    }
}

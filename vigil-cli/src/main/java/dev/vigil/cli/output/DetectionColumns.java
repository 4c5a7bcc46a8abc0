package dev.vigil.cli.output;

import dev.vigil.core.analytic.AttackRef;
import dev.vigil.core.engine.Detection;
import dev.vigil.core.event.Event;
import dev.vigil.core.event.Field;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The flat columns the table and CSV writers show for a detection. */
final class DetectionColumns {

    static final Field IMAGE = Field.of("Image");
    static final Field COMMAND_LINE = Field.of("CommandLine");
    static final Field USER = Field.of("User");
    static final Field EVENT_ID = Field.of("EventID");

    private DetectionColumns() {
    }

    static String techniques(Detection d) {
        Set<String> t = new LinkedHashSet<>();
        for (AttackRef a : d.analytic().attack()) {
            t.add(a.technique());
        }
        return String.join(" ", t);
    }

    static String tactics(Detection d) {
        return d.analytic().attack().stream().map(AttackRef::tactic).filter(x -> x != null).distinct()
                .collect(Collectors.joining(" "));
    }

    static String source(Detection d) {
        if (d.isRow()) {
            return d.sources().size() + " events";
        }
        return d.event().origin().path() + "#" + d.event().origin().record();
    }

    static String field(Detection d, Field f) {
        if (d.isRow()) {
            Object v = d.row().get(f == COMMAND_LINE ? "process" : f.name());
            return v == null ? "" : v.toString();
        }
        Event e = d.event();
        String v = e.text(f);
        return v == null ? "" : v;
    }

    /** What the detection is about in one line: the command line, else the image, else the row. */
    static String summary(Detection d) {
        if (d.isRow()) {
            return d.row().entrySet().stream().map(DetectionColumns::pair).collect(Collectors.joining(" "));
        }
        String cl = field(d, COMMAND_LINE);
        return cl.isEmpty() ? field(d, IMAGE) : cl;
    }

    private static String pair(Map.Entry<String, Object> e) {
        return e.getKey() + "=" + e.getValue();
    }
}

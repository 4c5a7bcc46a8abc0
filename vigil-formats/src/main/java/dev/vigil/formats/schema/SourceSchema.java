package dev.vigil.formats.schema;

import dev.vigil.formats.WindowsRecord;
import java.util.Map;

/**
 * One JSON source schema (evtx_dump, ECS/Winlogbeat, NXLog/OTRF, ...): recognises a flattened JSON
 * object by its shape and turns it into a {@link WindowsRecord}. Listed in {@link SchemaKind}.
 */
public interface SourceSchema {

    /** Whether the object has this schema's shape; {@code flat} maps dotted names to String / String[]. */
    boolean accepts(Map<String, Object> flat);

    WindowsRecord toWindows(Map<String, Object> flat);
}

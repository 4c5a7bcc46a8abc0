package dev.vigil.formats.schema;

import dev.vigil.formats.WindowsRecord;
import java.util.Map;

/** Any JSON object no other schema recognises: kept with its raw (flattened) fields, class unknown. */
final class RawJsonSchema implements SourceSchema {

    @Override
    public boolean accepts(Map<String, Object> flat) {
        return true;
    }

    @Override
    public WindowsRecord toWindows(Map<String, Object> flat) {
        WindowsRecord rec = new WindowsRecord("json", false);
        flat.forEach(rec::put);
        return rec;
    }
}

package dev.vigil.formats.schema;

import dev.vigil.formats.WindowsRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The registry of JSON source schemas, tried in order per record (files may mix shapes); {@code RAW}
 * accepts any object, so an unrecognised object is still an event with its raw fields.
 */
public enum SchemaKind {
    EVTX_JSON(EvtxJsonSchema::new),
    ECS(EcsSchema::new),
    NXLOG(NxlogSchema::new),
    RAW(RawJsonSchema::new);

    private final Supplier<SourceSchema> factory;

    SchemaKind(Supplier<SourceSchema> factory) {
        this.factory = factory;
    }

    /** All schemas, instantiated once per reader, in registry order. */
    public static Schemas instantiate() {
        List<SourceSchema> list = new ArrayList<>();
        for (SchemaKind k : values()) {
            list.add(k.factory.get());
        }
        return new Schemas(list);
    }

    /** The instantiated schemas; picks the first that accepts a record. */
    public static final class Schemas {
        private final List<SourceSchema> list;

        Schemas(List<SourceSchema> list) {
            this.list = list;
        }

        public WindowsRecord toWindows(Map<String, Object> flat) {
            for (SourceSchema s : list) {
                if (s.accepts(flat)) {
                    return s.toWindows(flat);
                }
            }
            throw new IllegalStateException("the raw schema accepts every object");
        }
    }
}

package dev.vigil.formats.transform;

import java.util.Locale;
import java.util.function.Supplier;

/** The registry of transforms by the name the mapping tables use. */
public enum TransformKind {
    COPY("copy", Copy::new),
    HEX_TO_DECIMAL("hex-to-decimal", HexToDecimal::new),
    GUID("guid", GuidText::new),
    BASENAME("basename", Basename::new),
    SID_TO_INTEGRITY("sid-to-integrity", SidToIntegrity::new),
    DOMAIN_USER("domain-user", DomainUser::new),
    UPPER("upper", UpperCase::new);

    private final String key;
    private final Supplier<Transform> factory;

    TransformKind(String key, Supplier<Transform> factory) {
        this.key = key;
        this.factory = factory;
    }

    public String key() {
        return key;
    }

    public Transform create() {
        return factory.get();
    }

    /** The transform with this table name, or null when there is none. */
    public static TransformKind byKey(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        for (TransformKind t : values()) {
            if (t.key.equals(k)) {
                return t;
            }
        }
        return null;
    }
}

package dev.vigil.formats.normalize;

import dev.vigil.core.event.CanonicalEvent;
import dev.vigil.core.event.CommandLineCanonical;
import dev.vigil.core.event.EventClass;
import dev.vigil.core.event.Field;
import dev.vigil.core.event.Origin;
import dev.vigil.formats.WindowsRecord;
import dev.vigil.formats.transform.GuidText;
import java.util.List;
import java.util.Locale;

/**
 * Windows record → canonical event: picks the provider normalizer, writes canonical fields, then derived
 * fields, then the raw fields (so rules can still reach a source's own names), and sets class, time, host
 * and origin. One instance per reading thread (it reuses nothing across events but is cheap to share).
 */
public final class EventNormalizer {

    private static final String PRODUCT = "windows";

    private final List<ProviderNormalizer> providers = new java.util.ArrayList<>();
    private final ChannelServices services = new ChannelServices();
    private final EventCategories categories = new EventCategories();

    public EventNormalizer() {
        for (ProviderKind k : ProviderKind.values()) {
            providers.add(k.create());
        }
    }

    private java.util.List<String> optional = java.util.List.of();

    /**
     * Turns on opt-in derived fields ({@link CommandLineCanonical#FIELDS}) among {@code fieldsUsed}, the
     * fields the loaded analytics read; others are never computed.
     */
    public void derive(java.util.Set<String> fieldsUsed) {
        optional = CommandLineCanonical.FIELDS.keySet().stream().filter(fieldsUsed::contains).sorted().toList();
    }

    /** Normalizes one record found in {@code path}. */
    public CanonicalEvent normalize(WindowsRecord rec, String path) {
        if (!rec.isWindows()) {
            CanonicalEvent ev = new CanonicalEvent(new Origin(path, recordNumber(rec), rec.line()), rec.size());
            copyRaw(rec, ev, null, null);
            return ev.timeMillis(time(rec));
        }
        String eventId = rec.text("EventID");
        String provider = lower(rec.text("Provider_Name"));
        String service = services.service(rec.text("Channel"));
        ProviderNormalizer normalizer = select(service, provider);
        if (service == null && normalizer instanceof SysmonNormalizer) {
            service = "sysmon";
        }
        WindowsRecord canonical = new WindowsRecord(rec.schema(), true);
        normalizer.map(rec, eventId, canonical);
        // Canonical names are mostly raw names too: corpus events have one to ten fields more than their
        // record (a few have more, and grow their arrays).
        CanonicalEvent ev = new CanonicalEvent(new Origin(path, recordNumber(rec), rec.line()),
                rec.size() + optional.size() + 12);
        for (int i = 0; i < canonical.size(); i++) {
            put(ev, canonical.nameAt(i), canonical.valueAt(i));
        }
        Derivations.apply(name -> {
            String v = canonical.text(name);
            return v != null || normalizer.hidesRaw(eventId, name) ? v : rec.text(name);
        }, ev);
        copyRaw(rec, ev, normalizer, eventId);
        for (String derived : optional) {
            Object from = ev.get(Field.of(CommandLineCanonical.FIELDS.get(derived)));
            if (from instanceof String s) {
                ev.put(derived, CommandLineCanonical.of(s));
            }
        }
        ev.eventClass(new EventClass(PRODUCT, normalizer.category(rec, service, eventId, categories), service));
        ev.host(rec.text("Computer"));
        return ev.timeMillis(time(rec));
    }

    private ProviderNormalizer select(String service, String provider) {
        for (ProviderNormalizer p : providers) {
            if (p.accepts(service, provider)) {
                return p;
            }
        }
        throw new IllegalStateException("no provider normalizer accepts everything");
    }

    private static void copyRaw(WindowsRecord rec, CanonicalEvent ev, ProviderNormalizer normalizer, String eventId) {
        for (int i = 0; i < rec.size(); i++) {
            String name = rec.nameAt(i);
            Field f = Field.of(name);
            if (ev.get(f) != null || (normalizer != null && normalizer.hidesRaw(eventId, name))) {
                continue;
            }
            put(ev, f, rec.valueAt(i));
            if (name.indexOf(' ') >= 0) {
                // Defender and a few other providers name their data with spaces ("Threat Name"); rules
                // (SigmaHQ's among them) write the name without them. Both spellings are reachable.
                Field compact = Field.of(name.replace(" ", ""));
                if (ev.get(compact) == null) {
                    put(ev, compact, rec.valueAt(i));
                }
            }
        }
    }

    private static void put(CanonicalEvent ev, String name, Object value) {
        put(ev, Field.of(name), value);
    }

    /** GUID-typed fields ({@code ...Guid}, {@code ...GUID}) are normalised in place as they are written. */
    private static void put(CanonicalEvent ev, Field f, Object value) {
        String name = f.name();
        if (value instanceof String && (name.endsWith("Guid") || name.endsWith("GUID"))) {
            value = GuidText.normalize((String) value);
        }
        ev.put(f, value);
    }

    /** Time from TimeCreated, else Sysmon's UtcTime, else the shipper's @timestamp / EventTime. */
    private static long time(WindowsRecord rec) {
        long t = EventTime.parse(rec.text("TimeCreated"));
        if (t == Long.MIN_VALUE) {
            t = EventTime.parse(rec.text("UtcTime"));
        }
        if (t == Long.MIN_VALUE) {
            t = EventTime.parse(rec.text("@timestamp"));
        }
        if (t == Long.MIN_VALUE) {
            t = EventTime.parse(rec.text("EventTime"));
        }
        return t;
    }

    /** The EventRecordID when the source has a numeric one, else the record's ordinal in its file. */
    private static long recordNumber(WindowsRecord rec) {
        String id = rec.text("EventRecordID");
        if (id != null && !id.isEmpty() && id.length() < 19) {
            long v = 0;
            for (int i = 0; i < id.length(); i++) {
                char c = id.charAt(i);
                if (c < '0' || c > '9') {
                    return rec.ordinal();
                }
                v = v * 10 + (c - '0');
            }
            return v;
        }
        return rec.ordinal();
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}

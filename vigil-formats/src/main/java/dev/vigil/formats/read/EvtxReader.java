package dev.vigil.formats.read;

import dev.vigil.formats.EvtxDecoder;
import dev.vigil.formats.RecordSink;
import dev.vigil.formats.WindowsRecord;
import dev.vigil.formats.evtx.EvtxAttribute;
import dev.vigil.formats.evtx.EvtxDamage;
import dev.vigil.formats.evtx.EvtxElement;
import dev.vigil.formats.evtx.EvtxField;
import dev.vigil.formats.evtx.EvtxFile;
import dev.vigil.formats.evtx.EvtxNode;
import dev.vigil.formats.evtx.EvtxOptions;
import dev.vigil.formats.evtx.EvtxRecord;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Feeds EVTX files through Vigil's native decoder into {@link WindowsRecord}s named exactly as the XML
 * reader names them ({@code System/E} → {@code E}, {@code System/E/@A} → {@code E_A}, EventData
 * {@code Data[@Name]} → its name, UserData leaves → their names), so one set of normalizers serves both.
 * Damage is reported per record or chunk with the file, chunk and offset, and decoding goes on. Records are
 * named by their EventRecordID in problems, as damage is, so a file read in parts names them the same. Unused
 * (all-zero) chunks are normal in pre-allocated logs and are not reported.
 */
public final class EvtxReader implements EvtxDecoder {

    /** @throws dev.vigil.formats.evtx.EvtxFormatException when the file has no usable EVTX header */
    @Override
    public void decode(Path file, String displayPath, RecordSink sink) throws IOException {
        EvtxOptions options = EvtxOptions.defaults().withDamageListener(d -> damage(d, sink));
        try (EvtxFile evtx = EvtxFile.open(file, options)) {
            evtx.forEach(r -> sink.record(toRecord(r).position(0, r.recordId())));
        }
    }

    @Override
    public int chunkCount(Path file) throws IOException {
        try (EvtxFile evtx = EvtxFile.open(file, EvtxOptions.defaults().withDamageListener(d -> { }))) {
            return evtx.chunkCount();
        }
    }

    @Override
    public void decodeChunks(Path file, String displayPath, RecordSink sink, int from, int to, boolean fileDamage)
            throws IOException {
        // File-level damage (header checksum, truncation) carries no chunk; one part reports it.
        EvtxOptions options = EvtxOptions.defaults().withDamageListener(d -> {
            if (fileDamage || d.chunkIndex() >= 0) {
                damage(d, sink);
            }
        });
        try (EvtxFile evtx = EvtxFile.open(file, options)) {
            for (int i = Math.max(0, from); i < Math.min(to, evtx.chunkCount()); i++) {
                evtx.decodeChunk(i, r -> sink.record(toRecord(r).position(0, r.recordId())), options.damageListener());
            }
        }
    }

    private static void damage(EvtxDamage d, RecordSink sink) {
        if (reported(d)) {
            sink.badRecord(0, Math.max(0, d.recordId()), problemKind(d), d.message());
        }
    }

    /** Whether damage is worth a problem: unused (all-zero) chunks are normal in pre-allocated logs. */
    public static boolean reported(EvtxDamage d) {
        return d.kind() != EvtxDamage.Kind.CHUNK_EMPTY;
    }

    /** The stable problem code for damage, e.g. {@code evtx/record-binxml}. */
    public static String problemKind(EvtxDamage d) {
        return "evtx/" + d.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * {@code element_attribute} names, made once: System attributes are a small fixed set, and a name
     * built per record would be hashed afresh by every map it goes into. Unusual names past the cap are
     * built each time rather than kept.
     */
    private static final Map<String, Map<String, String>> JOINED = new ConcurrentHashMap<>();
    private static final int JOINED_CAP = 1024;

    private static String joined(String element, String attribute) {
        Map<String, String> byAttribute = JOINED.get(element);
        String name = byAttribute == null ? null : byAttribute.get(attribute);
        if (name != null) {
            return name;
        }
        name = element + '_' + attribute;
        if (JOINED.size() < JOINED_CAP && (byAttribute == null || byAttribute.size() < JOINED_CAP)) {
            JOINED.computeIfAbsent(element, k -> new ConcurrentHashMap<>()).putIfAbsent(attribute, name);
        }
        return name;
    }

    /** One decoded record named as the XML reader names it (see the class comment). */
    public static WindowsRecord toRecord(EvtxRecord r) {
        List<EvtxField> data = r.eventData();
        // System gives about twenty fields (attributes named element_attribute among them).
        WindowsRecord rec = new WindowsRecord("evtx", true, 20 + data.size());
        EvtxElement system = r.system();
        if (system != null) {
            for (EvtxNode n : system.children()) {
                if (n instanceof EvtxElement e) {
                    String text = e.text();
                    if (text != null && !text.isBlank()) {
                        rec.add(e.name(), text.strip());
                    }
                    for (EvtxAttribute a : e.attributes()) {
                        if (a.value() == null || a.value().isEmpty()) {
                            continue;
                        }
                        if (e.name().equals("TimeCreated") && a.name().equals("SystemTime")) {
                            rec.add("TimeCreated", a.value());
                        } else {
                            rec.add(joined(e.name(), a.name()), a.value());
                        }
                    }
                }
            }
        }
        rec.putIfAbsent("EventRecordID", Long.toString(r.recordId()));
        for (EvtxField f : data) {
            rec.add(f.name() == null ? "Data" : f.name(), f.value() == null ? "" : f.value());
        }
        return rec;
    }
}

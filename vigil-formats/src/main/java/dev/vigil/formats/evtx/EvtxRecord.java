package dev.vigil.formats.evtx;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One decoded event record.
 *
 * <p>Record layout: {@code 2a 2a 00 00}, u32 size, u64 EventRecordID, u64 written FILETIME,
 * BinXML, u32 copy of size.
 *
 * @param recordId the record's identifier (EventRecordID)
 * @param fileOffset absolute offset of the record in the file
 * @param chunkIndex zero-based index of the chunk holding it
 * @param writtenFiletime written time as FILETIME ticks (100 ns since 1601-01-01 UTC)
 * @param event the {@code <Event>} element
 */
public record EvtxRecord(
        long recordId, long fileOffset, int chunkIndex, long writtenFiletime, EvtxElement event) {

    private static final long FILETIME_EPOCH_DELTA_SECONDS = 11_644_473_600L;

    /** The written time as an instant. */
    public Instant written() {
        long seconds = Long.divideUnsigned(writtenFiletime, 10_000_000L) - FILETIME_EPOCH_DELTA_SECONDS;
        long nanos = Long.remainderUnsigned(writtenFiletime, 10_000_000L) * 100;
        return Instant.ofEpochSecond(seconds, nanos);
    }

    /** The {@code System} element, or null. */
    public EvtxElement system() {
        return event.child("System");
    }

    /** Text of a {@code System} child such as {@code Channel}, or null when absent. */
    public String systemValue(String childName) {
        EvtxElement system = system();
        EvtxElement c = system == null ? null : system.child(childName);
        return c == null ? null : c.text();
    }

    /** {@code System/EventID} text (the Qualifiers attribute is ignored), or null. */
    public String eventId() {
        return systemValue("EventID");
    }

    public String channel() {
        return systemValue("Channel");
    }

    public String computer() {
        return systemValue("Computer");
    }

    /** {@code System/Provider/@Name}, or null. */
    public String provider() {
        EvtxElement system = system();
        EvtxElement p = system == null ? null : system.child("Provider");
        return p == null ? null : p.attribute("Name");
    }

    /**
     * EventData {@code Data} elements in order (name from the {@code Name} attribute, null when
     * unnamed); for UserData events, the leaf elements of its first child instead.
     */
    public List<EvtxField> eventData() {
        List<EvtxField> out = new ArrayList<>();
        EvtxElement data = event.child("EventData");
        if (data != null) {
            for (EvtxNode n : data.children()) {
                if (n instanceof EvtxElement e) {
                    out.add(new EvtxField(e.name().equals("Data") ? e.attribute("Name") : e.name(), e.text()));
                }
            }
            return out;
        }
        EvtxElement user = event.child("UserData");
        if (user != null) {
            for (EvtxNode n : user.children()) {
                if (n instanceof EvtxElement e) {
                    leaves(e, out);
                }
            }
        }
        return out;
    }

    private static void leaves(EvtxElement e, List<EvtxField> out) {
        boolean hasElementChild = false;
        for (EvtxNode n : e.children()) {
            if (n instanceof EvtxElement c) {
                hasElementChild = true;
                leaves(c, out);
            }
        }
        if (!hasElementChild && !e.children().isEmpty()) {
            out.add(new EvtxField(e.name(), e.text()));
        } else if (!hasElementChild) {
            out.add(new EvtxField(e.name(), ""));
        }
    }

    /** Renders the event as Windows event XML, the form {@code evtxexport -f xml} prints. */
    public String toXml() {
        return EvtxXml.render(event);
    }

    /** The same XML on one line (line breaks in values as character references), for line-per-event dumps. */
    public String toXmlLine() {
        return EvtxXml.renderLine(event);
    }
}

package dev.vigil.formats.read;

import dev.vigil.formats.WindowsRecord;
import java.io.StringReader;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Parses the text of one {@code <Event>} into a {@link WindowsRecord}:
 * <pre>
 *   System/E text               → E           (EventID, Channel, Computer, EventRecordID, Level, ...)
 *   System/E/@A                 → E_A         (Provider_Name, Execution_ProcessID, Security_UserID, ...)
 *   System/TimeCreated/@SystemTime → TimeCreated
 *   EventData/Data[@Name=N]     → N
 *   EventData/Data (no Name)    → Data        (multi-valued, in order)
 *   EventData/E (e.g. Binary)   → E
 *   UserData/…/Leaf             → Leaf
 *   RenderingInfo/Message       → Message
 * </pre>
 * Namespaces are ignored (prefixes stripped) so default-namespaced, prefixed and bare events read the
 * same, even when the prefix was declared on an enclosing {@code <Events>} we cut away. DTDs and external
 * entities are off: event logs never need them, and they are how XML attacks the reader (XXE).
 */
final class XmlEventParser {

    private final XMLInputFactory factory;

    XmlEventParser() {
        factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    }

    WindowsRecord parse(String eventXml) throws XMLStreamException {
        WindowsRecord rec = new WindowsRecord("windows-xml", true);
        XMLStreamReader r = factory.createXMLStreamReader(new StringReader(eventXml));
        try {
            walk(r, rec);
        } finally {
            r.close();
        }
        return rec;
    }

    private static void walk(XMLStreamReader r, WindowsRecord rec) throws XMLStreamException {
        String section = null;
        int depth = 0;
        String dataName = null;
        boolean leaf = false;
        StringBuilder text = new StringBuilder();
        while (r.hasNext()) {
            int e = r.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String name = local(r.getLocalName());
                if (depth == 2) {
                    section = name;
                } else if (depth >= 3) {
                    text.setLength(0);
                    leaf = true;
                    dataName = name;
                    if ("System".equals(section) && depth == 3) {
                        systemAttributes(r, name, rec);
                    } else if ("EventData".equals(section) && depth == 3 && name.equals("Data")) {
                        String n = r.getAttributeValue(null, "Name");
                        dataName = n != null ? n : "Data";
                    }
                }
            } else if (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA
                    || e == XMLStreamConstants.SPACE) {
                if (depth >= 3) {
                    text.append(r.getText());
                }
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                if (depth >= 3 && leaf) {
                    value(section, depth, dataName, text.toString(), rec);
                }
                leaf = false;
                depth--;
            }
        }
    }

    private static void value(String section, int depth, String name, String text, WindowsRecord rec) {
        if ("System".equals(section)) {
            if (depth == 3 && !text.isBlank()) {
                rec.add(name, text.strip());
            }
        } else if ("EventData".equals(section) || "UserData".equals(section)) {
            rec.add(name, text);
        } else if ("RenderingInfo".equals(section) && name.equals("Message")) {
            rec.putIfAbsent("Message", text);
        }
    }

    private static void systemAttributes(XMLStreamReader r, String element, WindowsRecord rec) {
        for (int i = 0; i < r.getAttributeCount(); i++) {
            String qname = r.getAttributeLocalName(i);
            String v = r.getAttributeValue(i);
            if (v == null || v.isEmpty() || qname.startsWith("xmlns")) {
                continue;
            }
            String attr = local(qname);
            if (element.equals("TimeCreated") && attr.equals("SystemTime")) {
                rec.add("TimeCreated", v);
            } else {
                rec.add(element + '_' + attr, v);
            }
        }
    }

    private static String local(String qname) {
        int colon = qname.indexOf(':');
        return colon < 0 ? qname : qname.substring(colon + 1);
    }
}

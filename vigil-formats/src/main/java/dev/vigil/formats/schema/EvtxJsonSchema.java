package dev.vigil.formats.schema;

import dev.vigil.formats.WindowsRecord;
import java.util.Map;

/**
 * The JSON that {@code evtx_dump} (Rust {@code evtx} crate) writes: the event XML as objects, attributes
 * under {@code #attributes}, element text with attributes under {@code #text}. After flattening:
 * <pre>
 *   Event.System.Provider.#attributes.Name        → Provider_Name
 *   Event.System.EventID | Event.System.EventID.#text → EventID
 *   Event.System.TimeCreated.#attributes.SystemTime → TimeCreated
 *   Event.System.X.#attributes.A                  → X_A   (Execution_ProcessID, Security_UserID, ...)
 *   Event.EventData.X                             → X
 *   Event.EventData.Data.#attributes.Name + .#text → named values, zipped in order
 *   Event.EventData.Data (no names)               → Data (multi-valued)
 *   Event.UserData.Root.…​.Leaf                    → Leaf
 * </pre>
 * The {@code Event.} prefix is optional.
 */
final class EvtxJsonSchema implements SourceSchema {

    private static final String ATTRS = "#attributes.";
    private static final String TEXT = "#text";

    @Override
    public boolean accepts(Map<String, Object> flat) {
        for (String k : flat.keySet()) {
            return k.startsWith("Event.System.") || k.startsWith("System.") || k.startsWith("Event.#attributes.");
        }
        return false;
    }

    @Override
    public WindowsRecord toWindows(Map<String, Object> flat) {
        WindowsRecord system = new WindowsRecord("evtx-json", true);
        WindowsRecord data = new WindowsRecord("evtx-json", true);
        Object dataNames = null;
        Object dataTexts = null;
        for (Map.Entry<String, Object> e : flat.entrySet()) {
            String k = e.getKey();
            if (k.startsWith("Event.")) {
                k = k.substring(6);
            }
            Object v = e.getValue();
            if (k.startsWith("System.")) {
                system.putIfAbsent(systemName(k.substring(7)), v);
            } else if (k.startsWith("EventData.")) {
                String rest = k.substring(10);
                if (rest.equals("Data.#attributes.Name")) {
                    dataNames = v;
                } else if (rest.equals("Data.#text")) {
                    dataTexts = v;
                } else if (!rest.startsWith("#attributes.")) {
                    data.add(stripText(rest), v);
                }
            } else if (k.startsWith("UserData.")) {
                String leaf = userDataLeaf(k);
                if (leaf != null) {
                    data.add(leaf, v);
                }
            } else if (k.equals("RenderingInfo.Message")) {
                data.putIfAbsent("Message", v);
            }
        }
        zipNamedData(dataNames, dataTexts, data);
        data.forEach(system::putIfAbsent);
        return system;
    }

    /** {@code Provider.#attributes.Name} → {@code Provider_Name}; {@code EventID.#text} → {@code EventID}. */
    private static String systemName(String rest) {
        int a = rest.indexOf(ATTRS);
        if (a > 0) {
            String element = rest.substring(0, a - 1);
            String attr = rest.substring(a + ATTRS.length());
            if (element.equals("TimeCreated") && attr.equals("SystemTime")) {
                return "TimeCreated";
            }
            return element + '_' + attr;
        }
        return stripText(rest);
    }

    private static String stripText(String rest) {
        return rest.endsWith("." + TEXT) ? rest.substring(0, rest.length() - TEXT.length() - 1) : rest;
    }

    /** The leaf element name of a UserData path; attributes (xmlns) are not event data. */
    private static String userDataLeaf(String k) {
        if (k.contains(ATTRS)) {
            return null;
        }
        String path = stripText(k);
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private static void zipNamedData(Object names, Object texts, WindowsRecord data) {
        if (names == null) {
            data.add("Data", texts);
            return;
        }
        String[] n = names instanceof String[] ? (String[]) names : new String[] {(String) names};
        String[] t = texts == null ? new String[0] : texts instanceof String[] ? (String[]) texts : new String[] {(String) texts};
        // The crate omits #text for empty values, so the pairing is only certain when the counts agree.
        if (n.length == t.length) {
            for (int i = 0; i < n.length; i++) {
                data.add(n[i], t[i]);
            }
        } else {
            data.add("Data", texts);
        }
    }
}

package dev.vigil.dialects.sigma;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.vigil.core.event.CanonicalEvent;
import dev.vigil.core.event.Event;
import dev.vigil.core.event.EventClass;
import dev.vigil.core.event.Origin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Test-side reader for the Rust evtx crate's JSON rendering (a stream of {@code {"Event":{"System":...,
 * "EventData":...}}} documents, attributes under {@code #attributes}, {@code EventID} sometimes an object with
 * {@code #text}) into canonical events, with just enough of the conventions' normalization for Sigma's
 * regression data: System fields, EventData/UserData fields by name, the event class from channel and
 * EventID, and the Security 4688 field names. Stands in until vigil-formats' JSON normalizer is available.
 */
final class EvtxJsonEvents {

    private static final Map<String, String> SERVICES = Map.ofEntries(
            Map.entry("microsoft-windows-sysmon/operational", "sysmon"),
            Map.entry("security", "security"),
            Map.entry("system", "system"),
            Map.entry("application", "application"),
            Map.entry("microsoft-windows-powershell/operational", "powershell"),
            Map.entry("windows powershell", "powershell-classic"),
            Map.entry("microsoft-windows-taskscheduler/operational", "taskscheduler"),
            Map.entry("microsoft-windows-wmi-activity/operational", "wmi"),
            Map.entry("microsoft-windows-windows defender/operational", "windefend"),
            Map.entry("microsoft-windows-bits-client/operational", "bits-client"),
            Map.entry("microsoft-windows-codeintegrity/operational", "codeintegrity-operational"));

    private static final Map<String, String> SYSMON = new LinkedHashMap<>();

    static {
        String[] cats = {"1", "process_creation", "2", "file_change", "3", "network_connection", "4", "sysmon_status",
            "5", "process_termination", "6", "driver_load", "7", "image_load", "8", "create_remote_thread",
            "9", "raw_access_thread", "10", "process_access", "11", "file_event", "12", "registry_add",
            "13", "registry_set", "14", "registry_rename", "15", "create_stream_hash", "16", "sysmon_status",
            "17", "pipe_created", "18", "pipe_created", "19", "wmi_event", "20", "wmi_event", "21", "wmi_event",
            "22", "dns_query", "23", "file_delete", "24", "clipboard_capture", "25", "process_tampering",
            "26", "file_delete_detected", "27", "file_block_executable", "28", "file_block_shredding",
            "29", "file_executable_detected", "255", "sysmon_error"};
        for (int i = 0; i < cats.length; i += 2) {
            SYSMON.put(cats[i], cats[i + 1]);
        }
    }

    private EvtxJsonEvents() {
    }

    static List<Event> read(Path json) throws IOException {
        List<Event> out = new ArrayList<>();
        if (!Files.exists(json)) {
            return out;
        }
        try (JsonParser p = new JsonFactory().createParser(json.toFile())) {
            long n = 0;
            while (p.nextToken() != null) {
                Object root = value(p);
                n++;
                if (root instanceof Map<?, ?> m && m.get("Event") instanceof Map<?, ?> ev) {
                    out.add(event(ev, new Origin(json.toString(), n, 0)));
                }
            }
        }
        return out;
    }

    private static Object value(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            Map<String, Object> m = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String k = p.currentName();
                p.nextToken();
                m.put(k, value(p));
            }
            return m;
        }
        if (t == JsonToken.START_ARRAY) {
            List<Object> l = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                l.add(value(p));
            }
            return l;
        }
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        return p.getText();
    }

    private static Event event(Map<?, ?> ev, Origin origin) {
        CanonicalEvent e = new CanonicalEvent(origin);
        Map<?, ?> sys = ev.get("System") instanceof Map<?, ?> s ? s : Map.of();
        for (Map.Entry<?, ?> f : sys.entrySet()) {
            String k = f.getKey().toString();
            Object v = f.getValue();
            if (v instanceof Map<?, ?> m) {
                if (m.get("#text") != null) {
                    e.put(k, text(m.get("#text")));
                }
                if (m.get("#attributes") instanceof Map<?, ?> attrs) {
                    for (Map.Entry<?, ?> a : attrs.entrySet()) {
                        String name = k.equals("TimeCreated") && a.getKey().equals("SystemTime") ? "TimeCreated"
                                : k + "_" + a.getKey();
                        e.put(name, text(a.getValue()));
                    }
                }
            } else if (v != null) {
                e.put(k, text(v));
            }
        }
        if (ev.get("EventData") instanceof Map<?, ?> data) {
            fields(e, data);
        }
        if (ev.get("UserData") instanceof Map<?, ?> user) {
            for (Object inner : user.values()) {
                if (inner instanceof Map<?, ?> m) {
                    fields(e, m);
                }
            }
        }
        String channel = e.text(dev.vigil.core.event.Field.of("Channel"));
        String id = e.text(dev.vigil.core.event.Field.of("EventID"));
        String service = channel == null ? null : SERVICES.getOrDefault(channel.toLowerCase(Locale.ROOT),
                channel.toLowerCase(Locale.ROOT));
        String category = null;
        if ("sysmon".equals(service)) {
            category = SYSMON.get(id);
            String type = e.text(dev.vigil.core.event.Field.of("EventType"));
            if ("12".equals(id) && type != null && type.startsWith("Delete")) {
                category = "registry_delete";
            }
        } else if ("security".equals(service) && "4688".equals(id)) {
            category = "process_creation";
            security4688(e);
        } else if ("powershell".equals(service)) {
            category = "4104".equals(id) ? "ps_script" : "4103".equals(id) ? "ps_module" : null;
        }
        e.eventClass(new EventClass("windows", category, service));
        return e;
    }

    private static void fields(CanonicalEvent e, Map<?, ?> data) {
        for (Map.Entry<?, ?> f : data.entrySet()) {
            String k = f.getKey().toString();
            if (k.equals("#attributes")) {
                continue;
            }
            Object v = f.getValue();
            if (v instanceof Map<?, ?> m) {
                v = m.get("#text");
            }
            Object value = v instanceof List<?> l ? l.stream().map(EvtxJsonEvents::text).toArray(String[]::new)
                    : v == null ? null : text(v);
            e.put(k, value);
            // Defender and a few other providers name data with spaces ("Threat Name"); Sigma's taxonomy
            // writes them without ("ThreatName"). The raw name stays reachable too.
            if (k.indexOf(' ') >= 0) {
                e.putIfAbsent(dev.vigil.core.event.Field.of(k.replace(" ", "")), value);
            }
        }
    }

    private static void security4688(CanonicalEvent e) {
        rename(e, "NewProcessName", "Image");
        rename(e, "ParentProcessName", "ParentImage");
        rename(e, "MandatoryLabel", "IntegrityLevel");
        String user = e.text(dev.vigil.core.event.Field.of("SubjectUserName"));
        String domain = e.text(dev.vigil.core.event.Field.of("SubjectDomainName"));
        if (user != null) {
            e.put("User", domain == null ? user : domain + "\\" + user);
        }
        String creator = e.text(dev.vigil.core.event.Field.of("ProcessId"));
        String pid = e.text(dev.vigil.core.event.Field.of("NewProcessId"));
        if (creator != null) {
            e.put("ParentProcessId", hexToDecimal(creator));
        }
        if (pid != null) {
            e.put("ProcessId", hexToDecimal(pid));
        }
    }

    private static void rename(CanonicalEvent e, String from, String to) {
        String v = e.text(dev.vigil.core.event.Field.of(from));
        if (v != null) {
            e.put(to, v);
        }
    }

    private static String hexToDecimal(String s) {
        try {
            return s.startsWith("0x") ? Long.toString(Long.parseLong(s.substring(2), 16)) : s;
        } catch (NumberFormatException ex) {
            return s;
        }
    }

    private static String text(Object v) {
        return v == null ? null : v.toString();
    }
}

package dev.vigil.formats.shorthand;

import java.util.Map;

/** Writes a Windows event XML document from System values and EventData fields. */
final class XmlEventText {

    private XmlEventText() {
    }

    static String event(String provider, String eventId, String channel, Map<String, String> system,
                        Map<String, String> data) {
        StringBuilder sb = new StringBuilder("<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\">");
        sb.append("<System><Provider Name=\"").append(escape(provider)).append("\"/>");
        sb.append("<EventID>").append(escape(eventId)).append("</EventID>");
        sb.append("<TimeCreated SystemTime=\"").append(escape(system.get("TimeCreated"))).append("\"/>");
        sb.append("<EventRecordID>").append(escape(system.get("EventRecordID"))).append("</EventRecordID>");
        sb.append("<Channel>").append(escape(channel)).append("</Channel>");
        sb.append("<Computer>").append(escape(system.getOrDefault("Computer", "TEST-HOST.example"))).append("</Computer>");
        sb.append("</System><EventData>");
        data.forEach((k, v) -> sb.append("<Data Name=\"").append(escape(k)).append("\">").append(escape(v)).append("</Data>"));
        return sb.append("</EventData></Event>\n").toString();
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}

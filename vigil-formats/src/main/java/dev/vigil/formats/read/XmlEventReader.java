package dev.vigil.formats.read;

import dev.vigil.formats.RecordSink;
import dev.vigil.formats.WindowsRecord;
import java.io.IOException;
import java.io.Reader;
import javax.xml.stream.XMLStreamException;

/**
 * Reads Windows event XML one event at a time: one {@code <Event>} per line, events wrapped in
 * {@code <Events>}, or simply concatenated, with or without a namespace prefix. A text scanner finds each
 * event's boundaries ({@code <Event ...>} to the matching {@code </Event>}), and only that text is parsed
 * (after {@link XmlCharFilter}), so a malformed event is reported with its line and the next one is still
 * read, and memory holds one event, not the file.
 */
public final class XmlEventReader {

    private static final String MALFORMED = "input/malformed-xml";
    private static final int CHUNK = 65536;

    private final XmlEventParser parser = new XmlEventParser();
    private final StringBuilder buf = new StringBuilder();
    private Reader in;
    private boolean eof;
    private long line;
    private int countedTo;
    private long ordinal;

    /** The line reached so far, for problems raised by the underlying stream. */
    public long line() {
        return line;
    }

    public void read(Reader input, RecordSink sink) throws IOException {
        in = input;
        eof = false;
        buf.setLength(0);
        line = 1;
        countedTo = 0;
        ordinal = 0;
        int pos = 0;
        while (true) {
            int start = findEventStart(pos);
            if (start < 0) {
                break;
            }
            String qname = qnameAt(start);
            long startLine = lineAt(start);
            int end = findEnd(start, qname);
            int next = findStartOf(qname, start + 1 + qname.length());
            if (end < 0 || (next >= 0 && next < end)) {
                sink.badRecord(startLine, ++ordinal, MALFORMED,
                        "<" + qname + "> is not closed before " + (next >= 0 ? "the next event" : "the end of the input"));
                pos = next >= 0 ? next : buf.length();
            } else {
                parse(buf.substring(start, end), startLine, sink);
                pos = end;
            }
            pos = compact(pos);
        }
    }

    private void parse(String xml, long startLine, RecordSink sink) {
        long n = ++ordinal;
        try {
            WindowsRecord rec = parser.parse(XmlCharFilter.filter(xml));
            sink.record(rec.position(startLine, n));
        } catch (XMLStreamException e) {
            sink.badRecord(startLine, n, MALFORMED, message(e));
        }
    }

    /** The JDK prefixes "ParseError at [row,col]:[r,c]\nMessage: "; keep the message and the event-relative row. */
    private static String message(XMLStreamException e) {
        String m = String.valueOf(e.getMessage());
        int cut = m.indexOf("Message: ");
        String text = cut >= 0 ? m.substring(cut + 9) : m;
        if (e.getLocation() != null && e.getLocation().getLineNumber() > 1) {
            text += " (line " + e.getLocation().getLineNumber() + " of the event)";
        }
        return text;
    }

    /** The index of the next {@code <Event} or {@code <prefix:Event} start tag at or after {@code from}, or -1. */
    private int findEventStart(int from) throws IOException {
        int i = from;
        while (true) {
            int lt = indexOf('<', i);
            if (lt < 0) {
                return -1;
            }
            if (!ensure(lt + 64) && lt + 1 >= buf.length()) {
                return -1;
            }
            String q = qnameAt(lt);
            if (isEventName(q) && lt + 1 + q.length() < buf.length() && endsTagName(buf.charAt(lt + 1 + q.length()))) {
                return lt;
            }
            i = lt + 1;
        }
    }

    private int findStartOf(String qname, int from) throws IOException {
        String open = "<" + qname;
        int i = from;
        while (true) {
            int at = indexOf(open, i);
            if (at < 0) {
                return -1;
            }
            int after = at + open.length();
            ensure(after + 1);
            if (after < buf.length() && endsTagName(buf.charAt(after))) {
                return at;
            }
            i = at + 1;
        }
    }

    /** The index just past the {@code </qname>} closing the event at {@code start}, or -1. */
    private int findEnd(int start, String qname) throws IOException {
        String close = "</" + qname;
        int i = start;
        while (true) {
            int at = indexOf(close, i);
            if (at < 0) {
                return -1;
            }
            int gt = indexOf('>', at);
            if (gt < 0) {
                return -1;
            }
            if (buf.substring(at + close.length(), gt).isBlank()) {
                return gt + 1;
            }
            i = at + 1;
        }
    }

    private static boolean isEventName(String q) {
        return q.equals("Event") || q.endsWith(":Event");
    }

    private static boolean endsTagName(char c) {
        return c == '>' || c == '/' || Character.isWhitespace(c);
    }

    private String qnameAt(int lt) {
        int i = lt + 1;
        while (i < buf.length()) {
            char c = buf.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == ':' || c == '_' || c == '-' || c == '.')) {
                break;
            }
            i++;
        }
        return buf.substring(lt + 1, i);
    }

    private int indexOf(char c, int from) throws IOException {
        int i = from;
        while (true) {
            for (; i < buf.length(); i++) {
                if (buf.charAt(i) == c) {
                    return i;
                }
            }
            if (!fill()) {
                return -1;
            }
        }
    }

    private int indexOf(String s, int from) throws IOException {
        int i = from;
        while (true) {
            int at = buf.indexOf(s, i);
            if (at >= 0) {
                return at;
            }
            i = Math.max(from, buf.length() - s.length() + 1);
            if (!fill()) {
                return -1;
            }
        }
    }

    /** Reads until the buffer holds {@code length} chars or the input ends; true when it does. */
    private boolean ensure(int length) throws IOException {
        while (buf.length() < length) {
            if (!fill()) {
                return false;
            }
        }
        return true;
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        char[] chunk = new char[CHUNK];
        int n = in.read(chunk);
        if (n < 0) {
            eof = true;
            return false;
        }
        buf.append(chunk, 0, n);
        return true;
    }

    private long lineAt(int index) {
        for (int i = countedTo; i < index; i++) {
            if (buf.charAt(i) == '\n') {
                line++;
            }
        }
        countedTo = Math.max(countedTo, index);
        return line;
    }

    /** Drops consumed text so memory holds about one event; returns the position in the shrunk buffer. */
    private int compact(int pos) {
        if (pos < CHUNK) {
            return pos;
        }
        lineAt(pos);
        buf.delete(0, pos);
        countedTo -= pos;
        return 0;
    }
}

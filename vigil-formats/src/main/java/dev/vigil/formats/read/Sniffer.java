package dev.vigil.formats.read;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Decides how to read an input from its first bytes, never from its name: archives and EVTX by magic
 * numbers, text by its first significant character ({@code <} with an {@code Event} element → event XML,
 * <code>{</code> or {@code [} → JSON). Anything else gets a short description for the "unsupported format"
 * report. The stream is reset to where it was.
 */
public final class Sniffer {

    private static final int PEEK = 8192;
    private static final byte[] EVTX_MAGIC = {'E', 'l', 'f', 'F', 'i', 'l', 'e', 0};

    /** The verdict: the kind, the text charset (from a BOM, else UTF-8) and, when unsupported, what it looks like. */
    public record Verdict(ContentKind kind, Charset charset, String what) {}

    private Sniffer() {}

    public static Verdict sniff(BufferedInputStream in) throws IOException {
        in.mark(PEEK);
        byte[] head = new byte[PEEK];
        int n = 0;
        int r;
        while (n < PEEK && (r = in.read(head, n, PEEK - n)) > 0) {
            n += r;
        }
        in.reset();
        if (n == 0) {
            return new Verdict(ContentKind.EMPTY, StandardCharsets.UTF_8, "empty");
        }
        if (n >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return binary(ContentKind.GZIP);
        }
        if (n >= 4 && head[0] == 'P' && head[1] == 'K' && (head[2] == 3 || head[2] == 5) && (head[3] == 4 || head[3] == 6)) {
            return binary(ContentKind.ZIP);
        }
        if (startsWith(head, n, EVTX_MAGIC)) {
            return binary(ContentKind.EVTX);
        }
        if (n >= 262 && head[257] == 'u' && head[258] == 's' && head[259] == 't' && head[260] == 'a' && head[261] == 'r') {
            return binary(ContentKind.TAR);
        }
        return text(head, n);
    }

    private static Verdict text(byte[] head, int n) {
        Charset cs = StandardCharsets.UTF_8;
        int skip = 0;
        if (n >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            skip = 3;
        } else if (n >= 2 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE) {
            cs = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (n >= 2 && (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF) {
            cs = StandardCharsets.UTF_16BE;
            skip = 2;
        }
        String s = new String(head, skip, n - skip, cs);
        if (looksBinary(s)) {
            return new Verdict(ContentKind.UNSUPPORTED, cs, "binary");
        }
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        if (i == s.length()) {
            return new Verdict(ContentKind.EMPTY, cs, "empty");
        }
        if (s.startsWith("Record ", i)) {
            // evtx_dump's pretty JSON puts a "Record N" line before each document.
            int eol = s.indexOf('\n', i);
            i = eol < 0 ? s.length() : eol;
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (i == s.length()) {
                return new Verdict(ContentKind.UNSUPPORTED, cs, "plain text");
            }
        }
        char c = s.charAt(i);
        if (c == '{' || c == '[') {
            return new Verdict(ContentKind.JSON, cs, "json");
        }
        if (c == '<') {
            boolean events = s.contains("<Event") || s.contains(":Event ") || s.contains(":Event>") || s.contains(":Events");
            return events ? new Verdict(ContentKind.XML, cs, "xml")
                    : new Verdict(ContentKind.UNSUPPORTED, cs, "XML without Windows <Event> elements");
        }
        return new Verdict(ContentKind.UNSUPPORTED, cs, describeText(s.substring(i)));
    }

    private static String describeText(String s) {
        int eol = s.indexOf('\n');
        String first = (eol < 0 ? s : s.substring(0, eol)).strip();
        if (first.startsWith("---") || first.startsWith("%YAML") || (first.indexOf(':') > 0 && !first.contains(" :")
                && first.matches("^[A-Za-z_][\\w.-]*\\s*:.*"))) {
            return "YAML";
        }
        if (first.startsWith("#")) {
            return "Markdown";
        }
        if (first.indexOf(',') > 0 && first.indexOf('\t') < 0) {
            return "CSV or plain text";
        }
        return "plain text";
    }

    /** NUL or a run of other control characters in the sample means binary data. */
    private static boolean looksBinary(String s) {
        int controls = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0) {
                return true;
            }
            // U+FFFD: undecodable bytes; the last few may be a character cut by the sample's end.
            if ((c == '\uFFFD' && i < s.length() - 3) || c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                controls++;
            }
        }
        return controls > s.length() / 20;
    }

    private static boolean startsWith(byte[] head, int n, byte[] magic) {
        if (n < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static Verdict binary(ContentKind kind) {
        return new Verdict(kind, StandardCharsets.UTF_8, kind.name().toLowerCase(java.util.Locale.ROOT));
    }
}

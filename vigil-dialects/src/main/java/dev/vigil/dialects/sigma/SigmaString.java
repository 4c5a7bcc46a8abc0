package dev.vigil.dialects.sigma;

import dev.vigil.core.ir.Glob;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A Sigma string value: literal text and wildcards, after Sigma's escaping. Only {@code \*}, {@code \?}
 * and {@code \\} are escapes; a backslash before any other character (or at the end) is literal, so
 * {@code C:\Windows\Tasks\*} is the literal {@code C:\Windows\Tasks*} with no wildcard, exactly as pySigma
 * reads it.
 *
 * <p>{@code bytes} marks text whose characters each stand for one byte (after {@code wide},
 * {@code utf16*}): the base64 modifiers then encode it as ISO-8859-1 instead of UTF-8.
 */
public final class SigmaString implements SigmaValue {

    /** A wildcard part. */
    public enum Wildcard { MULTI, SINGLE }

    /** A {@code %name%} placeholder part (only recognised under {@code expand}). */
    public record Placeholder(String name) {
    }

    private final List<Object> parts;
    private final boolean bytes;
    private final String source;

    public SigmaString(List<Object> parts, boolean bytes) {
        this(parts, bytes, null);
    }

    private SigmaString(List<Object> parts, boolean bytes, String source) {
        this.parts = merge(parts);
        this.bytes = bytes;
        this.source = source;
    }

    /** The author's text before unescaping (what {@code re} reads), or the plain text of a derived string. */
    public String source() {
        return source != null ? source : plain();
    }

    /** Reads an author's string with Sigma's escaping. */
    public static SigmaString parse(String text) {
        List<Object> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char n = text.charAt(i + 1);
                if (n == '*' || n == '?' || n == '\\') {
                    lit.append(n);
                    i++;
                    continue;
                }
                lit.append(c);
            } else if (c == '*' || c == '?') {
                flush(lit, parts);
                parts.add(c == '*' ? Wildcard.MULTI : Wildcard.SINGLE);
            } else {
                lit.append(c);
            }
        }
        flush(lit, parts);
        return new SigmaString(parts, false, text);
    }

    /** A string that is all literal text. */
    public static SigmaString literal(String text) {
        List<Object> parts = new ArrayList<>();
        parts.add(text);
        return new SigmaString(parts, false);
    }

    private static void flush(StringBuilder lit, List<Object> parts) {
        if (lit.length() > 0) {
            parts.add(lit.toString());
            lit.setLength(0);
        }
    }

    private static List<Object> merge(List<Object> in) {
        List<Object> out = new ArrayList<>();
        for (Object p : in) {
            if (p instanceof String s) {
                if (s.isEmpty()) {
                    continue;
                }
                if (!out.isEmpty() && out.get(out.size() - 1) instanceof String prev) {
                    out.set(out.size() - 1, prev + s);
                    continue;
                }
            }
            out.add(p);
        }
        return List.copyOf(out);
    }

    public List<Object> parts() {
        return parts;
    }

    public boolean bytes() {
        return bytes;
    }

    public boolean hasWildcards() {
        return parts.stream().anyMatch(p -> p instanceof Wildcard);
    }

    public boolean hasPlaceholders() {
        return parts.stream().anyMatch(p -> p instanceof Placeholder);
    }

    public boolean startsWithMulti() {
        return !parts.isEmpty() && parts.get(0) == Wildcard.MULTI;
    }

    public boolean endsWithMulti() {
        return !parts.isEmpty() && parts.get(parts.size() - 1) == Wildcard.MULTI;
    }

    public SigmaString prepend(Object part) {
        List<Object> p = new ArrayList<>();
        p.add(part);
        p.addAll(parts);
        return new SigmaString(p, bytes);
    }

    public SigmaString append(Object part) {
        List<Object> p = new ArrayList<>(parts);
        p.add(part);
        return new SigmaString(p, bytes);
    }

    /** The same parts with every literal piece rewritten (wildcards kept). */
    public SigmaString mapLiterals(Function<String, String> f, boolean asBytes) {
        List<Object> p = new ArrayList<>();
        for (Object o : parts) {
            p.add(o instanceof String s ? f.apply(s) : o);
        }
        return new SigmaString(p, asBytes);
    }

    /** The literal text of a string without wildcards or placeholders. */
    public String plain() {
        StringBuilder sb = new StringBuilder();
        for (Object p : parts) {
            if (p instanceof String s) {
                sb.append(s);
            } else if (p == Wildcard.MULTI) {
                sb.append('*');
            } else if (p == Wildcard.SINGLE) {
                sb.append('?');
            } else {
                sb.append('%').append(((Placeholder) p).name()).append('%');
            }
        }
        return sb.toString();
    }

    /** The value in Vigil's glob syntax. */
    public String glob() {
        StringBuilder sb = new StringBuilder();
        for (Object p : parts) {
            if (p instanceof String s) {
                sb.append(Glob.escape(s));
            } else if (p == Wildcard.MULTI) {
                sb.append('*');
            } else if (p == Wildcard.SINGLE) {
                sb.append('?');
            } else {
                sb.append(Glob.escape("%" + ((Placeholder) p).name() + "%"));
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return plain();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SigmaString s && s.parts.equals(parts) && s.bytes == bytes;
    }

    @Override
    public int hashCode() {
        return parts.hashCode();
    }
}

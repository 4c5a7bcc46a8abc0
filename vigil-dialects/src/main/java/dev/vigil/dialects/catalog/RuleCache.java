package dev.vigil.dialects.catalog;

import dev.vigil.core.analytic.Implementation;
import dev.vigil.dialects.DialectKind;
import dev.vigil.dialects.DialectSettings;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.CodeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.Adler32;
import java.util.zip.CRC32;

/**
 * Documents as they were loaded and compiled in an earlier run, so that a run over thousands of unchanged
 * rules does not parse and compile them again. A fresh JVM spends most of a large rule set's load in the
 * YAML reader, the dialect compilers and the JIT compiling both; decoding a cached document is a short
 * loop over bytes.
 *
 * <p>A document is found by what it was made from: the name shown in its diagnostics, whether the user
 * named it, and its bytes (length, CRC-32 and Adler-32). A cache file belongs to one list of rule paths
 * and holds the build that wrote it; another build's file is ignored, so a cached document is always what
 * this build would make of the same bytes. Only documents {@link DocumentCodec#encodable} whose dialects
 * read no other file are kept (not SPL, whose macros live beside the document), and only runs with default
 * dialect settings use a cache (placeholders and filters change what rules compile to). The file is
 * rewritten, atomically, when a run loaded anything it did not hold or no longer needed something it
 * held; a damaged or unreadable file is rebuilt. Files of rule paths no run
 * used for {@link #UNUSED} are deleted when another is written, so the directory does not fill up.
 */
public final class RuleCache {

    private static final byte[] MAGIC = "vigil rule cache 1\n".getBytes(StandardCharsets.US_ASCII);

    private final Path file;
    private final String build;
    private final Map<Key, Slice> stored;
    private final Map<Key, Slice> used = new ConcurrentHashMap<>();
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicInteger loaded = new AtomicInteger();
    private volatile boolean changed;

    /** A document's identity: what its load depends on besides the build and the dialect settings. */
    private record Key(String shown, boolean named, int length, long crc, long adler) {
        static Key of(String shown, boolean named, byte[] bytes) {
            CRC32 crc = new CRC32();
            crc.update(bytes);
            Adler32 adler = new Adler32();
            adler.update(bytes);
            return new Key(shown, named, bytes.length, crc.getValue(), adler.getValue());
        }
    }

    /** Bytes of one encoded document. */
    private record Slice(byte[] bytes, int offset, int length) {}

    private RuleCache(Path file, String build, Map<Key, Slice> stored) {
        this.file = file;
        this.build = build;
        this.stored = stored;
    }

    /**
     * The cache for one list of rule paths in {@code directory}, holding what {@code build} wrote there
     * (nothing if the file is missing, damaged or another build's).
     */
    public static RuleCache open(Path directory, String build, List<String> paths) {
        StringBuilder roots = new StringBuilder();
        for (String p : paths) {
            roots.append(Path.of(p).toAbsolutePath().normalize()).append('\n');
        }
        byte[] id = roots.toString().getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(id);
        Adler32 adler = new Adler32();
        adler.update(id);
        Path file = directory.resolve(String.format("rules-%08x%08x.cache", crc.getValue(), adler.getValue()));
        Map<Key, Slice> stored;
        try {
            stored = read(Files.readAllBytes(file), build);
            if (!stored.isEmpty()) {
                markUsed(file);
            }
        } catch (IOException | IllegalArgumentException e) {
            stored = Map.of();
        }
        return new RuleCache(file, build, stored);
    }

    /** A file unused this long is deleted when another cache file in its directory is written. */
    static final Duration UNUSED = Duration.ofDays(30);

    /** Dates a file in use as such, so that {@link #prune} keeps it; at most once a day. */
    private static void markUsed(Path file) {
        try {
            Instant now = Instant.now();
            if (Files.getLastModifiedTime(file).toInstant().isBefore(now.minus(Duration.ofDays(1)))) {
                Files.setLastModifiedTime(file, FileTime.from(now));
            }
        } catch (IOException | SecurityException e) {
            // Only its age is lost: the file may be pruned early and is then rebuilt.
        }
    }

    /** Deletes cache files (and files left half-written) nobody used for {@link #UNUSED}. */
    private static void prune(Path directory, Path keep) {
        Instant before = Instant.now().minus(UNUSED);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "rules-*.{cache,tmp}")) {
            for (Path f : files) {
                if (!f.equals(keep) && Files.getLastModifiedTime(f).toInstant().isBefore(before)) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException | SecurityException e) {
            // Old files stay until a later run can remove them.
        }
    }

    /** The cache file's entries, or an empty map when it was written by another build. */
    private static Map<Key, Slice> read(byte[] b, String build) {
        Reader in = new Reader(b);
        for (byte m : MAGIC) {
            if (in.u8() != (m & 0xFF)) {
                throw new IllegalArgumentException("not a rule cache");
            }
        }
        if (!build.equals(in.text())) {
            return Map.of();
        }
        int n = in.u32();
        Map<Key, Slice> out = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            Key k = new Key(in.text(), in.u8() != 0, in.u32(), in.u64(), in.u64());
            int length = in.u32();
            out.put(k, new Slice(b, in.skip(length), length));
        }
        return out;
    }

    /**
     * Loads a document from the cache when it holds one made from the same bytes, otherwise from its text
     * (and keeps it for the next run). Safe to call from many threads at once.
     */
    DocumentLoad load(String shown, Path path, boolean named, DialectSettings settings) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            return DocumentLoad.ofFile(shown, path, named, settings);
        }
        loaded.incrementAndGet();
        Key key = Key.of(shown, named, bytes);
        Slice s = stored.get(key);
        if (s != null) {
            try {
                DocumentLoad doc = DocumentCodec.decode(s.bytes(), s.offset(), s.length());
                used.put(key, s);
                hits.incrementAndGet();
                return doc;
            } catch (IllegalArgumentException e) {
                // A damaged entry: load the document again and write the file anew.
                changed = true;
            }
        }
        DocumentLoad doc = DocumentLoad.ofBytes(shown, bytes, named, settings);
        if (DocumentCodec.encodable(doc) && selfContained(doc)) {
            byte[] encoded = DocumentCodec.encode(doc);
            used.put(key, new Slice(encoded, 0, encoded.length));
            changed = true;
        }
        return doc;
    }

    /**
     * Whether the document compiled from its own bytes alone: an implementation in a dialect that reads other
     * files (SPL reads the macros beside the document) may compile differently while the bytes stay the same.
     */
    private static boolean selfContained(DocumentLoad doc) {
        for (DocumentLoad.Compiled c : doc.analytics()) {
            for (Implementation i : c.analytic().implementations()) {
                if (!DialectKind.byKey(i.dialect()).map(DialectKind::selfContained).orElse(true)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Documents this run loaded through the cache. */
    public int documents() {
        return loaded.get();
    }

    /** Of those, the documents found in it. */
    public int hits() {
        return hits.get();
    }

    /** The cache file. */
    public Path file() {
        return file;
    }

    /**
     * Writes the documents this run loaded, when they differ from what the file held; the reason when the
     * file could not be written.
     */
    public Optional<String> save() {
        if (!changed && used.size() == stored.size()) {
            return Optional.empty();
        }
        List<Map.Entry<Key, Slice>> entries = new ArrayList<>(used.entrySet());
        entries.sort(Comparator.comparing((Map.Entry<Key, Slice> e) -> e.getKey().shown())
                .thenComparing(e -> e.getKey().named()));
        Writer out = new Writer();
        out.raw(MAGIC, 0, MAGIC.length);
        out.text(build);
        out.u32(entries.size());
        for (Map.Entry<Key, Slice> e : entries) {
            Key k = e.getKey();
            out.text(k.shown());
            out.u8(k.named() ? 1 : 0);
            out.u32(k.length());
            out.u64(k.crc());
            out.u64(k.adler());
            out.u32(e.getValue().length());
            out.raw(e.getValue().bytes(), e.getValue().offset(), e.getValue().length());
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try {
                Files.write(tmp, out.bytes());
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            prune(file.getParent(), file);
        } catch (IOException | SecurityException e) {
            return Optional.of(e.toString());
        }
        return Optional.empty();
    }

    /**
     * The identity of the running build: where {@code classes} were loaded from, by path, size and time of
     * change (of the jar, or of every file under a directory of classes). Empty when that cannot be told.
     */
    public static Optional<String> buildOf(Class<?>... classes) {
        StringBuilder id = new StringBuilder();
        for (Class<?> c : classes) {
            CodeSource source = c.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return Optional.empty();
            }
            try {
                Path from = Path.of(source.getLocation().toURI()).toAbsolutePath();
                if (Files.isRegularFile(from)) {
                    id.append(from).append(' ').append(stamp(from)).append('\n');
                } else if (Files.isDirectory(from)) {
                    CRC32 crc = new CRC32();
                    List<Path> files;
                    try (Stream<Path> walk = Files.walk(from)) {
                        files = walk.filter(Files::isRegularFile).sorted().toList();
                    }
                    for (Path f : files) {
                        crc.update((from.relativize(f) + " " + stamp(f) + "\n").getBytes(StandardCharsets.UTF_8));
                    }
                    id.append(from).append(' ').append(files.size()).append(' ').append(crc.getValue()).append('\n');
                } else {
                    return Optional.empty();
                }
            } catch (URISyntaxException | IOException | IllegalArgumentException | SecurityException
                     | java.io.UncheckedIOException e) {
                return Optional.empty();
            }
        }
        return Optional.of(id.toString());
    }

    private static String stamp(Path f) throws IOException {
        return Files.size(f) + " " + Files.getLastModifiedTime(f).toMillis();
    }

    /** Where caches go unless told: {@code $XDG_CACHE_HOME/vigil}, else {@code ~/.cache/vigil}. */
    public static Path defaultDirectory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "vigil");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "vigil");
    }

    /** Big-endian fields over the whole file. */
    private static final class Reader {
        private final byte[] b;
        private int at;

        Reader(byte[] b) {
            this.b = b;
        }

        private void need(int n) {
            if (n < 0 || n > b.length - at) {
                throw new IllegalArgumentException("rule cache ends early");
            }
        }

        int u8() {
            need(1);
            return b[at++] & 0xFF;
        }

        private int i32() {
            need(4);
            int v = (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | b[at + 3] & 0xFF;
            at += 4;
            return v;
        }

        /** A size or count. */
        int u32() {
            int v = i32();
            if (v < 0) {
                throw new IllegalArgumentException("negative size in rule cache");
            }
            return v;
        }

        long u64() {
            long hi = i32() & 0xFFFFFFFFL;
            return hi << 32 | i32() & 0xFFFFFFFFL;
        }

        String text() {
            int n = u32();
            need(n);
            String s = new String(b, at, n, StandardCharsets.UTF_8);
            at += n;
            return s;
        }

        int skip(int n) {
            need(n);
            int start = at;
            at += n;
            return start;
        }
    }

    /** The writing side of {@link Reader}. */
    private static final class Writer {
        private byte[] b = new byte[1 << 16];
        private int len;

        private void room(int n) {
            if (len + n > b.length) {
                b = java.util.Arrays.copyOf(b, Math.max(b.length * 2, len + n));
            }
        }

        void u8(int v) {
            room(1);
            b[len++] = (byte) v;
        }

        void u32(int v) {
            room(4);
            b[len++] = (byte) (v >>> 24);
            b[len++] = (byte) (v >>> 16);
            b[len++] = (byte) (v >>> 8);
            b[len++] = (byte) v;
        }

        void u64(long v) {
            u32((int) (v >>> 32));
            u32((int) v);
        }

        void text(String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            u32(utf8.length);
            raw(utf8, 0, utf8.length);
        }

        void raw(byte[] src, int offset, int n) {
            room(n);
            System.arraycopy(src, offset, b, len, n);
            len += n;
        }

        byte[] bytes() {
            return java.util.Arrays.copyOf(b, len);
        }
    }
}

package dev.vigil.formats.evtx;

import static dev.vigil.formats.evtx.LittleEndian.i32;
import static dev.vigil.formats.evtx.LittleEndian.i64;
import static dev.vigil.formats.evtx.LittleEndian.u16;
import static dev.vigil.formats.evtx.LittleEndian.u32;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import java.util.zip.CRC32;

/**
 * An open EVTX file: a 4096-byte {@link EvtxFileHeader} followed by 64 KiB chunks.
 *
 * <p>The chunk count comes from the file size, {@code (size - 4096) / 65536} plus a partial tail
 * if any, never from the header: its u16 count overflows and dirty files have chunks past the
 * header's last chunk. Physical order is not event order in wrapped (circular) logs; records are
 * delivered in file order and callers sort by record id or time if they need to.
 *
 * <p>Records can be streamed ({@link #forEach}, {@link #iterator}) or chunks decoded
 * independently ({@link #decodeChunk}), which is safe from several threads at once.
 * Damage never throws; it goes to the options' listener. Instances are not usable after
 * {@link #close()}.
 */
public final class EvtxFile implements Closeable, Iterable<EvtxRecord> {
    private static final byte[] MAGIC = {'E', 'l', 'f', 'F', 'i', 'l', 'e', 0};
    /** One reusable chunk buffer per decoding thread (see {@link #takeBuffer()}). */
    private static final ThreadLocal<byte[]> CHUNK_BUFFER = new ThreadLocal<>();

    private final Path path;
    private final String name;
    private final FileChannel channel;
    private final long size;
    private final EvtxOptions options;
    private final EvtxFileHeader header;
    private final int chunkCount;

    private EvtxFile(Path path, FileChannel channel, long size, EvtxOptions options,
            EvtxFileHeader header) {
        this.path = path;
        this.name = path.toString();
        this.channel = channel;
        this.size = size;
        this.options = options;
        this.header = header;
        long data = Math.max(0, size - EvtxFileHeader.SIZE);
        long chunks = (data + ChunkDecoder.CHUNK_SIZE - 1) / ChunkDecoder.CHUNK_SIZE;
        this.chunkCount = (int) Math.min(chunks, Integer.MAX_VALUE);
    }

    public static EvtxFile open(Path path) throws IOException {
        return open(path, EvtxOptions.defaults());
    }

    /**
     * Opens a file and reads its header.
     *
     * @throws EvtxFormatException if the file does not start with an {@code ElfFile\0} header
     * @throws IOException on I/O errors
     */
    public static EvtxFile open(Path path, EvtxOptions options) throws IOException {
        FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
        try {
            long size = ch.size();
            byte[] h = new byte[128];
            int n = readFully(ch, ByteBuffer.wrap(h), 0);
            if (n < 128) {
                throw new EvtxFormatException(path + ": " + n + " bytes, expected an EVTX file header of"
                        + " at least 128 bytes");
            }
            for (int i = 0; i < MAGIC.length; i++) {
                if (h[i] != MAGIC[i]) {
                    throw new EvtxFormatException(path + ": missing ElfFile signature at offset 0");
                }
            }
            CRC32 crc = new CRC32();
            crc.update(h, 0, 120);
            long stored = u32(h, 124);
            EvtxFileHeader header = new EvtxFileHeader(i64(h, 8), i64(h, 16), i64(h, 24), i32(h, 32),
                    u16(h, 36), u16(h, 38), u16(h, 40), u16(h, 42), i32(h, 120), stored,
                    crc.getValue() == stored);
            EvtxFile file = new EvtxFile(path, ch, size, options, header);
            file.checkHeader();
            return file;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    private void checkHeader() {
        if (!header.checksumValid()) {
            damage(EvtxDamage.Kind.FILE_HEADER, name + ": file header CRC32 does not match bytes"
                    + " 0..119 (stored " + Long.toHexString(header.checksum()) + ")");
        }
        if (size < EvtxFileHeader.SIZE) {
            damage(EvtxDamage.Kind.TRUNCATED_FILE, name + ": " + size
                    + " bytes, expected at least the 4096-byte header");
        } else if ((size - EvtxFileHeader.SIZE) % ChunkDecoder.CHUNK_SIZE != 0) {
            damage(EvtxDamage.Kind.TRUNCATED_FILE, name + ": size " + size
                    + " is not 4096 + a multiple of 65536; last chunk is partial");
        }
    }

    private void damage(EvtxDamage.Kind kind, String message) {
        options.damageListener().accept(new EvtxDamage(kind, -1, 0, -1, message));
    }

    public Path path() {
        return path;
    }

    public EvtxFileHeader header() {
        return header;
    }

    /** Number of chunks present in the file, counting a partial last chunk. */
    public int chunkCount() {
        return chunkCount;
    }

    /** Absolute file offset of a chunk. */
    public static long chunkOffset(int chunkIndex) {
        return EvtxFileHeader.SIZE + (long) chunkIndex * ChunkDecoder.CHUNK_SIZE;
    }

    /**
     * Decodes one chunk, delivering its records in file order. Thread-safe: each call works on its
     * own copy of the chunk and its own name/template caches.
     *
     * @return the number of records delivered
     * @throws IndexOutOfBoundsException if {@code chunkIndex} is not below {@link #chunkCount()}
     */
    public int decodeChunk(int chunkIndex, Consumer<EvtxRecord> sink, Consumer<EvtxDamage> damage)
            throws IOException {
        byte[] buffer = takeBuffer();
        try {
            return decodeChunk(chunkIndex, buffer, sink, damage);
        } finally {
            CHUNK_BUFFER.set(buffer);
        }
    }

    /**
     * This thread's chunk buffer, taken out of the slot while in use so that a sink decoding another
     * chunk on the same thread gets its own. Decoded records hold no reference to the buffer.
     */
    private static byte[] takeBuffer() {
        byte[] buffer = CHUNK_BUFFER.get();
        if (buffer == null) {
            return new byte[ChunkDecoder.CHUNK_SIZE];
        }
        CHUNK_BUFFER.set(null);
        return buffer;
    }

    /** Decodes one chunk into a list, reporting damage to the options' listener. */
    public List<EvtxRecord> decodeChunk(int chunkIndex) throws IOException {
        List<EvtxRecord> out = new ArrayList<>();
        decodeChunk(chunkIndex, out::add, options.damageListener());
        return out;
    }

    private int decodeChunk(int chunkIndex, byte[] buffer, Consumer<EvtxRecord> sink,
            Consumer<EvtxDamage> damage) throws IOException {
        if (chunkIndex < 0 || chunkIndex >= chunkCount) {
            throw new IndexOutOfBoundsException(name + ": chunk " + chunkIndex + " of " + chunkCount);
        }
        long offset = chunkOffset(chunkIndex);
        // The header first: unused (all-zero) and foreign chunks are common in pre-allocated logs and
        // need nothing past it; used chunks are read up to their free-space offset, and the rest
        // only if a record or a recovery scan reaches into it.
        int length = (int) Math.min(ChunkDecoder.CHUNK_SIZE, size - offset);
        int header = readFully(channel, ByteBuffer.wrap(buffer, 0, Math.min(length, ChunkDecoder.HEADER_SIZE)),
                offset);
        ChunkDecoder decoder = new ChunkDecoder(name, options);
        if (header < ChunkDecoder.HEADER_SIZE || !ChunkDecoder.hasMagic(buffer)) {
            return decoder.decode(buffer, header, chunkIndex, offset, sink, damage);
        }
        long freeSpace = u32(buffer, 48);
        int first = freeSpace > ChunkDecoder.HEADER_SIZE && freeSpace <= length ? (int) freeSpace : length;
        int loaded = ChunkDecoder.HEADER_SIZE + readFully(channel,
                ByteBuffer.wrap(buffer, ChunkDecoder.HEADER_SIZE, first - ChunkDecoder.HEADER_SIZE),
                offset + ChunkDecoder.HEADER_SIZE);
        if (loaded < first) {
            return decoder.decode(buffer, loaded, chunkIndex, offset, sink, damage); // file shrank
        }
        try {
            return decoder.decode(buffer, length, loaded, from -> readFully(channel,
                    ByteBuffer.wrap(buffer, from, length - from), offset + from), chunkIndex, offset, sink, damage);
        } catch (UncheckedIOException e) {
            throw e.getCause(); // reading the rest of the chunk failed: the same error as a failed first read
        }
    }

    /** Streams every record in file order; damage goes to the options' listener. */
    @Override
    public void forEach(Consumer<? super EvtxRecord> action) {
        byte[] buffer = takeBuffer();
        Consumer<EvtxRecord> sink = action::accept;
        try {
            for (int i = 0; i < chunkCount; i++) {
                try {
                    decodeChunk(i, buffer, sink, options.damageListener());
                } catch (IOException e) {
                    throw new UncheckedIOException(name + ": reading chunk " + i, e);
                }
            }
        } finally {
            CHUNK_BUFFER.set(buffer);
        }
    }

    /**
     * Records in file order, decoded one chunk at a time.
     *
     * @throws UncheckedIOException from {@code hasNext} on I/O errors
     */
    @Override
    public Iterator<EvtxRecord> iterator() {
        return new Iterator<>() {
            private final byte[] buffer = new byte[ChunkDecoder.CHUNK_SIZE];
            private final ArrayDeque<EvtxRecord> pending = new ArrayDeque<>();
            private int nextChunk;

            @Override
            public boolean hasNext() {
                while (pending.isEmpty() && nextChunk < chunkCount) {
                    try {
                        decodeChunk(nextChunk++, buffer, pending::add, options.damageListener());
                    } catch (IOException e) {
                        throw new UncheckedIOException(name + ": reading chunk " + (nextChunk - 1), e);
                    }
                }
                return !pending.isEmpty();
            }

            @Override
            public EvtxRecord next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return pending.poll();
            }
        };
    }

    /** {@link #iterator()} as a sequential stream. */
    public Stream<EvtxRecord> stream() {
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
                false);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private static int readFully(FileChannel ch, ByteBuffer buf, long position) throws IOException {
        int total = 0;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, position + total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }
}

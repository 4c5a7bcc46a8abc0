package dev.vigil.formats.read;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Streams the regular files of a tar archive (ustar, with GNU long names), one at a time, without
 * extracting anything: each entry is a bounded view of the archive stream. Directories, links and pax
 * headers are skipped.
 */
final class TarEntries {

    interface Entries {
        void entry(String name, InputStream content) throws IOException;
    }

    private static final int BLOCK = 512;

    private TarEntries() {}

    static void forEach(InputStream in, Entries entries) throws IOException {
        byte[] header = new byte[BLOCK];
        String longName = null;
        while (true) {
            if (!readBlock(in, header)) {
                return;
            }
            if (isZero(header)) {
                return;
            }
            long size = octal(header, 124, 12);
            char type = (char) header[156];
            long padded = (size + BLOCK - 1) / BLOCK * BLOCK;
            if (type == 'L') {
                byte[] name = in.readNBytes((int) Math.min(size, 1 << 20));
                skip(in, padded - name.length);
                longName = cString(name, 0, name.length);
                continue;
            }
            String name = longName != null ? longName : ustarName(header);
            longName = null;
            if (type == '0' || type == 0 || type == '7') {
                Bounded content = new Bounded(in, size);
                entries.entry(name, content);
                skip(in, content.remaining + (padded - size));
            } else {
                skip(in, padded);
            }
        }
    }

    private static String ustarName(byte[] h) {
        String name = cString(h, 0, 100);
        boolean ustar = h[257] == 'u' && h[258] == 's' && h[259] == 't' && h[260] == 'a' && h[261] == 'r';
        String prefix = ustar ? cString(h, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static String cString(byte[] b, int off, int len) {
        int end = off;
        while (end < off + len && b[end] != 0) {
            end++;
        }
        return new String(b, off, end - off, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] b, int off, int len) throws IOException {
        long v = 0;
        for (int i = off; i < off + len; i++) {
            byte c = b[i];
            if (c == 0 || c == ' ') {
                if (v > 0) {
                    break;
                }
                continue;
            }
            if (c < '0' || c > '7') {
                throw new IOException("corrupt tar header (size field)");
            }
            v = v * 8 + (c - '0');
        }
        return v;
    }

    private static boolean readBlock(InputStream in, byte[] block) throws IOException {
        int n = in.readNBytes(block, 0, BLOCK);
        if (n == 0) {
            return false;
        }
        if (n < BLOCK) {
            throw new EOFException("tar archive ends inside a header");
        }
        return true;
    }

    private static boolean isZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private static void skip(InputStream in, long n) throws IOException {
        long left = n;
        while (left > 0) {
            long s = in.skip(left);
            if (s <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("tar archive ends inside an entry");
                }
                s = 1;
            }
            left -= s;
        }
    }

    /** A view of the next {@code size} bytes; closing it does not close the archive. */
    private static final class Bounded extends FilterInputStream {
        long remaining;

        Bounded(InputStream in, long size) {
            super(in);
            this.remaining = size;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int c = super.read();
            if (c < 0) {
                throw new EOFException("tar archive ends inside an entry");
            }
            remaining--;
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, remaining));
            if (n < 0) {
                throw new EOFException("tar archive ends inside an entry");
            }
            remaining -= n;
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(Math.min(n, remaining));
            remaining -= s;
            return s;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(super.available(), remaining);
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        @Override
        public void close() {
            // the archive stream stays open for the next entry
        }
    }
}

package dev.vigil.formats.read;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipException;

/**
 * Turns "the compressed input ends early" into a normal end of input and remembers it, so the readers
 * above still deliver every record decoded before the damage (a buffered reader would otherwise drop the
 * text it had already decoded into its buffer); the caller reports the truncation afterwards.
 */
final class TruncationGuard extends FilterInputStream {

    private IOException failure;

    TruncationGuard(InputStream in) {
        super(in);
    }

    /** The truncation met, or null. */
    IOException failure() {
        return failure;
    }

    @Override
    public int read() throws IOException {
        if (failure != null) {
            return -1;
        }
        try {
            return super.read();
        } catch (EOFException | ZipException e) {
            failure = e;
            return -1;
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (failure != null) {
            return -1;
        }
        try {
            return super.read(b, off, len);
        } catch (EOFException | ZipException e) {
            failure = e;
            return -1;
        }
    }
}

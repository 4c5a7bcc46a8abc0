package dev.vigil.cli;

import dev.vigil.formats.evtx.EvtxDamage;
import dev.vigil.formats.evtx.EvtxFile;
import dev.vigil.formats.evtx.EvtxRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Decodes EVTX chunks on a pool of threads and hands them to a consumer in file and chunk order, whatever
 * the parallelism. Chunks are self-contained (names and templates are chunk-relative), so any thread can
 * decode any chunk; the order is restored by waiting on the futures in submission order. At most
 * {@code 2 × threads} chunks are in flight, which bounds memory and keeps every thread busy across file
 * boundaries (most logs are a few chunks). With one thread, chunks are decoded inline, in order.
 * The consumer runs on the calling thread only.
 */
final class OrderedChunkDecoder implements AutoCloseable {

    /** Receives decoded chunks in order. */
    interface Consumer {
        void accept(DecodedChunk chunk) throws IOException;
    }

    private final ExecutorService pool;
    private final int window;
    private final Function<EvtxRecord, Object> render;
    private final Consumer consumer;
    private final ArrayDeque<Future<DecodedChunk>> inFlight = new ArrayDeque<>();
    /** Files with chunks not yet delivered; this class closes them, after their last chunk or on close. */
    private final Set<EvtxFile> open = new LinkedHashSet<>();

    /** {@code render} turns a record into output; it runs on the pool's threads and must be thread-safe. */
    OrderedChunkDecoder(int threads, Function<EvtxRecord, Object> render, Consumer consumer) {
        this.pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "vigil-evtx-decode");
            t.setDaemon(true);
            return t;
        }) : null;
        this.window = 2 * threads;
        this.render = render;
        this.consumer = consumer;
    }

    /**
     * Queues every chunk of an open file; the file is closed once its last chunk has been consumed.
     * {@code headerDamage} is reported with the first chunk so problems come out in file order.
     */
    void add(String displayPath, EvtxFile file, List<EvtxDamage> headerDamage) throws IOException {
        open.add(file);
        int chunks = file.chunkCount();
        if (chunks == 0) {
            submit(CompletableFuture.completedFuture(new DecodedChunk(displayPath, file, true, true, List.of(),
                    new ArrayList<>(headerDamage), null)));
            return;
        }
        for (int i = 0; i < chunks; i++) {
            int index = i;
            List<EvtxDamage> before = i == 0 ? headerDamage : List.of();
            if (pool == null) {
                submit(CompletableFuture.completedFuture(decode(displayPath, file, index, before)));
            } else {
                submit(pool.submit(() -> decode(displayPath, file, index, before)));
            }
        }
    }

    private DecodedChunk decode(String displayPath, EvtxFile file, int index, List<EvtxDamage> before) {
        List<Object> records = new ArrayList<>();
        List<EvtxDamage> damage = new ArrayList<>(before);
        IOException failure = null;
        try {
            file.decodeChunk(index, r -> records.add(renderOne(r)), damage::add);
        } catch (IOException e) {
            failure = e;
        }
        return new DecodedChunk(displayPath, file, index == 0, index == file.chunkCount() - 1, records, damage,
                failure);
    }

    private Object renderOne(EvtxRecord r) {
        try {
            return render.apply(r);
        } catch (RuntimeException e) {
            return new DecodedChunk.Unrenderable(String.valueOf(e));
        }
    }

    private void submit(Future<DecodedChunk> f) throws IOException {
        inFlight.add(f);
        while (inFlight.size() > window) {
            deliverHead();
        }
    }

    /** Delivers everything queued so far, in order. */
    void drain() throws IOException {
        while (!inFlight.isEmpty()) {
            deliverHead();
        }
    }

    private void deliverHead() throws IOException {
        Future<DecodedChunk> head = inFlight.poll();
        DecodedChunk chunk;
        try {
            chunk = head.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while decoding", e);
        } catch (ExecutionException e) {
            // decode() catches what it expects; anything else is a decoder defect worth stopping for.
            throw new UncheckedIOException(new IOException("EVTX decoding failed: " + e.getCause(), e.getCause()));
        }
        try {
            consumer.accept(chunk);
        } finally {
            if (chunk.last()) {
                open.remove(chunk.file());
                chunk.file().close();
            }
        }
    }

    @Override
    public void close() {
        for (Future<DecodedChunk> f : inFlight) {
            f.cancel(true);
        }
        if (pool != null) {
            pool.shutdownNow();
        }
        for (EvtxFile f : open) {
            try {
                f.close();
            } catch (IOException e) {
                // closing a read-only file after a failed run; nothing left to report it against
            }
        }
        open.clear();
    }
}

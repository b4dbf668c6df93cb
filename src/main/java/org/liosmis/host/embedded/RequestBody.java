package org.liosmis.host.embedded;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.function.BiConsumer;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * Reads a request body without blocking a thread: whatever has arrived is taken, then the
 * reader waits for more on Jetty's demand. Counted while read, so a chunked body cannot
 * pass the bound either.
 */
final class RequestBody implements Runnable {

    private final Request request;
    private final long limit;
    private final ByteArrayOutputStream bytes;
    private final BiConsumer<byte[], Throwable> done;

    private RequestBody(Request request, long announced, long limit, BiConsumer<byte[], Throwable> done) {
        this.request = request;
        this.limit = limit;
        this.bytes = new ByteArrayOutputStream(announced > 0 ? (int) announced : 1024);
        this.done = done;
    }

    /** Starts reading; {@code done} gets the body, or a failure ({@link BodyTooLarge}, the connection's). */
    static void read(Request request, long announced, long limit, BiConsumer<byte[], Throwable> done) {
        new RequestBody(request, announced, limit, done).run();
    }

    @Override
    public void run() {
        while (true) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                request.demand(this);
                return;
            }
            if (Content.Chunk.isFailure(chunk)) {
                done.accept(null, chunk.getFailure());
                return;
            }
            ByteBuffer buffer = chunk.getByteBuffer();
            if (bytes.size() + (long) buffer.remaining() > limit) {
                chunk.release();
                done.accept(null, new BodyTooLarge(limit));
                return;
            }
            byte[] part = new byte[buffer.remaining()];
            buffer.get(part);
            bytes.write(part, 0, part.length);
            boolean last = chunk.isLast();
            chunk.release();
            if (last) {
                done.accept(bytes.toByteArray(), null);
                return;
            }
        }
    }
}

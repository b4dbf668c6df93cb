package org.liosmis.host.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;

/**
 * A response body that is held back until it passes a size: a small answer goes out in one
 * write with its Content-Length, and one that fails before then can still be replaced by
 * an ERROR answer. Past that size it streams (chunked) and a failure can only break it off.
 */
final class ResponseStream extends OutputStream {

    private final Response response;
    private final byte[] held;
    private int count;
    private OutputStream streaming;

    ResponseStream(Response response, int holdBytes) {
        this.response = response;
        this.held = new byte[holdBytes];
    }

    /** True once bytes went to the client: the answer can no longer be replaced. */
    boolean started() {
        return streaming != null;
    }

    /** Forgets what is held, to write another answer instead. */
    void discard() {
        if (started()) {
            throw new IllegalStateException("the response has started: it cannot be replaced");
        }
        count = 0;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (streaming == null) {
            if (count + length <= held.length) {
                System.arraycopy(bytes, offset, held, count, length);
                count += length;
                return;
            }
            streaming = Content.Sink.asOutputStream(response);
            streaming.write(held, 0, count);
        }
        streaming.write(bytes, offset, length);
    }

    @Override
    public void close() throws IOException {
        if (streaming != null) {
            streaming.close();
            return;
        }
        try (Blocker.Callback written = Blocker.callback()) {
            response.write(true, ByteBuffer.wrap(held, 0, count), written);
            written.block();
        }
    }
}

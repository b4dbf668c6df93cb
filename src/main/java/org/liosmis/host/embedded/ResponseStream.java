package org.liosmis.host.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.FutureCallback;

/**
 * A response body written in pieces of a fixed size. The first piece is held back: a small
 * answer goes out in one write with its Content-Length, and one that fails before the first
 * piece is full can still be replaced by an ERROR answer. Past it the response streams
 * (chunked) and a failure can only break it off.
 *
 * <p>Each write must be taken by the client within the idle timeout plus what its size takes
 * at the minimum rate, or the connection is closed: a client that reads too slowly does not
 * hold its worker.
 */
final class ResponseStream extends OutputStream {

    private final Response response;
    private final EndPoint endPoint;
    private final Duration idleTimeout;
    private final long minBytesPerSecond;
    private final int pieceBytes;
    // grows to pieceBytes only for answers that need it: most are a few KiB
    private byte[] piece = new byte[4096];
    private int count;
    private boolean started;

    ResponseStream(Response response, EndPoint endPoint, int pieceBytes, ServerLimits limits) {
        this.response = response;
        this.endPoint = endPoint;
        this.idleTimeout = limits.idleTimeout();
        this.minBytesPerSecond = limits.minResponseBytesPerSecond();
        this.pieceBytes = pieceBytes;
    }

    /** True once bytes went to the client: the answer can no longer be replaced. */
    boolean started() {
        return started;
    }

    /** Forgets what is held, to write another answer instead. */
    void discard() {
        if (started) {
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
        while (length > 0) {
            if (count == piece.length && piece.length < pieceBytes) {
                piece = Arrays.copyOf(piece, Math.min(pieceBytes, piece.length * 4));
            } else if (count == piece.length) {
                started = true;
                send(false);
            }
            int taken = Math.min(length, piece.length - count);
            System.arraycopy(bytes, offset, piece, count, taken);
            count += taken;
            offset += taken;
            length -= taken;
        }
    }

    @Override
    public void close() throws IOException {
        send(true);
    }

    private void send(boolean last) throws IOException {
        FutureCallback written = new FutureCallback();
        response.write(last, ByteBuffer.wrap(piece, 0, count), written);
        if (!written.isDone()) {
            long allowedMillis = idleTimeout.toMillis()
                    + (minBytesPerSecond == 0 ? 0 : count * 1000L / minBytesPerSecond);
            try {
                written.block(allowedMillis, TimeUnit.MILLISECONDS);
            } catch (IOException late) {
                endPoint.close(late);
                throw late;
            }
        }
        written.block();
        count = 0;
    }
}

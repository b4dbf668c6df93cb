package org.liosmis.host.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body up to a bound, whether its length was announced (Content-Length,
 * checked before reading) or not (chunked, counted while reading).
 */
final class BoundedBody {

    private BoundedBody() {
    }

    static void checkAnnounced(String contentLength, long limit) throws BodyTooLarge {
        if (contentLength != null) {
            try {
                if (Long.parseLong(contentLength.trim()) > limit) {
                    throw new BodyTooLarge(limit);
                }
            } catch (NumberFormatException e) {
                // the HTTP server itself refuses a malformed Content-Length
            }
        }
    }

    static byte[] read(InputStream body, long limit) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n; (n = body.read(buffer)) > 0; ) {
            if (bytes.size() + (long) n > limit) {
                throw new BodyTooLarge(limit);
            }
            bytes.write(buffer, 0, n);
        }
        return bytes.toByteArray();
    }
}

package org.liosmis.testing;

import java.io.IOException;
import java.io.InputStream;

/** The text lines of HTTP heads and chunk sizes, read byte by byte off a raw connection. */
public final class HttpText {

    private HttpText() {
    }

    /** One line without its CR LF; the end of the stream before it is an IOException. */
    public static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("the server closed the connection");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}

package org.liosmis.host.embedded;

import java.io.IOException;

/** The request body went past the configured bound. */
final class BodyTooLarge extends IOException {

    BodyTooLarge(long limit) {
        super("the request body is larger than " + limit + " bytes");
    }
}

package org.liosmis.host.cimxml;

import java.io.IOException;
import java.io.Writer;

/**
 * A response ready to be written: the operation has already run far enough to know it
 * succeeded or failed, so the HTTP status (200) is settled. Writing may still fail
 * while a stream of results is produced; that surfaces as {@link ResponseAborted}.
 */
public final class CimResponse implements AutoCloseable {

    /** Writes the body between the MESSAGE envelope. */
    @FunctionalInterface
    interface Body {
        void write(MarkupWriter xml, CimXmlEncoder encoder) throws IOException;
    }

    private final String messageId;
    private final String host;
    private final String namespace;
    private final Body body;
    private final Runnable release;

    /** @param release frees what the body reads from (a stream of results), or null */
    CimResponse(String messageId, String host, String namespace, Body body, Runnable release) {
        this.messageId = messageId;
        this.host = host;
        this.namespace = namespace;
        this.body = body;
        this.release = release;
    }

    /** The answer of an intrinsic operation that returns nothing. */
    static CimResponse empty(CimRequest request, String host, String operation) {
        return new CimResponse(request.messageId(), host, request.namespace(), (xml, enc) ->
                xml.start("IMETHODRESPONSE").attribute("NAME", operation).end(), null);
    }

    /** Streams the whole document; the caller owns and closes the writer. */
    public void writeTo(Writer out) throws IOException {
        MarkupWriter xml = new MarkupWriter(out);
        xml.declaration();
        xml.start("CIM").attribute("CIMVERSION", "2.0").attribute("DTDVERSION", "2.0");
        xml.start("MESSAGE").attribute("ID", messageId).attribute("PROTOCOLVERSION", "1.0");
        xml.start("SIMPLERSP");
        try {
            body.write(xml, new CimXmlEncoder(xml, host, namespace));
        } catch (RuntimeException e) {
            throw new ResponseAborted("producing the response failed after it had started", e);
        }
        xml.end().end().end();
        xml.flush();
    }

    @Override
    public void close() {
        if (release != null) {
            release.run();
        }
    }
}

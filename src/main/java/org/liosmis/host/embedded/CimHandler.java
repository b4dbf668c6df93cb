package org.liosmis.host.embedded;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.liosmis.host.cimxml.CimRequest;
import org.liosmis.host.cimxml.CimResponse;
import org.liosmis.host.cimxml.OperationDispatcher;
import org.liosmis.host.cimxml.RequestDecoder;
import org.liosmis.host.cimxml.RequestRejected;
import org.liosmis.host.cimxml.ResponseAborted;
import org.liosmis.host.cimxml.SafeXmlReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One CIM-XML operation request over HTTP: checks method, headers and size, decodes the
 * body, runs the operation and streams the response with chunked transfer encoding.
 */
final class CimHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(CimHandler.class);

    private final OperationDispatcher dispatcher;
    private final SafeXmlReader reader;
    private final long maxBodyBytes;

    CimHandler(OperationDispatcher dispatcher, SafeXmlReader reader, long maxBodyBytes) {
        this.dispatcher = dispatcher;
        this.reader = reader;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        String operation = "-";
        try {
            String method = exchange.getRequestMethod();
            if (!method.equals("POST") && !method.equals("M-POST")) {
                exchange.getResponseHeaders().set("Allow", "POST, M-POST");
                reject(exchange, new RequestRejected(405, null, method + " is not a CIM-XML method"));
                return;
            }
            OperationHeaders headers = new OperationHeaders(method, exchange.getRequestHeaders());
            headers.checkOperation();
            BoundedBody.checkAnnounced(exchange.getRequestHeaders().getFirst("Content-Length"), maxBodyBytes);
            byte[] body = BoundedBody.read(exchange.getRequestBody(), maxBodyBytes);
            CimRequest request = RequestDecoder.decode(reader.read(new ByteArrayInputStream(body)));
            operation = request.methodName();
            headers.checkMatches(request);
            respond(exchange, request);
        } catch (RequestRejected e) {
            reject(exchange, e);
        } catch (BodyTooLarge e) {
            // the rest of the body is never read, so this connection cannot carry another request
            exchange.getResponseHeaders().set("Connection", "close");
            reject(exchange, new RequestRejected(413, null, e.getMessage()));
        } finally {
            if (LOG.isDebugEnabled()) {
                LOG.debug("{} {} {} {} {} ms", exchange.getRemoteAddress(), exchange.getPrincipal() == null ? "-"
                        : exchange.getPrincipal().getUsername(), operation, exchange.getResponseCode(),
                        (System.nanoTime() - started) / 1_000_000);
            }
        }
    }

    private void respond(HttpExchange exchange, CimRequest request) throws IOException {
        try (CimResponse response = dispatcher.dispatch(request, host(exchange))) {
            exchange.getResponseHeaders().set("Content-Type", "application/xml; charset=\"utf-8\"");
            exchange.getResponseHeaders().set("CIMOperation", "MethodResponse");
            exchange.sendResponseHeaders(200, 0);
            Writer out = new BufferedWriter(new OutputStreamWriter(exchange.getResponseBody(),
                    StandardCharsets.UTF_8), 16 * 1024);
            response.writeTo(out);
            out.close();
        } catch (ResponseAborted e) {
            // leaving by exception makes the HTTP server drop the connection without the last
            // chunk, so the client sees a broken response instead of a short, valid-looking one
            LOG.warn("{} aborted mid-response: {}", request.methodName(), e.getCause().toString());
            throw e;
        }
    }

    private static void reject(HttpExchange exchange, RequestRejected rejection) throws IOException {
        if (rejection.cimError() != null) {
            exchange.getResponseHeaders().set("CIMError", rejection.cimError());
        }
        LOG.debug("rejected: {} {}", rejection.status(), rejection.getMessage());
        byte[] text = (rejection.getMessage() + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(rejection.status(), text.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(text);
        }
    }

    /** The host the client addressed, for INSTANCEPATHs of objects without a host of their own. */
    private static String host(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Host");
        if (header != null && !header.isBlank()) {
            return header.trim();
        }
        return exchange.getLocalAddress().getHostString() + ":" + exchange.getLocalAddress().getPort();
    }
}

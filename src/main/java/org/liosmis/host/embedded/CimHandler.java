package org.liosmis.host.embedded;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
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
 * One CIM-XML operation request over HTTP. On Jetty's thread, without blocking: checks
 * method, headers and size, then receives the body within the request timeout. Only a
 * request that has arrived whole goes to a worker, which authenticates it, decodes it,
 * runs the operation and streams the response.
 */
final class CimHandler extends Handler.Abstract.NonBlocking {

    /** How many times the body limit a refused body may be to be read and dropped before the 413. */
    private static final long DRAINED_BODY_FACTOR = 4;
    private static final Logger LOG = LoggerFactory.getLogger(CimHandler.class);
    // most answers are smaller: they go out in one write, and a failure while producing them is still a CIM error
    private static final int RESPONSE_PIECE_BYTES = 32 * 1024;

    private final OperationDispatcher dispatcher;
    private final SafeXmlReader reader;
    private final BasicAuthentication authentication;
    private final ServerLimits limits;
    private final WorkerPool workers;
    private final BodyBudget bodies;
    private final ConnectionGuard guard;
    private final Scheduler scheduler;

    /** @param authentication null lets every caller in */
    CimHandler(OperationDispatcher dispatcher, SafeXmlReader reader, BasicAuthentication authentication,
               ServerLimits limits, WorkerPool workers, ConnectionGuard guard, Scheduler scheduler) {
        this.dispatcher = dispatcher;
        this.reader = reader;
        this.authentication = authentication;
        this.limits = limits;
        this.workers = workers;
        this.bodies = new BodyBudget(limits.maxBufferedBodyBytes());
        this.guard = guard;
        this.scheduler = scheduler;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Connection connection = request.getConnectionMetaData().getConnection();
        guard.serving(connection);
        Callback finished = Callback.from(() -> guard.served(connection), callback);
        String method = request.getMethod();
        if (!method.equals("POST") && !method.equals("M-POST")) {
            response.getHeaders().put(HttpHeader.ALLOW, "POST, M-POST");
            reject(response, finished, new RequestRejected(405, null, method + " is not a CIM-XML method"));
            return true;
        }
        OperationHeaders headers = new OperationHeaders(method, request.getHeaders());
        try {
            headers.checkOperation();
        } catch (RequestRejected e) {
            reject(response, finished, e);
            return true;
        }
        long announced = request.getLength();
        if (announced > limits.maxBodyBytes()) {
            refuseByLength(request, response, finished, announced);
            return true;
        }
        int reserved = bodies.reserve(announced >= 0 ? announced : limits.maxBodyBytes());
        if (reserved < 0) {
            busy(response, finished);
            return true;
        }
        receive(request, response, Callback.from(() -> bodies.release(reserved), finished), headers, announced);
        return true;
    }

    /** Reads the body by the request's deadline, then hands the request to a worker. */
    private void receive(Request request, Response response, Callback callback, OperationHeaders headers,
                         long announced) {
        AtomicBoolean settled = new AtomicBoolean();
        AtomicReference<Scheduler.Task> timeout = new AtomicReference<>();
        RequestBody.read(request, announced, limits.maxBodyBytes(), (body, failure) -> {
            if (!settled.compareAndSet(false, true)) {
                return;
            }
            Scheduler.Task waiting = timeout.get();
            if (waiting != null) {
                waiting.cancel();
            }
            if (failure instanceof BodyTooLarge) {
                tooLarge(response, callback);
            } else if (failure != null) {
                callback.failed(failure);
            } else if (!workers.offer(() -> serve(request, response, callback, headers, body))) {
                busy(response, callback);
            }
        });
        // most bodies arrive with their head and are read by now; only one still arriving needs a deadline
        if (!settled.get()) {
            long left = request.getBeginNanoTime() + limits.requestTimeout().toNanos() - System.nanoTime();
            timeout.set(scheduler.schedule(() -> {
                if (settled.compareAndSet(false, true)) {
                    response.getHeaders().put(HttpHeader.CONNECTION, "close");
                    reject(response, callback, new RequestRejected(408, null, "the request did not arrive whole"
                            + " within " + limits.requestTimeout().toSeconds() + " s"));
                }
            }, Math.max(left, 0), TimeUnit.NANOSECONDS));
        }
    }

    private void serve(Request request, Response response, Callback callback, OperationHeaders headers, byte[] body) {
        long started = System.nanoTime();
        String user = "-";
        String operation = "-";
        int status = 200;
        try {
            if (authentication != null) {
                BasicAuthentication.Outcome outcome = authentication.authenticate(
                        request.getHeaders().get(HttpHeader.AUTHORIZATION), clientAddress(request));
                switch (outcome) {
                    case BasicAuthentication.Authenticated authenticated -> user = authenticated.user();
                    case BasicAuthentication.Challenge challenge -> {
                        response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, challenge.header());
                        throw new RequestRejected(401, null, "this server needs a user and password (HTTP Basic)");
                    }
                    case BasicAuthentication.Paused paused -> {
                        long seconds = Math.max(1, (paused.left().toMillis() + 999) / 1000);
                        response.getHeaders().put(HttpHeader.RETRY_AFTER, seconds);
                        throw new RequestRejected(429, null, "too many failed logins from this address: try again in "
                                + seconds + " s");
                    }
                }
            }
            CimRequest cim = RequestDecoder.decode(reader.read(new ByteArrayInputStream(body)));
            operation = cim.methodName();
            headers.checkMatches(cim);
            respond(request, response, cim);
            callback.succeeded();
        } catch (RequestRejected e) {
            status = e.status();
            reject(response, callback, e);
        } catch (IOException | RuntimeException e) {
            // a broken response or connection: failing the callback drops the connection without a last
            // chunk, so the client sees a broken response instead of a short, valid-looking one
            status = -1;
            if (e instanceof ResponseAborted aborted) {
                LOG.warn("{} aborted mid-response: {}", operation, aborted.getCause().toString());
            } else {
                LOG.debug("{} could not be answered: {}", operation, e.toString());
            }
            callback.failed(e);
        } finally {
            if (LOG.isDebugEnabled()) {
                LOG.debug("{} {} {} {} {} ms", request.getConnectionMetaData().getRemoteSocketAddress(), user, operation,
                        status, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            }
        }
    }

    private void respond(Request request, Response response, CimRequest cim) throws IOException {
        String host = host(request);
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/xml; charset=\"utf-8\"");
        response.getHeaders().put("CIMOperation", "MethodResponse");
        ResponseStream body = new ResponseStream(response, request.getConnectionMetaData().getConnection()
                .getEndPoint(), RESPONSE_PIECE_BYTES, limits);
        try (CimResponse answer = dispatcher.dispatch(cim, host, clientAddress(request).getHostAddress())) {
            write(answer, body);
        } catch (ResponseAborted e) {
            if (body.started()) {
                throw e;
            }
            // nothing was sent yet: the client gets the failure as a CIM error instead of a broken response
            LOG.warn("{} failed while its results were produced: {}", cim.methodName(), e.getCause().toString());
            body.discard();
            try (CimResponse error = dispatcher.failed(cim, host, (Exception) e.getCause())) {
                write(error, body);
            }
        }
    }

    private static void write(CimResponse answer, ResponseStream body) throws IOException {
        Writer out = new OutputStreamWriter(body, StandardCharsets.UTF_8);
        answer.writeTo(out);
        out.close();
    }

    /**
     * A body too large by its Content-Length. One of up to a few times the limit is read and
     * dropped before the answer: a client that sends its whole body before it reads (Java's
     * HttpClient does) would otherwise lose the 413 to the reset that closing on unread bytes
     * causes. A larger one is answered at once.
     */
    private void refuseByLength(Request request, Response response, Callback callback, long announced) {
        if (announced > DRAINED_BODY_FACTOR * limits.maxBodyBytes()) {
            tooLarge(response, callback);
            return;
        }
        Content.Source.consumeAll(request, Callback.from(() -> tooLarge(response, callback), callback::failed));
    }

    private void tooLarge(Response response, Callback callback) {
        // the rest of the body is never read, so this connection cannot carry another request
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        reject(response, callback, new RequestRejected(413, null, new BodyTooLarge(limits.maxBodyBytes()).getMessage()));
    }

    private static void busy(Response response, Callback callback) {
        response.getHeaders().put(HttpHeader.RETRY_AFTER, 1);
        reject(response, callback, new RequestRejected(503, null,
                "the server is busy with other requests; this one was not run: retry in a moment"));
    }

    private static void reject(Response response, Callback callback, RequestRejected rejection) {
        if (rejection.cimError() != null) {
            response.getHeaders().put("CIMError", rejection.cimError());
        }
        LOG.debug("rejected: {} {}", rejection.status(), rejection.getMessage());
        response.setStatus(rejection.status());
        if (rejection.status() == 401) {
            // the SBLIM client answers a challenge on the same connection without reading its body, and would
            // take that body for the start of the next answer
            response.write(true, ByteBuffer.allocate(0), callback);
            return;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.write(true, ByteBuffer.wrap((rejection.getMessage() + "\n").getBytes(StandardCharsets.UTF_8)),
                callback);
    }

    private static InetAddress clientAddress(Request request) {
        return request.getConnectionMetaData().getRemoteSocketAddress() instanceof InetSocketAddress remote
                ? remote.getAddress() : InetAddress.getLoopbackAddress();
    }

    /** The host the client addressed, for INSTANCEPATHs of objects without a host of their own. */
    private static String host(Request request) {
        String header = request.getHeaders().get(HttpHeader.HOST);
        if (header != null && !header.isBlank()) {
            return header.trim();
        }
        return Request.getLocalAddr(request) + ":" + Request.getLocalPort(request);
    }
}

package org.liosmis.host.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.liosmis.testing.HttpText;

/** A bare HTTP/1.1 connection, to send what well-behaved clients never would. */
final class RawHttp implements AutoCloseable {

    record Response(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    static final String AUTHORIZATION = "Basic " + Base64.getEncoder().encodeToString(
            (TestServers.USER + ":" + TestServers.PASSWORD).getBytes(StandardCharsets.UTF_8));

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawHttp(int port) throws IOException {
        this(port, null);
    }

    /** From a local address of its own (127.0.0.2, ...), as a different client host would connect. */
    RawHttp(int port, InetAddress from) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port, from, 0);
        socket.setSoTimeout(10_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /** A CIM-XML POST with the given extension headers (null leaves one out) and credentials. */
    static String head(String method, String cimOperation, String cimMethod, String cimObject, String authorization,
                       String lengthHeader) {
        StringBuilder head = new StringBuilder(method + " /cimom HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/xml; charset=\"utf-8\"\r\n");
        appendIf(head, "CIMOperation", cimOperation);
        appendIf(head, "CIMMethod", cimMethod);
        appendIf(head, "CIMObject", cimObject);
        appendIf(head, "Authorization", authorization);
        return head.append(lengthHeader).append("\r\n\r\n").toString();
    }

    private static void appendIf(StringBuilder head, String name, String value) {
        if (value != null) {
            head.append(name).append(": ").append(value).append("\r\n");
        }
    }

    /** An authenticated intrinsic call to root/lio. */
    Response call(String cimMethod, String body) throws IOException {
        return send(head("POST", "MethodCall", cimMethod, "root%2Flio", AUTHORIZATION, "Content-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length), body);
    }

    Response send(String head, String body) throws IOException {
        write(head.getBytes(StandardCharsets.US_ASCII));
        write(body.getBytes(StandardCharsets.UTF_8));
        return read();
    }

    void write(String ascii) throws IOException {
        write(ascii.getBytes(StandardCharsets.US_ASCII));
    }

    void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    Response read() throws IOException {
        String statusLine = HttpText.line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new HashMap<>();
        for (String line = HttpText.line(in); !line.isEmpty(); line = HttpText.line(in)) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int size = chunkSize(); size > 0; size = chunkSize()) {
                body.write(in.readNBytes(size));
                HttpText.line(in);
            }
            HttpText.line(in);
        } else if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        }
        return new Response(status, headers, body.toString(StandardCharsets.UTF_8));
    }

    void timeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
    }

    /** True once the server has closed its side, after whatever it answered: the stream ends or is reset. */
    boolean closedOrAnsweredByServer() throws IOException {
        try {
            while (in.read() >= 0) {
                // an answer (408, 413...) before the close is fine
            }
            return true;
        } catch (java.net.SocketException reset) {
            return true;
        }
    }

    private int chunkSize() throws IOException {
        return Integer.parseInt(HttpText.line(in).trim(), 16);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

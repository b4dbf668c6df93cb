package org.liosmis.host.embedded;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.liosmis.host.cimxml.CimRequest;
import org.eclipse.jetty.http.HttpFields;
import org.liosmis.host.cimxml.RequestRejected;

/**
 * The CIM extension headers of a request (DSP0200 §7.3): CIMOperation, CIMMethod and
 * CIMObject, under their M-POST prefix when the request came as M-POST with a Man header.
 * Matching is lenient where clients differ: names compare case-insensitively, CIMObject
 * is percent-decoded and, for extrinsic calls, only its namespace and class are compared.
 */
final class OperationHeaders {

    private static final Pattern MAN_PREFIX = Pattern.compile(";\\s*ns\\s*=\\s*(\\d+)");

    private final HttpFields headers;
    private final String prefix;

    OperationHeaders(String httpMethod, HttpFields headers) {
        this.headers = headers;
        String man = headers.get("Man");
        Matcher matcher = man == null ? null : MAN_PREFIX.matcher(man);
        this.prefix = "M-POST".equalsIgnoreCase(httpMethod) && matcher != null && matcher.find()
                ? matcher.group(1) + "-" : "";
    }

    /** Before the body is read: only a CIMOperation of MethodCall makes this a CIM operation request. */
    void checkOperation() throws RequestRejected {
        String operation = get("CIMOperation");
        if (operation == null) {
            throw RequestRejected.headerMismatch("the CIMOperation header is missing");
        }
        if (!operation.trim().equalsIgnoreCase("MethodCall")) {
            throw new RequestRejected(400, "unsupported-operation",
                    "CIMOperation must be MethodCall, not " + operation);
        }
    }

    /** After decoding: CIMMethod and CIMObject must name what the body does. */
    void checkMatches(CimRequest request) throws RequestRejected {
        String method = get("CIMMethod");
        if (method == null || !method.trim().equalsIgnoreCase(request.methodName())) {
            throw RequestRejected.headerMismatch("the CIMMethod header " + method + " does not match the body's "
                    + request.methodName());
        }
        String object = get("CIMObject");
        if (object != null && !objectMatches(percentDecoded(object), request)) {
            throw RequestRejected.headerMismatch("the CIMObject header " + object + " does not match the body");
        }
    }

    private static String percentDecoded(String object) throws RequestRejected {
        try {
            return URLDecoder.decode(object.trim(), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw RequestRejected.headerMismatch("the CIMObject header " + object + " is not validly percent-encoded"
                    + " (a % must be followed by two hexadecimal digits)");
        }
    }

    private static boolean objectMatches(String object, CimRequest request) {
        String expected = strip(request.namespace());
        if (request instanceof CimRequest.Extrinsic extrinsic) {
            int colon = object.indexOf(':');
            int dot = object.indexOf('.', Math.max(colon, 0));
            String namespace = colon < 0 ? "" : object.substring(0, colon);
            String className = object.substring(colon + 1, dot < 0 ? object.length() : dot);
            return strip(namespace).equalsIgnoreCase(expected)
                    && (extrinsic.targetClassName() == null || className.equalsIgnoreCase(extrinsic.targetClassName()));
        }
        return strip(object).equalsIgnoreCase(expected);
    }

    private static String strip(String namespace) {
        String trimmed = namespace.trim();
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        return trimmed;
    }

    private String get(String name) {
        return headers.get(prefix + name);
    }
}

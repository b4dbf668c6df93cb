package org.liosmis.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** CIM-XML written by hand and posted to a target's /cimom, for requests no client library would send. */
final class RawCimXml {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RawCimXml() {
    }

    /** Posts one CIM operation, its CIMMethod and CIMObject headers as given, as the target's user. */
    static HttpResponse<String> post(DemoTarget target, String method, String object, String body) throws Exception {
        URI url = URI.create(target.url());
        String auth = Base64.getEncoder().encodeToString((target.user() + ":" + target.password())
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url.getScheme() + "://" + url.getHost() + ":"
                        + url.getPort() + "/cimom"))
                .header("Content-Type", "application/xml; charset=\"utf-8\"").header("CIMOperation", "MethodCall")
                .header("CIMMethod", method).header("CIMObject", object)
                .header("Authorization", "Basic " + auth).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}

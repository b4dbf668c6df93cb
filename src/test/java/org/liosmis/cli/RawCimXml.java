package org.liosmis.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/** CIM-XML written by hand and posted to a target's /cimom, for requests no client library would send. */
final class RawCimXml {

    // HTTP/1.1 as CIM-XML clients speak it: no h2c upgrade offer a broker might not expect
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

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
        // the request timeout ends at the response head: a body that never ends (a broker's error
        // answer without a length on a kept-alive connection) is bounded here
        return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString()).get(30, TimeUnit.SECONDS);
    }
}

package org.liosmis.testing;

import java.net.URI;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/** A WBEM server given as http://USER:PASSWORD@HOST:PORT, the form the test and benchmark properties take. */
public record WbemUrl(URI server, String user, String password) {

    /**
     * The URL a property gave, refused naming that property unless it has that form. Plain http
     * only: wbemcli without -noverify, the SBLIM clients and the benchmarks' sockets trust no certificate.
     */
    public static WbemUrl parse(URI url, String property) {
        String[] credentials = url.getUserInfo() == null ? new String[0] : url.getUserInfo().split(":", 2);
        if (!"http".equals(url.getScheme()) || credentials.length != 2 || url.getPort() < 0) {
            throw new IllegalArgumentException(property + " must have the form http://USER:PASSWORD@HOST:PORT");
        }
        return new WbemUrl(URI.create("http://" + url.getHost() + ":" + url.getPort()), credentials[0], credentials[1]);
    }

    /** A CIM-XML client as the URL's user; the caller closes it. */
    public WBEMClient connect() throws Exception {
        return DemoClients.connect(server, user, password);
    }
}

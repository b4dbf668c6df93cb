package org.liosmis.testing;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.security.auth.Subject;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.client.PasswordCredential;
import org.metricshub.wbem.javax.wbem.client.UserPrincipal;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;
import org.metricshub.wbem.javax.wbem.client.WBEMClientFactory;

/** SBLIM Java clients of a demo server, by default on 127.0.0.1 as its user admin. */
public final class DemoClients {

    /** The user a demo server makes at its first start. */
    public static final String USER = "admin";

    private DemoClients() {
    }

    /** The password of the demo user admin, written at the first start. */
    public static String password(Path stateDir) throws Exception {
        return Files.readString(stateDir.resolve("demo-password")).strip();
    }

    /** A CIM-XML client of the server on the local HTTP port; the caller closes it. */
    public static WBEMClient connect(int httpPort, String password) throws Exception {
        return connect(URI.create("http://127.0.0.1:" + httpPort), USER, password);
    }

    /** A CIM-XML client of the server at scheme://host:port, as the given user; the caller closes it. */
    public static WBEMClient connect(URI server, String user, String password) throws Exception {
        WBEMClient client = WBEMClientFactory.getClient("CIM-XML");
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal(user));
        subject.getPrivateCredentials().add(new PasswordCredential(password));
        client.initialize(new CIMObjectPath(server.getScheme(), server.getHost(), String.valueOf(server.getPort()),
                null, null, null), subject, new Locale[] {Locale.US});
        return client;
    }
}

package org.liosmis.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.security.auth.Subject;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.client.PasswordCredential;
import org.metricshub.wbem.javax.wbem.client.UserPrincipal;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;
import org.metricshub.wbem.javax.wbem.client.WBEMClientFactory;

/** SBLIM Java clients of a demo server on 127.0.0.1, as its user admin. */
public final class DemoClients {

    private DemoClients() {
    }

    /** The password of the demo user admin, written at the first start. */
    public static String password(Path stateDir) throws Exception {
        return Files.readString(stateDir.resolve("demo-password")).strip();
    }

    /** A CIM-XML client of the server on the local HTTP port; the caller closes it. */
    public static WBEMClient connect(int httpPort, String password) throws Exception {
        WBEMClient client = WBEMClientFactory.getClient("CIM-XML");
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal("admin"));
        subject.getPrivateCredentials().add(new PasswordCredential(password));
        client.initialize(new CIMObjectPath("http", "127.0.0.1", String.valueOf(httpPort), null, null, null),
                subject, new Locale[] {Locale.US});
        return client;
    }
}

package org.liosmis.cli;

import java.nio.file.Path;
import java.util.List;
import org.liosmis.service.Arguments;
import org.liosmis.service.ServiceOptions;
import org.liosmis.service.UsageException;

/** What "lio-smis serve" was told: what the providers run on, and how the embedded server listens. */
record ServeOptions(ServiceOptions service, String bindAddress, int httpPort, int httpsPort, Path credentials,
                    Path keystore, String keystorePassword) {

    static final String USAGE = "lio-smis serve [options]\n" + ServiceOptions.USAGE + """
              --bind ADDRESS           address to listen on (default 127.0.0.1)
              --http-port PORT|off     CIM-XML over HTTP (default 5988)
              --https-port PORT|off    CIM-XML over HTTPS (default 5989)
              --credentials FILE       users and password hashes (default STATE/credentials; see "passwd")
              --keystore FILE          PKCS12 keystore for HTTPS (default: self-signed, made in STATE)
              --keystore-password PW   its password
            """;

    static ServeOptions parse(List<String> args) throws UsageException {
        ServiceOptions.Parser service = new ServiceOptions.Parser();
        String bind = "127.0.0.1";
        int httpPort = 5988;
        int httpsPort = 5989;
        Path credentials = null;
        Path keystore = null;
        String keystorePassword = null;
        Arguments in = new Arguments(args);
        while (in.hasNext()) {
            String option = in.next();
            if (service.take(option, in)) {
                continue;
            }
            switch (option) {
                case "--bind" -> bind = in.value(option);
                case "--http-port" -> httpPort = in.port(option);
                case "--https-port" -> httpsPort = in.port(option);
                case "--credentials" -> credentials = Path.of(in.value(option));
                case "--keystore" -> keystore = Path.of(in.value(option));
                case "--keystore-password" -> keystorePassword = in.value(option);
                default -> throw new UsageException("unknown option \"" + option + "\"");
            }
        }
        if (httpPort < 0 && httpsPort < 0) {
            throw new UsageException("both --http-port and --https-port are off: nothing would listen");
        }
        if (keystore != null && keystorePassword == null) {
            throw new UsageException("--keystore needs --keystore-password");
        }
        ServiceOptions options = service.build();
        return new ServeOptions(options, bind, httpPort, httpsPort,
                credentials == null ? options.stateDir().resolve("credentials") : credentials, keystore, keystorePassword);
    }
}

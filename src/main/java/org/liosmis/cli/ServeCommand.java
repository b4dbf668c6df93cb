package org.liosmis.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.liosmis.engine.StateDirectory;
import org.liosmis.host.embedded.Credentials;
import org.liosmis.host.embedded.EmbeddedServer;
import org.liosmis.host.embedded.ServerConfig;
import org.liosmis.lio.configfs.ConfigFsException;
import org.liosmis.service.DemoSetup;
import org.liosmis.service.LioSmisService;
import org.liosmis.service.ProductVersion;
import org.liosmis.service.ServiceOptions;
import org.liosmis.service.UsageException;
import org.liosmis.smis.ObjectManager;

/** "lio-smis serve": builds every layer and runs the embedded WBEM server until stopped. */
final class ServeCommand {

    private ServeCommand() {
    }

    static void run(List<String> args) throws UsageException, IOException, ConfigFsException, InterruptedException {
        ServeOptions options = ServeOptions.parse(args);
        // SIGTERM is handled from before the first request can arrive: a stop during start waits for the
        // start to finish, then closes what it made
        AtomicReference<RunningService> service = new AtomicReference<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Object starting = new Object();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (starting) {
                if (service.get() != null) {
                    service.get().close();
                }
            }
            stopped.countDown();
        }, "lio-smis-shutdown"));
        synchronized (starting) {
            service.set(start(options));
        }
        stopped.await();
    }

    /** Starts serving, holding the state directory until the service is closed. */
    static RunningService start(ServeOptions options) throws UsageException, IOException, ConfigFsException {
        ServiceOptions service = options.service();
        // what the user must set up is said before anything starts: LIO first, then the credentials
        LioSmisService.requireLio(service);
        StateDirectory.create(service.stateDir());
        ServerConfig config = serverConfig(options);
        // the providers are made before the server binds its ports: they read them when asked
        AtomicReference<EmbeddedServer> bound = new AtomicReference<>();
        ObjectManager objectManager = new ObjectManager(ProductVersion.get(), () -> listeners(options, bound.get()));
        LioSmisService providers = LioSmisService.start(service, Optional.of(objectManager));
        EmbeddedServer server;
        try {
            server = EmbeddedServer.start(config, providers.cimom());
        } catch (IOException | RuntimeException e) {
            providers.close();
            throw e;
        }
        bound.set(server);
        System.out.println("lio-smis serving " + service.namespace() + " and " + LioSmisService.INTEROP_NAMESPACE
                + (server.httpPort() > 0 ? " on http://" + options.bindAddress() + ":" + server.httpPort() : "")
                + (server.httpsPort() > 0 ? " and https://" + options.bindAddress() + ":" + server.httpsPort() : "")
                + (service.demo() ? " (demo, emulated LIO in " + service.configfsRoot() + ")" : ""));
        return new RunningService(server, providers);
    }

    /** The listeners serve was told of; their bound ports once the server is up (a port 0 is chosen then). */
    private static List<ObjectManager.Listener> listeners(ServeOptions options, EmbeddedServer server) {
        int http = server == null ? options.httpPort() : server.httpPort();
        int https = server == null ? options.httpsPort() : server.httpsPort();
        List<ObjectManager.Listener> listeners = new ArrayList<>();
        if (http >= 0) {
            listeners.add(new ObjectManager.Listener("http", http));
        }
        if (https >= 0) {
            listeners.add(new ObjectManager.Listener("https", https));
        }
        return listeners;
    }

    private static ServerConfig serverConfig(ServeOptions options) throws IOException, UsageException {
        ServerConfig config = ServerConfig.defaults()
                .withBindAddress(options.bindAddress())
                .withHttpPort(options.httpPort())
                .withHttpsPort(options.httpsPort())
                .withStateDirectory(options.service().stateDir())
                .withCredentials(credentials(options), "lio-smis");
        return options.keystore() == null ? config : config.withKeyStore(options.keystore(), options.keystorePassword());
    }

    private static Credentials credentials(ServeOptions options) throws IOException, UsageException {
        if (options.service().demo()) {
            return Credentials.empty().with(DemoSetup.USER, DemoSetup.password(options.service().stateDir()));
        }
        if (!Files.isRegularFile(options.credentials())) {
            throw new UsageException("no credentials file at " + options.credentials() + ": create one with"
                    + " \"lio-smis passwd --file " + options.credentials() + " admin\"");
        }
        return Credentials.load(options.credentials());
    }
}

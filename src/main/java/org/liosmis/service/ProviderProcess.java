package org.liosmis.service;

import java.io.IOException;
import java.nio.file.Path;
import org.liosmis.cimom.CimOperations;
import org.liosmis.engine.EngineException;
import org.liosmis.lio.configfs.ConfigFsException;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one lio-smis service of a broker's provider process, whichever interface (JMPI,
 * CMPI) the broker calls it through: started from the configuration file by the first
 * operation (a failed start is answered, then tried again by the next), stopped when the
 * broker cleans the provider up. Every failure leaves as a WBEMException with its DSP0200
 * code and a description for the client.
 */
public final class ProviderProcess {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderProcess.class);

    /** One operation on the service's dispatcher; E is what the host's own conversions throw. */
    public interface Operation<T, E extends Exception> {
        T on(CimOperations cimom) throws WBEMException, E;
    }

    private final Path configFile;
    private LioSmisService service;

    public ProviderProcess(Path configFile) {
        this.configFile = configFile;
    }

    /** The service of the configuration file the JVM's options or else the process's environment name. */
    public static ProviderProcess fromEnvironment() {
        String named = System.getProperty(ProviderConfig.SYSTEM_PROPERTY);
        return new ProviderProcess(named != null && !named.isBlank() ? Path.of(named)
                : ProviderConfig.location(System.getenv()));
    }

    public <T, E extends Exception> T call(Operation<T, E> operation) throws WBEMException, E {
        // the broker's threads carry its system class loader, which cannot see the libraries in
        // lio-smis.jar that are found through the context loader (the SQLite JDBC driver, logback);
        // threads the service starts inherit the loader set here
        Thread thread = Thread.currentThread();
        ClassLoader brokers = thread.getContextClassLoader();
        thread.setContextClassLoader(ProviderProcess.class.getClassLoader());
        try {
            return operation.on(cimom());
        } catch (RuntimeException e) {
            LOG.error("an operation failed unexpectedly", e);
            throw new WBEMException(WBEMException.CIM_ERR_FAILED, "lio-smis failed unexpectedly; its log says why");
        } finally {
            thread.setContextClassLoader(brokers);
        }
    }

    private synchronized CimOperations cimom() throws WBEMException {
        if (service == null) {
            try {
                service = LioSmisService.start(ProviderConfig.read(configFile));
                LOG.info("lio-smis started from {}", configFile);
            } catch (UsageException | IOException | ConfigFsException | EngineException e) {
                // these say what to change (the file, LIO, the state directory), as serve says them
                LOG.error("lio-smis cannot start from {}", configFile, e);
                throw new WBEMException(WBEMException.CIM_ERR_FAILED, "lio-smis cannot start: " + e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("lio-smis cannot start from {}", configFile, e);
                throw new WBEMException(WBEMException.CIM_ERR_FAILED, "lio-smis cannot start; its log says why");
            }
        }
        return service.cimom();
    }

    public synchronized void stop() {
        if (service != null) {
            service.close();
            service = null;
            LOG.info("lio-smis stopped");
        }
    }
}

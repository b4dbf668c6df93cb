package org.liosmis.host.jmpi;

import java.io.IOException;
import java.nio.file.Path;
import org.liosmis.cimom.CimOperations;
import org.liosmis.engine.EngineException;
import org.liosmis.lio.configfs.ConfigFsException;
import org.liosmis.service.LioSmisService;
import org.liosmis.service.ProviderConfig;
import org.liosmis.service.UsageException;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.pegasus.jmpi.CIMException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one lio-smis service of a broker's provider process: started from the configuration
 * file by the first operation (a failed start is answered, then tried again by the next),
 * stopped when the broker cleans the provider up. Every failure leaves as a CIM error with
 * its DSP0200 code.
 */
final class ProviderProcess {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderProcess.class);

    private final Path configFile;
    private LioSmisService service;

    ProviderProcess(Path configFile) {
        this.configFile = configFile;
    }

    static ProviderProcess fromEnvironment() {
        return new ProviderProcess(ProviderConfig.location(System.getenv()));
    }

    <T> T call(LioSmisProvider.Operation<T> operation) throws CIMException {
        // the broker's threads carry its system class loader, which cannot see the libraries in
        // lio-smis.jar that are found through the context loader (the SQLite JDBC driver, logback);
        // threads the service starts inherit the loader set here
        Thread thread = Thread.currentThread();
        ClassLoader brokers = thread.getContextClassLoader();
        thread.setContextClassLoader(ProviderProcess.class.getClassLoader());
        try {
            return operation.on(cimom());
        } catch (WBEMException e) {
            throw new CimError(e.getID(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("an operation failed unexpectedly", e);
            throw new CimError(WBEMException.CIM_ERR_FAILED, "lio-smis failed unexpectedly; its log says why");
        } finally {
            thread.setContextClassLoader(brokers);
        }
    }

    private synchronized CimOperations cimom() throws CIMException {
        if (service == null) {
            try {
                service = LioSmisService.start(ProviderConfig.read(configFile));
                LOG.info("lio-smis started from {}", configFile);
            } catch (UsageException | IOException | ConfigFsException | EngineException e) {
                // these say what to change (the file, LIO, the state directory), as serve says them
                LOG.error("lio-smis cannot start from {}", configFile, e);
                throw new CimError(WBEMException.CIM_ERR_FAILED, "lio-smis cannot start: " + e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("lio-smis cannot start from {}", configFile, e);
                throw new CimError(WBEMException.CIM_ERR_FAILED, "lio-smis cannot start; its log says why");
            }
        }
        return service.cimom();
    }

    synchronized void stop() {
        if (service != null) {
            service.close();
            service = null;
            LOG.info("lio-smis stopped");
        }
    }
}

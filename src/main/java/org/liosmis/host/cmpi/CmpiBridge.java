package org.liosmis.host.cmpi;

import org.liosmis.service.ProviderProcess;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the CMPI bridge library (src/main/c) calls through JNI: each operation a broker
 * hands it as one request, answered in one go, on the same service and dispatcher as
 * "serve". Nothing is thrown back into the broker's process: every failure is an answer.
 */
public final class CmpiBridge {

    private static final Logger LOG = LoggerFactory.getLogger(CmpiBridge.class);
    private static final ProviderProcess PROCESS = ProviderProcess.fromEnvironment();

    private CmpiBridge() {
    }

    /** One operation: the request as the bridge wrote it, the answer for the bridge to hand on. */
    public static byte[] call(byte[] request) {
        return answer(PROCESS, request);
    }

    /** The broker ends the provider process: the service closes its state. */
    public static void stop() {
        PROCESS.stop();
    }

    static byte[] answer(ProviderProcess process, byte[] request) {
        try {
            return BrokerRequest.read(request).answer(process);
        } catch (WBEMException e) {
            return WireOut.failure(e.getID(), e.getMessage());
        } catch (RuntimeException | Error e) {
            LOG.error("a request from the CMPI bridge failed unexpectedly", e);
            return WireOut.failure(WBEMException.CIM_ERR_FAILED, "lio-smis failed unexpectedly; its log says why");
        }
    }
}

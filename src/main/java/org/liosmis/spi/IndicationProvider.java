package org.liosmis.spi;

import java.util.function.Consumer;
import org.metricshub.wbem.javax.cim.CIMInstance;

/**
 * Produces indications (for example CIM_InstModification of a job) for a host that
 * delivers them to subscribers. The host activates it when the first subscription for
 * one of its classes arrives and deactivates it when the last one goes.
 */
public interface IndicationProvider {

    void activate(String namespace, String indicationClassName, Consumer<CIMInstance> sink);

    void deactivate(String namespace, String indicationClassName);
}

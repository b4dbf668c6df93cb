package org.liosmis.engine;

/** The LIO target host lio-smis manages. */
public record StorageSystem(String name, String elementName, String lioVersion) {
}

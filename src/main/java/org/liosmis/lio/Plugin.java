package org.liosmis.lio;

import java.util.Arrays;
import java.util.Optional;

/** A backstore plugin of the target core; its name prefixes the HBA directory (fileio_0). */
public enum Plugin {
    FILEIO("fileio"),
    IBLOCK("iblock"),
    RD_MCP("rd_mcp"),
    PSCSI("pscsi"),
    USER("user");

    private final String configfsName;

    Plugin(String configfsName) {
        this.configfsName = configfsName;
    }

    public String configfsName() {
        return configfsName;
    }

    public static Optional<Plugin> fromConfigfsName(String name) {
        return Arrays.stream(values()).filter(p -> p.configfsName.equals(name)).findFirst();
    }
}

package org.liosmis.lio;

import java.nio.file.Path;

/** A target core HBA, {@code core/<plugin>_<index>}: the container of storage objects. */
public record Hba(Plugin plugin, int index, Path path) {

    public String configfsName() {
        return plugin.configfsName() + "_" + index;
    }
}

package org.liosmis.lio;

import java.nio.file.Path;
import org.liosmis.lio.configfs.ConfigFs;
import org.liosmis.lio.configfs.ConfigFsException;

/**
 * A configfs where another writer makes each of the first {@code races} HBAs just before we
 * do, between our last look and our mkdir, as targetcli running at the same moment would.
 */
final class RacingHbaWriter extends ForwardingConfigFs {

    private int racesLeft;

    RacingHbaWriter(ConfigFs delegate, int races) {
        super(delegate);
        this.racesLeft = races;
    }

    @Override
    public void mkdir(Path dir) throws ConfigFsException {
        if (dir.getParent().equals(root().resolve("core")) && racesLeft-- > 0) {
            delegate.mkdir(dir);
        }
        delegate.mkdir(dir);
    }
}

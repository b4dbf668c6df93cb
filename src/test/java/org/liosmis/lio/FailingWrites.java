package org.liosmis.lio;

import java.nio.file.Path;
import org.liosmis.lio.configfs.ConfigFs;
import org.liosmis.lio.configfs.ConfigFsException;
import org.liosmis.lio.configfs.Errno;

/** A configfs whose n-th attribute write fails with EIO, to test rollback. */
final class FailingWrites extends ForwardingConfigFs {

    private int writesLeft;

    FailingWrites(ConfigFs delegate, int failingWrite) {
        super(delegate);
        this.writesLeft = failingWrite;
    }

    @Override
    public void write(Path attribute, String value) throws ConfigFsException {
        if (--writesLeft == 0) {
            throw new ConfigFsException(Errno.EIO, "write", attribute, "injected failure");
        }
        delegate.write(attribute, value);
    }
}

package org.liosmis.lio;

import java.nio.file.Path;
import java.util.List;
import org.liosmis.lio.configfs.ConfigFs;
import org.liosmis.lio.configfs.ConfigFsException;
import org.liosmis.lio.configfs.Errno;

/** A configfs whose n-th attribute write fails with EIO, to test rollback. */
final class FailingWrites implements ConfigFs {

    private final ConfigFs delegate;
    private int writesLeft;

    FailingWrites(ConfigFs delegate, int failingWrite) {
        this.delegate = delegate;
        this.writesLeft = failingWrite;
    }

    @Override
    public void write(Path attribute, String value) throws ConfigFsException {
        if (--writesLeft == 0) {
            throw new ConfigFsException(Errno.EIO, "write", attribute, "injected failure");
        }
        delegate.write(attribute, value);
    }

    @Override
    public Path root() {
        return delegate.root();
    }

    @Override
    public boolean exists(Path path) {
        return delegate.exists(path);
    }

    @Override
    public boolean isDirectory(Path path) {
        return delegate.isDirectory(path);
    }

    @Override
    public boolean isSymlink(Path path) {
        return delegate.isSymlink(path);
    }

    @Override
    public boolean isWritable(Path attribute) {
        return delegate.isWritable(attribute);
    }

    @Override
    public List<String> list(Path dir) throws ConfigFsException {
        return delegate.list(dir);
    }

    @Override
    public String read(Path attribute) throws ConfigFsException {
        return delegate.read(attribute);
    }

    @Override
    public void mkdir(Path dir) throws ConfigFsException {
        delegate.mkdir(dir);
    }

    @Override
    public void rmdir(Path dir) throws ConfigFsException {
        delegate.rmdir(dir);
    }

    @Override
    public void symlink(Path link, Path target) throws ConfigFsException {
        delegate.symlink(link, target);
    }

    @Override
    public void unlink(Path link) throws ConfigFsException {
        delegate.unlink(link);
    }

    @Override
    public Path readlink(Path link) throws ConfigFsException {
        return delegate.readlink(link);
    }
}

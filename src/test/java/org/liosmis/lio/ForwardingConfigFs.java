package org.liosmis.lio;

import java.nio.file.Path;
import java.util.List;
import org.liosmis.lio.configfs.ConfigFs;
import org.liosmis.lio.configfs.ConfigFsException;

/** A configfs passing every call on, for test doubles that change one of them. */
abstract class ForwardingConfigFs implements ConfigFs {

    final ConfigFs delegate;

    ForwardingConfigFs(ConfigFs delegate) {
        this.delegate = delegate;
    }

    @Override
    public void write(Path attribute, String value) throws ConfigFsException {
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

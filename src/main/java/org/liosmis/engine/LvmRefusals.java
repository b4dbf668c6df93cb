package org.liosmis.engine;

import org.liosmis.lvm.LvmException;

/** What a client is told when LVM refuses a change. */
final class LvmRefusals {

    private LvmRefusals() {
    }

    /**
     * A pool or volume could not be read because another LVM command held its volume group for
     * longer than lio-smis waits: the client may try again. Any other failure stays what it is.
     */
    static RequestRefused lockedOrRethrow(EngineException e) {
        if (e.getCause() instanceof LvmException lvm && lvm.kind() == LvmException.Kind.LOCKED) {
            return RequestRefused.inUse("another LVM command holds a volume group this request needs ("
                    + lvm.getMessage() + "); try again when it is done");
        }
        throw e;
    }

    static RequestRefused of(LvmException e, String poolId) {
        return switch (e.kind()) {
            case EXISTS -> RequestRefused.invalid(e.getMessage() + "; choose another ElementName");
            case NO_SPACE -> RequestRefused.invalid("pool " + poolId + " has no room: " + e.getMessage()
                    + "; free space there or name another TargetPool");
            case NOT_FOUND -> RequestRefused.invalid(e.getMessage());
            case LOCKED -> RequestRefused.inUse("another LVM command holds the volume group of pool " + poolId
                    + " (" + e.getMessage() + "); try again when it is done");
            case IN_USE -> RequestRefused.inUse(e.getMessage());
            case UNSUPPORTED -> new RequestRefused(RequestRefused.Reason.NOT_SUPPORTED, e.getMessage());
            case FAILED -> new RequestRefused(RequestRefused.Reason.FAILED, e.getMessage());
        };
    }
}

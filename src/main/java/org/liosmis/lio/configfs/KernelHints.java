package org.liosmis.lio.configfs;

/** What a failed configfs call usually means on LIO, so an error message says what to do next. */
final class KernelHints {

    private KernelHints() {
    }

    static String hint(Errno errno, String operation) {
        return switch (errno) {
            case EINVAL -> "the kernel rejected the value or name (see dmesg for the target core's reason)";
            case EEXIST -> "it already exists";
            case EACCES -> "the attribute does not exist or cannot be " + (operation.equals("read") ? "read" : "written");
            case EPERM -> "configfs does not allow this here (default groups cannot be removed or created)";
            case ENOTEMPTY -> "remove what it contains first (storage objects, LUNs, mapped LUNs, links)";
            case EBUSY -> "it is in use, e.g. exported through a LUN; remove the LUN first";
            case ENODEV -> "the storage object is not enabled yet";
            case ENOENT -> "no such entry (is target_core_mod loaded, and is the path absolute?)";
            default -> null;
        };
    }
}

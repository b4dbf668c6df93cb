/**
 * LVM as its command line shows it: volume groups, thin pools and logical volumes, read with
 * {@code lvs}/{@code vgs} and changed with {@code lvcreate}/{@code lvchange}/{@code lvremove}, and
 * raid1 legs added to, split from, merged into and removed from linear volumes with {@code lvconvert};
 * the chunks in which two thin volumes of a pool differ, read with {@code thin_delta} from a
 * metadata snapshot the pool holds meanwhile ({@code dmsetup message}).
 *
 * <p>Every command runs in the C locale and without waiting on LVM's own locks: when another
 * LVM command holds the volume group, {@link org.liosmis.lvm.Lvm} retries for a bounded time
 * and then reports {@link org.liosmis.lvm.LvmException.Kind#LOCKED}, so a client's request never
 * hangs behind an administrator's long {@code pvmove}. No LIO, no CIM.
 */
package org.liosmis.lvm;

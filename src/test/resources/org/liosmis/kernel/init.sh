#!/bin/busybox sh
# PID 1 of the test guest: mounts the host's / (read-only) and the output share over 9p,
# chroots into the host's / and runs the output share's guest.sh, then powers off.
/bin/busybox --install -s /bin
mount -t proc proc /proc; mount -t sysfs sys /sys; mount -t devtmpfs dev /dev
for module in $(cat /modules); do insmod "$module"; done
# servers in the guest listen on 127.0.0.1
ip link set lo up
if ! mount -t 9p -o trans=virtio,version=9p2000.L,ro,msize=262144 hostroot /newroot; then
    echo "lio-smis-guest: cannot mount the host's root"; poweroff -f
fi
R=/newroot
mount -t proc proc $R/proc; mount -t sysfs sys $R/sys; mount -t devtmpfs dev $R/dev
# the host's / is read-only: give the programs their usual writable places
for dir in /run /tmp /var/tmp; do mount -t tmpfs tmpfs $R$dir; done
# rtslib's saved config directory, when targetcli-fb is installed
[ -d $R/etc/rtslib-fb-target ] && mount -t tmpfs tmpfs $R/etc/rtslib-fb-target
# LVM writes metadata backups under /etc/lvm and fails without them: a writable copy
if [ -d $R/etc/lvm ]; then
    mkdir /etc-lvm && mount -t tmpfs tmpfs /etc-lvm && cp -a $R/etc/lvm/. /etc-lvm/ && mount -o bind /etc-lvm $R/etc/lvm
fi
mkdir -p $R/tmp/out && mount -t 9p -o trans=virtio,version=9p2000.L,msize=262144 out $R/tmp/out
chroot $R /bin/sh /tmp/out/guest.sh > $R/tmp/out/guest.log 2>&1
echo "lio-smis-guest: guest.sh exit $?"
sync; umount $R/tmp/out; poweroff -f

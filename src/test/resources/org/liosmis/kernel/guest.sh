#!/bin/sh
# Runs chrooted in the test guest: loads LIO, mounts configfs and runs the Java driver that
# driver.env (written by the host) names. Everything it writes lands in /tmp/out.
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
# no udev in the guest: LVM makes its /dev nodes itself
export DM_DISABLE_UDEV=1
. /tmp/out/driver.env
uname -r
for module in configfs target_core_mod target_core_file target_core_iblock iscsi_target_mod dm_mod dm_thin_pool \
        dm_snapshot dm_raid raid1 loop; do
    modprobe "$module" || { echo "modprobe $module failed"; exit 1; }
done
# tcm_loop turns LUNs into local SCSI disks; sd_mod is what makes them block devices (no udev here)
modprobe tcm_loop && modprobe sd_mod || echo "tcm_loop or sd_mod not available"
mount -t configfs none /sys/kernel/config
# targetcli asks the system bus about tcmu backstores and fails without one
if command -v dbus-daemon >/dev/null; then mkdir -p /run/dbus && dbus-daemon --system --fork; fi
cd /tmp
"$JAVA" -XX:-UsePerfData -XX:TieredStopAtLevel=1 -cp "$CLASS_PATH" "$MAIN" $ARGS
echo "driver exit $?"

#!/bin/sh
# usage: build-initramfs.sh <kernel release> <init script> <output .cpio.gz>
# A busybox initramfs that can mount 9p shares: busybox plus the virtio/9p modules of the
# installed Debian kernel, in dependency order (there is no modprobe before the host's / is mounted).
set -eu
release=$1; init=$2; out=$3
tree=$(mktemp -d "$(dirname "$out")/initramfs.XXXXXX")
mkdir -p "$tree/bin" "$tree/proc" "$tree/sys" "$tree/dev" "$tree/newroot" "$tree/mods"
cp /bin/busybox "$tree/bin/busybox"
for module in virtio_pci 9pnet_virtio 9p; do
    modprobe -S "$release" --show-depends "$module" | awk '$1 == "insmod" {print $2}'
done | awk '!seen[$0]++' | while read -r file; do
    cp "$file" "$tree/mods/"
    echo "/mods/$(basename "$file")"
done > "$tree/modules"
cp "$init" "$tree/init"
chmod 755 "$tree/init"
(cd "$tree" && find . | cpio -o -H newc 2>/dev/null | gzip -1) > "$out"
rm -rf "$tree"

#!/usr/bin/env bash
#
# Builds the Dante image the container tests use (socks5-udp/dante:1.4.2) from the danted
# installed on this machine, without any registry: danted, the libraries ldd names, a minimal
# /etc and the test user go into a root folder that `docker import` turns into an image.
# Where a registry is reachable, the Dockerfile next to this script builds the same server.
#
# Idempotent: exits 0 at once when the image exists and was made by this version of the
# recipe (set SOCKS5UDP_DANTE_REBUILD=true to rebuild it anyway).
set -euo pipefail

image="${SOCKS5UDP_DANTE_IMAGE:-socks5-udp/dante:1.4.2}"
# Raise when the image's content changes, so that machines with an older image rebuild it.
recipe="2"
danted="${SOCKS5UDP_DANTED:-/usr/sbin/danted}"
# A throwaway account for tests only, the same as DanteUsers in socks5-udp-test.
test_user="s5udp"
test_password="s5udp-local-test"

if [[ "${SOCKS5UDP_DANTE_REBUILD:-false}" != "true" ]] &&
	[[ "$(docker image inspect --format '{{ index .Config.Labels "io.socks5udp.recipe" }}' "$image" 2>/dev/null)" == "$recipe" ]]; then
	echo "build-dante-image: $image exists"
	exit 0
fi
if [[ ! -x "$danted" ]]; then
	echo "build-dante-image: $danted not found (apt-get install -y dante-server)" >&2
	exit 1
fi
if ! command -v openssl >/dev/null; then
	echo "build-dante-image: openssl not found (apt-get install -y openssl)" >&2
	exit 1
fi

root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT
# mktemp makes the folder 0700; as the image's / it would lock Dante's children, which run
# as nobody, out of /etc/hosts.
chmod 0755 "$root"

mkdir -p "$root/usr/sbin" "$root/etc" "$root/var/run" "$root/tmp" "$root/var/log"
chmod 1777 "$root/tmp"
cp -L "$danted" "$root/usr/sbin/danted"
# ldd prints "name => /path (addr)" for libraries and "/path (addr)" for the loader.
ldd "$danted" | awk '/=> \// { print $3 } /^[[:space:]]*\// { print $1 }' | while read -r lib; do
	mkdir -p "$root$(dirname "$lib")"
	cp -L "$lib" "$root$lib"
done

hash="$(openssl passwd -6 "$test_password")"
cat >"$root/etc/passwd" <<PASSWD
root:x:0:0:root:/root:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
$test_user:x:1000:1000::/nonexistent:/usr/sbin/nologin
PASSWD
cat >"$root/etc/group" <<GROUP
root:x:0:
nogroup:x:65534:
$test_user:x:1000:
GROUP
cat >"$root/etc/shadow" <<SHADOW
root:*:19000:0:99999:7:::
nobody:*:19000:0:99999:7:::
$test_user:$hash:19000:0:99999:7:::
SHADOW
chmod 640 "$root/etc/shadow"
printf 'passwd: files\ngroup: files\nshadow: files\nhosts: files dns\n' >"$root/etc/nsswitch.conf"

tar -C "$root" -c . | docker import \
	--change 'CMD ["/usr/sbin/danted", "-f", "/etc/danted.conf"]' \
	--change "LABEL io.socks5udp.recipe=$recipe" \
	--message "danted $("$danted" -v 2>&1 | head -n 1)" - "$image" >/dev/null
echo "build-dante-image: built $image"

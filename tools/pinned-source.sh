#!/bin/sh
# pinned-source.sh NAME VERSIONFILE: check the Debian source package a
# component is built from against its pinned VERSIONFILE (package,
# version, series, tarball, sha256); install it through apt when missing
# and run as root. Prints "VERSION SHA256" of what is there. A newer
# revision of the same upstream series is accepted with a notice (on
# stderr); another series, or the pinned version with another sha256,
# stops the build.
set -eu
name=${1:?usage: pinned-source.sh NAME VERSIONFILE}
. "${2:?usage: pinned-source.sh NAME VERSIONFILE}"

if [ ! -r "$tarball" ]; then
	if [ "$(id -u)" = 0 ]; then
		echo "$name: $tarball missing, installing $package through apt" >&2
		apt-get update -qq
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null
	else
		echo "$name: $tarball not found; run 'make' as root or apt-get install $package" >&2
		exit 1
	fi
fi

got=$(dpkg-query -W -f '${Version}' "$package" 2>/dev/null || echo unknown)
sum=$(sha256sum "$tarball" | cut -d' ' -f1)
case "$got" in
"$series".* | "$series"-*) ;;
*)	echo "$name: $package is version $got, not of the $series series we patch; stopping" >&2
	exit 1 ;;
esac
if [ "$got" = "$version" ] && [ "$sum" != "$sha256" ]; then
	echo "$name: $tarball is $version but its sha256 $sum is not the pinned $sha256" >&2
	exit 1
fi
if [ "$got" != "$version" ]; then
	echo "$name: NOTICE: apt serves $package $got, pinned and tested is $version;" \
	     "same $series series, going on (sha256 $sum)" >&2
fi
echo "$got $sum"

#!/usr/bin/env bash
# deps.sh: installs, when missing, the Debian packages tagdex builds and tests
# with. Sourced by quickstart.sh and test.sh; asks apt only when needed.
td_deps() {
	local pkgs="build-essential autoconf automake pkg-config libxml2-dev
		libxml2-utils libpcre2-dev libcmocka-dev libutf8proc-dev nettle-dev
		libjansson-dev libicu-dev python3-icu libmicrohttpd-dev chromium iso-codes wordnet-dev wordnet-base jing clang clang-format libclang-rt-14-dev valgrind lcov parallel"
	local missing=""
	for p in $pkgs; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
			missing="$missing $p"
	done
	[ -z "$missing" ] && return 0
	echo "installing:$missing" >&2
	local sudo=""
	[ "$(id -u)" = 0 ] || sudo=sudo
	$sudo apt-get update -qq &&
		DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
}

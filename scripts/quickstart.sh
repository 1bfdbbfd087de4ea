#!/usr/bin/env bash
# quickstart.sh: the README's first command. Installs what is missing,
# builds tagdex, turns corpus/articles into TEI (corpus/tei), indexes corpus/
# and prints a concordance of hedges inside predictions.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/scripts/deps.sh"
td_deps
cd "$top"
[ -x configure ] || autoreconf -fi >/dev/null
mkdir -p build && cd build
[ -f Makefile ] || ../configure -q
make -j"$(nproc)" >/dev/null
make corpus
make demo

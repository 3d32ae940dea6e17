#!/usr/bin/env bash
# The Debian packages the tests use from outside npm, installed once on a fresh CI machine (as root):
#   chromium           browser tests (test/report/browser.test.ts, test/playground, test/cli/compare-report)
#   fonts-dejavu-core  text in PNG charts (src/report/render.ts)
#   slurm-wlm munge    the one-machine Slurm cluster of .ci/slurm-setup.sh (test/sweep/slurm.test.ts)
#
#   .ci/debian-packages.sh [PACKAGE...]   install the given packages (default: all of the above)
#
# Runs apt-get update once, and only when something is missing. No test calls this: tests never install.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

say() { printf 'debian-packages: %s\n' "$*"; }
die() { printf 'debian-packages: %s\n' "$*" >&2; exit 1; }

[ "$#" -gt 0 ] || set -- chromium fonts-dejavu-core slurm-wlm munge
[ "$(id -u)" = 0 ] || die "must run as root (apt-get install)"
command -v apt-get >/dev/null || die "apt-get not found: this script is for Debian machines"

installed() { [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" = installed ]; }

missing=()
for p in "$@"; do installed "$p" || missing+=("$p"); done
if [ "${#missing[@]}" -eq 0 ]; then
  say "already installed: $*"
  exit 0
fi

say "installing ${missing[*]}"
apt-get update -qq || die "apt-get update failed"
# Debian's package scripts try to start the daemons they install; .ci/slurm-setup.sh starts them itself,
# with its own configuration, so a failed automatic start is not an error here.
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || die "apt-get install ${missing[*]} failed"
for p in "${missing[@]}"; do installed "$p" || die "$p is not installed after apt-get install"; done
say "installed ${missing[*]}"

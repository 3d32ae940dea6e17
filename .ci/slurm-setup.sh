#!/usr/bin/env bash
# A one-machine Slurm cluster (munge + slurmctld + slurmd on this host), started by .ci/run before the
# tests, so that test/sweep/slurm.test.ts (run with POVSIM_SLURM=1) can submit the array job that
# `povsim sweep --emit slurm` writes. Also for trying the scripts by hand. No test calls this.
#
#   .ci/slurm-setup.sh [start]   configure and (re)start; waits, up to SLURM_WAIT_SECONDS (default 60),
#                                until the node is idle; installs slurm-wlm and munge first if missing
#   .ci/slurm-setup.sh stop      stop the daemons, by the pids in their pid files
#   .ci/slurm-setup.sh status    exit 0 when the node answers idle (or busy), printing sinfo; 1 otherwise
#
# Idempotent: `start` first stops the daemons a previous start left (found by their pid files, or
# through systemd where it runs them), then starts fresh ones with this configuration and a clean
# controller state, so stale daemons, jobs or node states from an earlier run cannot leak in. A daemon
# running without its pid file is not ours to kill: start stops with its pid and what to do.
# Needs root (daemons, /etc, /var/spool).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

HERE=$(cd "$(dirname "$0")" && pwd)
HOST=$(hostname -s)
CONF=/etc/slurm/slurm.conf
LOGDIR=/var/log/slurm
CTLD_PID=/run/slurmctld.pid
SLURMD_PID=/run/slurmd.pid
MUNGE_PID=/run/munge/munged.pid
WAIT_SECONDS=${SLURM_WAIT_SECONDS:-60}

say() { printf 'slurm-setup: %s\n' "$*"; }
die() { printf 'slurm-setup: %s\n' "$*" >&2; exit 1; }

# True when the pid file names a live process.
running() { [ -s "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# Stops the daemon whose pid is in `pidfile`: TERM, then up to 10 s, then KILL.
stop_daemon() {
  local name=$1 pidfile=$2 pid
  if running "$pidfile"; then
    pid=$(cat "$pidfile")
    say "stopping $name (pid $pid)"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then say "$name (pid $pid) did not stop on TERM: KILL"; kill -9 "$pid" 2>/dev/null || true; sleep 0.2; fi
  fi
  rm -f "$pidfile"
}

stop_all() {
  # Where systemd runs the Debian units (apt-get may have started them), stop them through systemd,
  # which would otherwise restart them.
  if [ -d /run/systemd/system ] && command -v systemctl >/dev/null; then
    systemctl stop slurmd slurmctld munge >/dev/null 2>&1 || true
  fi
  stop_daemon slurmd "$SLURMD_PID"
  stop_daemon slurmctld "$CTLD_PID"
  stop_daemon munged "$MUNGE_PID"
}

# Pids of processes named exactly $1, from /proc (no procps on a minimal machine).
pids_named() {
  local d
  for d in /proc/[0-9]*; do [ "$(cat "$d/comm" 2>/dev/null)" = "$1" ] && printf '%s ' "${d#/proc/}"; done
  return 0
}

# Refuses to go on while a daemon runs that its pid file does not name (someone else's: not killed here).
check_no_strays() {
  local name pidfile own pid strays
  for name in slurmd slurmctld munged; do
    case $name in slurmd) pidfile=$SLURMD_PID ;; slurmctld) pidfile=$CTLD_PID ;; munged) pidfile=$MUNGE_PID ;; esac
    own=$(cat "$pidfile" 2>/dev/null || true)
    strays=""
    for pid in $(pids_named "$name"); do [ "$pid" = "$own" ] || strays="$strays $pid"; done
    [ -z "$strays" ] || die "$name is running (pid$strays) but not named by $pidfile, so this script did not start it; stop it (kill$strays) and run this again"
  done
}

install_packages() {
  if command -v slurmctld >/dev/null && command -v slurmd >/dev/null && command -v sbatch >/dev/null && command -v munged >/dev/null; then
    return
  fi
  "$HERE/debian-packages.sh" slurm-wlm munge
}

start_munge() {
  install -d -o munge -g munge -m 0700 /etc/munge /var/lib/munge /var/log/munge
  install -d -o munge -g munge -m 0755 /run/munge
  if [ ! -s /etc/munge/munge.key ]; then
    say "creating /etc/munge/munge.key"
    dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
  fi
  chown munge:munge /etc/munge/munge.key
  chmod 0400 /etc/munge/munge.key
  say "starting munged"
  # --force: a socket left by a munged that died (not cleaned up) would otherwise stop it.
  runuser -u munge -- /usr/sbin/munged --force --pid-file="$MUNGE_PID"
  for _ in $(seq 100); do munge -n </dev/null | unmunge >/dev/null 2>&1 && return; sleep 0.1; done
  die "munged did not answer within 10 s; see /var/log/munge/munged.log"
}

write_config() {
  mkdir -p /etc/slurm "$LOGDIR" /var/spool/slurmctld /var/spool/slurmd
  cat >"$CONF" <<EOF
# Written by povsim .ci/slurm-setup.sh: one node, one partition, no accounting, no cgroups.
ClusterName=povsim
SlurmctldHost=$HOST
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
MpiDefault=none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/backfill
ReturnToService=2
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldPidFile=$CTLD_PID
SlurmdPidFile=$SLURMD_PID
SlurmctldLogFile=$LOGDIR/slurmctld.log
SlurmdLogFile=$LOGDIR/slurmd.log
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/none
NodeName=$HOST CPUs=$(nproc) State=UNKNOWN
PartitionName=main Nodes=$HOST Default=YES MaxTime=INFINITE State=UP
EOF
  say "wrote $CONF (node $HOST, $(nproc) CPUs)"
}

node_state() { sinfo -h -n "$HOST" -o '%t' 2>/dev/null | head -n1 || true; }

start_slurm() {
  say "starting slurmctld (clean state) and slurmd"
  slurmctld -c || die "slurmctld did not start; see $LOGDIR/slurmctld.log"
  slurmd || die "slurmd did not start; see $LOGDIR/slurmd.log"
  local state="" deadline=$((SECONDS + WAIT_SECONDS))
  while [ "$SECONDS" -lt "$deadline" ]; do
    state=$(node_state)
    case "$state" in
      idle|mix|alloc) say "node $HOST is $state"; return ;;
      down*|drain*|drng*|fail*) scontrol update nodename="$HOST" state=resume >/dev/null 2>&1 || true ;;
    esac
    sleep 0.5
  done
  die "the node did not become idle within ${WAIT_SECONDS} s (state: ${state:-no answer}); see $LOGDIR/"
}

[ "$(id -u)" = 0 ] || [ "${1:-start}" = status ] || die "must run as root (it starts daemons and writes /etc/slurm)"

case "${1:-start}" in
  start)
    install_packages
    check_no_strays
    stop_all
    start_munge
    write_config
    start_slurm
    ;;
  stop)
    stop_all
    ;;
  status)
    state=$(node_state)
    case "$state" in
      idle|mix|alloc) sinfo; exit 0 ;;
      *) say "node $HOST is ${state:-not answering}"; exit 1 ;;
    esac
    ;;
  *)
    die "usage: $0 [start|stop|status]"
    ;;
esac

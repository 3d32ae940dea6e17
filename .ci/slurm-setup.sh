#!/usr/bin/env bash
# A one-machine Slurm cluster (munge + slurmctld + slurmd on this host) for the array-job test of
# `povsim sweep --emit slurm` (test/sweep/slurm.test.ts) and for trying the scripts by hand.
#
#   .ci/slurm-setup.sh [start]   install (apt-get, once), configure and start; waits until the node is idle
#   .ci/slurm-setup.sh stop      stop the daemons (by the pids in their pid files)
#   .ci/slurm-setup.sh status    print sinfo
#
# Idempotent: packages are installed only when missing, the config is rewritten only when it changes,
# and daemons already running are left alone. Needs root (daemons, /etc, /var/spool).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

HOST=$(hostname -s)
CONF=/etc/slurm/slurm.conf
LOGDIR=/var/log/slurm
CTLD_PID=/run/slurmctld.pid
SLURMD_PID=/run/slurmd.pid
MUNGE_PID=/run/munge/munged.pid

say() { printf 'slurm-setup: %s\n' "$*"; }
die() { printf 'slurm-setup: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || die "must run as root (it installs packages and starts daemons)"

# True when the pid file names a live process.
running() { [ -s "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

install_packages() {
  if command -v slurmctld >/dev/null && command -v slurmd >/dev/null && command -v sbatch >/dev/null && command -v munged >/dev/null; then
    return
  fi
  say "installing slurm-wlm and munge (apt-get)"
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends slurm-wlm munge >/dev/null
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
  if running "$MUNGE_PID" && munge -n </dev/null | unmunge >/dev/null 2>&1; then return; fi
  say "starting munged"
  runuser -u munge -- /usr/sbin/munged --pid-file="$MUNGE_PID" 2>/dev/null || runuser -u munge -- /usr/sbin/munged
  for _ in $(seq 50); do munge -n </dev/null | unmunge >/dev/null 2>&1 && return; sleep 0.1; done
  die "munged did not start"
}

write_config() {
  mkdir -p /etc/slurm "$LOGDIR" /var/spool/slurmctld /var/spool/slurmd
  local want
  want=$(cat <<EOF
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
)
  if [ ! -f "$CONF" ] || [ "$(cat "$CONF")" != "$want" ]; then
    say "writing $CONF"
    printf '%s\n' "$want" >"$CONF"
    if running "$CTLD_PID"; then scontrol reconfigure || true; fi
  fi
}

start_slurm() {
  if ! running "$CTLD_PID"; then say "starting slurmctld"; slurmctld; fi
  if ! running "$SLURMD_PID"; then say "starting slurmd"; slurmd; fi
  local state=""
  for _ in $(seq 120); do
    state=$(sinfo -h -n "$HOST" -o '%t' 2>/dev/null | head -n1 || true)
    case "$state" in
      idle|mix|alloc) say "node $HOST is $state"; return ;;
      down*|drain*|drng*) scontrol update nodename="$HOST" state=resume >/dev/null 2>&1 || true ;;
    esac
    sleep 0.25
  done
  die "the node did not become idle (state: ${state:-unknown}); see $LOGDIR/"
}

stop_daemon() {
  local name=$1 pidfile=$2
  if running "$pidfile"; then
    local pid; pid=$(cat "$pidfile")
    say "stopping $name (pid $pid)"
    kill "$pid"
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
}

case "${1:-start}" in
  start)
    install_packages
    start_munge
    write_config
    start_slurm
    ;;
  stop)
    stop_daemon slurmd "$SLURMD_PID"
    stop_daemon slurmctld "$CTLD_PID"
    stop_daemon munged "$MUNGE_PID"
    ;;
  status)
    sinfo
    ;;
  *)
    die "usage: $0 [start|stop|status]"
    ;;
esac

#!/usr/bin/env bash
# Runs every test of go-informix: installs the conformance oracles (IBM
# JDBC and informix-driver, into .cache/), checks formatting, runs go vet,
# the race-enabled test suite (which includes each fuzz target's committed
# seed corpus and the oracle scenarios of ./conformance), and a short smoke
# run of every fuzz target. FUZZTIME (default 4s) sets the
# length of each fuzz run; FUZZTIME=0 skips the fuzz smoke runs.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "conformance oracles (conformance/setup.sh)"
./conformance/setup.sh
# The conformance test runs inside "go test" below; IFX_ORACLES=1 makes it
# fail rather than skip if the oracles are missing.
export IFX_ORACLES=1

step "gofmt"
unformatted=$(gofmt -l .)
if [ -n "$unformatted" ]; then
	echo "gofmt would change:"; echo "$unformatted"; exit 1
fi

step "go vet"
go vet ./...

step "go test -race"
go test -race -count=1 ./...

fuzztime=${FUZZTIME:-4s}
if [ "$fuzztime" != "0" ]; then
	step "fuzz smoke runs ($fuzztime each)"
	for pkg in $(go list ./...); do
		for target in $(go test -list '^Fuzz' "$pkg" | grep '^Fuzz' || true); do
			echo "-- $pkg $target"
			go test -run '^$' -fuzz "^${target}\$" -fuzztime "$fuzztime" "$pkg" >/tmp/fuzz.$$.log 2>&1 || {
				cat /tmp/fuzz.$$.log; rm -f /tmp/fuzz.$$.log; exit 1; }
		done
	done
	rm -f /tmp/fuzz.$$.log
fi

step "all tests passed"

#!/usr/bin/env bash
# Runs every test of go-informix: installs the conformance oracles (IBM
# JDBC and informix-driver, into .cache/), checks formatting, runs go vet,
# builds the driver and the commands without cgo for linux, macOS and
# Windows, runs the race-enabled test suite (which includes each fuzz
# target's committed seed corpus, the oracle scenarios of ./conformance
# and the end-to-end suite of ./e2e against ifxtest), and a short smoke
# run of every fuzz target. FUZZTIME (default 20000x: a count of
# executions, see below) sets the length of each fuzz run; FUZZTIME=0
# skips the fuzz smoke runs.
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

# The driver is pure Go: it and the commands must build without cgo for
# every platform users deploy to (windows has no TCP urgent data, so its
# cancel path differs: ifxconn/oob_other.go).
step "cross-build without cgo"
for target in linux/amd64 linux/arm64 darwin/arm64 windows/amd64; do
	echo "-- $target"
	CGO_ENABLED=0 GOOS=${target%/*} GOARCH=${target#*/} go build . ./cmd/...
done

step "go test -race"
go test -race -count=1 ./...

# A count of executions rather than a duration: with a duration, Go 1.26's
# fuzz coordinator can report "context deadline exceeded" as a failure
# when the deadline races a worker's last execution (golang/go#75804,
# fixed in Go 1.27); a count has no deadline to race.
fuzztime=${FUZZTIME:-20000x}
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

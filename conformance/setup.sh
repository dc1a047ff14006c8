#!/usr/bin/env bash
# Installs the two conformance oracles into the repository's gitignored
# .cache/ directory, idempotently:
#   - IBM's JDBC driver com.ibm.informix:jdbc and its org.mongodb:bson
#     dependency, fetched from Maven Central with `mvn dependency:get` into
#     .cache/m2 and copied to .cache/oracles/jdbc/ (run only as a black box);
#   - a Python virtual environment in .cache/oracles/venv holding the
#     pure-Python informix-driver, pinned to one exact version.
# A second run with everything present touches no network. A missing tool
# (java, javac, mvn, python3 with venv) fails the script with a message.
# It prints where everything went; conformance_test.go reads the same paths.
set -euo pipefail
cd "$(dirname "$0")/.."

JDBC_VERSION=15.0.0.1.1
BSON_VERSION=3.8.0
PYDRIVER_VERSION=2026.9.3

root=$PWD/.cache/oracles
m2=$PWD/.cache/m2
jdbc_dir=$root/jdbc
venv=$root/venv

die() { echo "conformance/setup.sh: $*" >&2; exit 1; }

for tool in java javac mvn python3; do
	command -v "$tool" >/dev/null 2>&1 || die "required tool '$tool' is not on PATH"
done
python3 -c 'import venv, ensurepip' 2>/dev/null ||
	die "python3 lacks the venv/ensurepip modules (Debian: apt-get install python3-venv)"

mkdir -p "$jdbc_dir" "$m2"

# fetch GROUP ARTIFACT VERSION copies the jar into $jdbc_dir, asking Maven
# only when the local repository lacks it (offline-safe once present).
fetch() {
	local group=$1 artifact=$2 version=$3
	local jar=$m2/${group//.//}/$artifact/$version/$artifact-$version.jar
	if [ ! -s "$jar" ]; then
		local log
		log=$(mvn -q -B -Dmaven.repo.local="$m2" dependency:get \
			-Dartifact="$group:$artifact:$version" -Dtransitive=false 2>&1) || {
			printf '%s\n' "$log" >&2
			die "mvn could not fetch $group:$artifact:$version"
		}
	fi
	[ -s "$jar" ] || die "$jar missing after mvn dependency:get"
	cp -p "$jar" "$jdbc_dir/$artifact-$version.jar"
}
fetch com.ibm.informix jdbc "$JDBC_VERSION"
fetch org.mongodb bson "$BSON_VERSION"

if [ ! -x "$venv/bin/python" ]; then
	python3 -m venv "$venv" || die "python3 -m venv $venv failed"
fi
if ! "$venv/bin/python" -c 'import importlib.metadata as m, sys; sys.exit(m.version("informix-driver") != sys.argv[1])' \
	"$PYDRIVER_VERSION" 2>/dev/null; then
	"$venv/bin/python" -m pip install -q --disable-pip-version-check \
		"informix-driver==$PYDRIVER_VERSION" || die "pip could not install informix-driver==$PYDRIVER_VERSION"
fi
"$venv/bin/python" -c 'import informix_db' || die "informix_db does not import from $venv"

echo "conformance oracles installed:"
echo "  JDBC jar:        $jdbc_dir/jdbc-$JDBC_VERSION.jar"
echo "  bson jar:        $jdbc_dir/bson-$BSON_VERSION.jar"
echo "  python venv:     $venv (informix-driver $PYDRIVER_VERSION)"
echo "  maven repo:      $m2"

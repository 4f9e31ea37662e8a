#!/usr/bin/env bash
# The protocol for strangers: proto/README.md's tables of operations are the
# ones the services enforce (`motcua-<svc> --operations`), and a client written
# in Python from proto/ and the README alone works against the real suite.
set -u
cd "$(dirname "$0")/.."
BIN=${MOTCUA_BIN:-build/bin}
passed=0; failed=0
check() {
    local name=$1; shift
    if "$@" > "$MOTCUA_VAR/protocol-check.log" 2>&1; then echo "ok   protocol: $name"; passed=$((passed + 1))
    else echo "FAIL protocol: $name"; sed 's/^/     /' "$MOTCUA_VAR/protocol-check.log" | head -n 20; failed=$((failed + 1)); fi
}
for svc in intake processing postal reporting; do
    "$BIN/motcua-$svc" --operations > "$MOTCUA_VAR/ops-$svc.md"
    check "proto/README.md holds $svc's table of operations exactly as the service enforces it" \
        bash -c "awk '/^### $svc\$/{f=1;getline;next} /^### /{f=0} f' proto/README.md | sed -e '\$!b' -e '/^\$/d' | diff - '$MOTCUA_VAR/ops-$svc.md'"
done
GEN="$MOTCUA_VAR/python-gen"; mkdir -p "$GEN"
check "protoc generates Python classes from proto/" protoc -Iproto --python_out="$GEN" proto/motcua/v1/*.proto
touch "$GEN/motcua/__init__.py" "$GEN/motcua/v1/__init__.py" 2>/dev/null
#   Debian's python3 (not a pyenv one first on PATH) has python3-zmq and python3-protobuf.
check "Debian's /usr/bin/python3 has zmq and google.protobuf (apt-get install python3-zmq python3-protobuf)" \
    /usr/bin/python3 -c 'import zmq, google.protobuf'
check "the suite is up" deploy/up.sh
PYTHONPATH="$GEN:tests/python" /usr/bin/python3 tests/python/client.py "$MOTCUA_VAR" "$MOTCUA_BASE_PORT" > "$MOTCUA_VAR/python.log" 2>&1
cat "$MOTCUA_VAR/python.log" | grep -v '^[0-9]* passed'
line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$MOTCUA_VAR/python.log" | tail -n 1)
if [ -n "$line" ]; then
    passed=$((passed + ${line%% *})); failed=$((failed + $(cut -d' ' -f3 <<< "$line")))
else
    echo "FAIL protocol: the Python client ended without a result line"; tail -n 20 "$MOTCUA_VAR/python.log"; failed=$((failed + 1))
fi
#   Grants on every operation, walked from the same tables: outsiders
#   granted another procedure only, one per role.
for role in counter desk postal dashboard; do
    "$BIN/motcua" admin grant "out-$role" --role $role --procedures 1.000804 > /dev/null
done
sleep 1.5                       # services re-read grants within a second
PYTHONPATH="$GEN:tests/python" /usr/bin/python3 tests/python/grants.py "$MOTCUA_VAR" "$MOTCUA_BASE_PORT" > "$MOTCUA_VAR/grants.log" 2>&1
grep -v '^[0-9]* passed' "$MOTCUA_VAR/grants.log"
line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$MOTCUA_VAR/grants.log" | tail -n 1)
if [ -n "$line" ]; then
    passed=$((passed + ${line%% *})); failed=$((failed + $(cut -d' ' -f3 <<< "$line")))
else
    echo "FAIL grants: the walk ended without a result line"; tail -n 20 "$MOTCUA_VAR/grants.log"; failed=$((failed + 1))
fi
deploy/down.sh > /dev/null 2>&1
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]

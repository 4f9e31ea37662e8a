# moved_clock — sourced by the tests that run a service on a moved clock:
# libfaketime (an LD_PRELOAD outside our code) shifts a service's wall clock;
# monotonic time stays real. Needs BIN, M and MOTCUA_VAR; sets FAKETIME_LIB.
export FAKETIME_DONT_FAKE_MONOTONIC=1
#   An ASan build wants its runtime first; libfaketime is preloaded before it.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
if ! command -v faketime >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then apt-get install -y faketime >/dev/null 2>&1; fi
FAKETIME_LIB=$(ls /usr/lib/*/faketime/libfaketimeMT.so.1 2>/dev/null | head -n 1)
restart_as() {                  # restart_as SERVICE FAKETIME-SPEC|"": the service on a moved clock
    local svc=$1 spec=$2 pidfile="$MOTCUA_VAR/run/$1.pid"
    kill -KILL "$(cat "$pidfile")" 2>/dev/null     # crash-safe by design; a faked clock hides SIGTERM
    for _ in $(seq 1 50); do kill -0 "$(cat "$pidfile")" 2>/dev/null || break; sleep 0.1; done
    if [ -n "$spec" ]; then
        TZ=Asia/Ho_Chi_Minh FAKETIME="$spec" LD_PRELOAD="$FAKETIME_LIB" \
            "$BIN/motcua-$svc" >> "$MOTCUA_VAR/log/$svc.log" 2>&1 &
    else
        "$BIN/motcua-$svc" >> "$MOTCUA_VAR/log/$svc.log" 2>&1 &
    fi
    echo $! > "$pidfile"
    disown
    for _ in $(seq 1 50); do $M health "$svc" >/dev/null 2>&1 && return 0; sleep 0.1; done
    return 1
}

#!/usr/bin/env bash
# fuzz.sh — run libFuzzer targets for a set time each (`make fuzz`,
# `make fuzz-short`). Each target starts from what earlier runs found,
# DIR/corpus-new/<target> (writable: new inputs go there, git-ignored), and
# its committed seeds, tests/fuzz/corpus/<target> (read only). Prints one line
# per target and exits non-zero if any target failed; the failing input is
# kept as DIR/<target>-crash-<sha1> (or -leak-, -timeout-, -oom-) and the
# whole run's output as DIR/<target>.log.
#   usage: tests/fuzz/fuzz.sh DIR SECONDS TARGET...   (FUZZ_ARGS: more options)
set -u
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
cd "$(dirname "$0")/../.."
dir=$1 seconds=$2
shift 2
failed=0
for target in "$@"; do
    new="$dir/corpus-new/$target" log="$dir/$target.log"
    mkdir -p "$new"
    started=$(date +%s)
    "$dir/$target" "$new" "tests/fuzz/corpus/$target" \
        -max_total_time="$seconds" -max_len=262144 -timeout=5 -rss_limit_mb=1024 \
        -dict=tests/fuzz/fuzz.dict -artifact_prefix="$dir/$target-" -print_final_stats=1 \
        ${FUZZ_ARGS:-} > "$log" 2>&1
    rc=$?
    elapsed=$(( $(date +%s) - started ))
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    took=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -n 1)
    [ -n "$took" ] && elapsed=$took
    done_line=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -n 1)
    cov=$(echo "$done_line" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
    corp=$(echo "$done_line" | sed -n 's/.* corp: \([0-9]*\).*/\1/p')
    if [ "$rc" = 0 ]; then
        echo "$target: ${runs:-?} runs in $elapsed s, no crash (coverage ${cov:-?}, corpus ${corp:-?} inputs)"
    else
        failed=$((failed + 1))
        artifact=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -n 1)
        echo "$target: FAILED (exit $rc) after ${runs:-?} runs in $elapsed s;" \
             "input ${artifact:-not saved}, log $log"
        { grep -E 'ERROR: |SUMMARY: |property broken|runtime error' "$log" | head -n 5
          grep -m 8 -E '^ +#[0-9]+ ' "$log"; } | sed 's/^/    /'
        [ -n "$artifact" ] && echo "    replay: $dir/$target $artifact"
    fi
done
[ "$failed" = 0 ] || { echo "fuzz: $failed of $# targets failed"; exit 1; }

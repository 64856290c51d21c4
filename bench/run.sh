#!/usr/bin/env bash
# One-command benchmark of Atrium on PostgreSQL against references measured in the same run
# (issue 14): W3 API depth (first page against a deep page of the subscriptions list) and W1
# launch (checkout API purchases per second against pgbench TPC-B-like transactions per second).
# Builds the jar, creates a scratch database, starts Atrium, loads data, drives wrk, prints one
# table, stops Atrium and drops the databases. See bench/README.md.
set -euo pipefail

PGHOST="${PGHOST:-127.0.0.1}"
PGPORT="${PGPORT:-5432}"
PGUSER="${PGUSER:-postgres}"
export PGHOST PGPORT PGUSER
DB="${DB:-atrium_bench}"
PGBENCH_DB="${PGBENCH_DB:-atrium_bench_pgbench}"
PORT="${PORT:-18080}"
BASE_URL="http://127.0.0.1:$PORT"
SUBSCRIPTIONS="${SUBSCRIPTIONS:-200000}"
DURATION="${DURATION:-15}"            # seconds per Atrium workload
PGBENCH_DURATION="${PGBENCH_DURATION:-20}"
CONNECTIONS="${CONNECTIONS:-16}"      # concurrent buyers (W1) and pgbench clients
THREADS="${THREADS:-2}"
API_CONNECTIONS="${API_CONNECTIONS:-16}" # concurrent API clients (W3)
PGBENCH_SCALE="${PGBENCH_SCALE:-16}"
WARMUP="${WARMUP:-5}"                 # seconds of unmeasured load before each Atrium workload (JIT)
TIMEOUT="${TIMEOUT:-10}"              # wrk: an answer slower than this counts as an error
SKIP_BUILD="${SKIP_BUILD:-false}"
KEEP_DB="${KEEP_DB:-false}"
JAVA_OPTS="${JAVA_OPTS:-}"
CLIENT_ID="bench-client"
CLIENT_SECRET="bench-secret-bench-secret-bench-secret"

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$(mktemp -d)"
APP_PID=""

say() { echo "bench: $*" >&2; }
die() { say "$*"; exit 1; }
psql_db() { psql -X -q -v ON_ERROR_STOP=1 -d "$1" -At -c "$2"; }

cleanup() {
  local rc=$?
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    say "stopping Atrium (pid $APP_PID)"
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
    kill -9 "$APP_PID" 2>/dev/null || true
  fi
  if [ "$KEEP_DB" != "true" ]; then
    dropdb --if-exists --force "$DB" 2>/dev/null || true
    dropdb --if-exists --force "$PGBENCH_DB" 2>/dev/null || true
  fi
  if [ $rc -ne 0 ] && [ -f "$WORK/atrium.log" ]; then
    say "last lines of the Atrium log:"; tail -n 30 "$WORK/atrium.log" >&2
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- tools -------------------------------------------------------------------------------------
for tool in psql pgbench createdb dropdb curl java; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is needed"
done
if ! command -v wrk >/dev/null 2>&1; then
  [ "$(id -u)" = "0" ] || die "wrk is not installed (sudo apt-get install wrk)"
  say "installing wrk"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null 2>&1 \
    || { DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null \
         && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
fi
psql_db postgres "SELECT 1" >/dev/null || die "PostgreSQL is not reachable at $PGHOST:$PGPORT as $PGUSER"
if curl -s -o /dev/null "$BASE_URL/actuator/health"; then die "port $PORT is taken (set PORT)"; fi

# --- build -------------------------------------------------------------------------------------
cd "$ROOT"
if [ "$SKIP_BUILD" != "true" ]; then
  say "building the jar"
  ./mvnw -q -B -ntp -DskipTests package
fi
JAR="$(ls target/atrium-*.jar 2>/dev/null | grep -v -- '-plain\|sources\|javadoc' | head -n 1)"
[ -n "$JAR" ] || die "no jar in target/"

# --- start Atrium on a fresh database ----------------------------------------------------------
dropdb --if-exists "$DB"
createdb "$DB"
say "starting Atrium on PostgreSQL database $DB, port $PORT"
START_NS=$(date +%s%N)
# shellcheck disable=SC2086
SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
SPRING_DATASOURCE_USERNAME="$PGUSER" SPRING_DATASOURCE_PASSWORD="" \
SERVER_PORT="$PORT" ATRIUM_BASE_URL="$BASE_URL" ATRIUM_DEMO=true \
ATRIUM_DEMO_CLIENT_ID="$CLIENT_ID" ATRIUM_DEMO_CLIENT_SECRET="$CLIENT_SECRET" \
ATRIUM_API_RATE_LIMIT_PER_MINUTE=100000000 \
  java $JAVA_OPTS -jar "$JAR" >"$WORK/atrium.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 240); do
  kill -0 "$APP_PID" 2>/dev/null || die "Atrium exited during start"
  if curl -sf "$BASE_URL/actuator/health" 2>/dev/null | grep -q '"UP"'; then break; fi
  sleep 0.5
done
curl -sf "$BASE_URL/actuator/health" | grep -q '"UP"' || die "Atrium did not become healthy"
STARTUP_S=$(awk -v ns=$(( $(date +%s%N) - START_NS )) 'BEGIN { printf "%.1f", ns / 1e9 }')
say "healthy after ${STARTUP_S} s (fresh database: migrations and demo data included)"

BASIC="$(printf '%s:%s' "$CLIENT_ID" "$CLIENT_SECRET" | base64 | tr -d '\n')"
token_response="$(curl -sS -X POST -H "Authorization: Basic $BASIC" \
  "$BASE_URL/security/oauth/token?grant_type=client_credentials")"
TOKEN="$(printf '%s' "$token_response" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')"
[ -n "$TOKEN" ] || die "no token: $token_response"

PRODUCER="$(psql_db "$DB" "SELECT producer_account_id FROM api_credentials WHERE client_id = '$CLIENT_ID'")"
[ -n "$PRODUCER" ] || die "no API credential $CLIENT_ID in the database"

# --- wrk helpers -------------------------------------------------------------------------------
# Every script counts non-2xx answers per thread; done() prints their sum.
cat >"$WORK/count.lua" <<'LUA'
failures = 0
local threads = {}
function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end
function response(status, headers, body)
  if status < 200 or status > 299 or (must_contain and not string.find(body, must_contain, 1, true)) then
    failures = failures + 1
  end
end
function done(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do total = total + (t:get("failures") or 0) end
  io.write(string.format("non-2xx: %d\n", total))
  io.write(string.format("latency-us: %d %d\n", latency:percentile(50), latency:percentile(99)))
end
LUA

# to_ms VALUE: a wrk duration ("812.00us", "3.21ms", "1.02s") in milliseconds
declare -A RESULT
declare -A LOAD
# run_wrk NAME SCRIPT URL [HEADER]: stores rps, p50, p99 (ms), errors in RESULT[NAME.*]
run_wrk() {
  local name="$1" script="$2" url="$3" header="${4:-}" connections="${5:-$CONNECTIONS}" out
  local args=(-t"$THREADS" -c"$connections" --timeout "${TIMEOUT}s" --latency -s "$script")
  [ -n "$header" ] && args+=(-H "$header")
  if [ "$WARMUP" -gt 0 ]; then
    say "$name: warm-up ${WARMUP}s"
    wrk "${args[@]}" -d"${WARMUP}s" "$url" -- warm >/dev/null
  fi
  LOAD[$name]="$(cut -d' ' -f1 /proc/loadavg)"
  say "$name: wrk -t$THREADS -c$connections -d${DURATION}s $url (load average ${LOAD[$name]})"
  out="$(wrk "${args[@]}" -d"${DURATION}s" "$url" -- run)"
  echo "$out" >"$WORK/$name.wrk"
  local rps failed socket p50us p99us
  rps="$(echo "$out" | awk '/^Requests\/sec:/ { print $2 }')"
  failed="$(echo "$out" | sed -n 's/^non-2xx: //p')"
  socket="$(echo "$out" | awk '/Socket errors/ { gsub(",", ""); print $4 + $6 + $8 + $10 }')"
  read -r p50us p99us <<<"$(echo "$out" | sed -n 's/^latency-us: //p')"
  RESULT[$name.rps]="$rps"
  RESULT[$name.p50]="$(awk -v u="$p50us" 'BEGIN { printf "%.1f", u / 1000 }')"
  RESULT[$name.p99]="$(awk -v u="$p99us" 'BEGIN { printf "%.1f", u / 1000 }')"
  RESULT[$name.failed]="${failed:-0}"
  RESULT[$name.errors]=$(( ${failed:-0} + ${socket:-0} ))
  RESULT[$name.requests]="$(echo "$out" | awk '/requests in/ { print $1 }')"
}

# --- W3 API depth ------------------------------------------------------------------------------
say "W3: inserting $SUBSCRIPTIONS subscriptions for producer $PRODUCER"
TEMPLATE="$(psql_db "$DB" "SELECT id FROM subscriptions WHERE producer_account_id = $PRODUCER ORDER BY id LIMIT 1")"
[ -n "$TEMPLATE" ] || die "the demo producer has no subscription to copy"
# Copies of one demo subscription, one a minute back from now; nothing due (next_attempt_at null),
# so the renewal task leaves them alone. Codes, first purchases and e-mails are unique.
psql -X -q -v ON_ERROR_STOP=1 -d "$DB" <<SQL
INSERT INTO subscriptions (subscriber_code, producer_account_id, product_id, product_name, offer_id,
    offer_code, plan_name, billing_period, max_charges, trial_days, club_group_id, warranty_days,
    amount_minor, currency, buyer_account_id, buyer_name, buyer_email, buyer_document, buyer_locale,
    first_purchase_id, first_transaction, status, time_zone, due_day, started_at, current_recurrence,
    next_charge_date, next_charge_at, last_charged_at, unpaid_count, failed_attempts,
    card_needs_update, payment_token, card_brand, card_last4, version, created_at, updated_at)
SELECT 'B' || lpad(to_hex(g), 7, '0'), t.producer_account_id, t.product_id, t.product_name, t.offer_id,
    t.offer_code, t.plan_name, t.billing_period, t.max_charges, t.trial_days, t.club_group_id,
    t.warranty_days, t.amount_minor, t.currency, t.buyer_account_id, 'Bench Subscriber ' || g,
    'bench-' || g || '@bench.example.com', NULL, t.buyer_locale, 9000000000 + g, 'BENCH' || g, 'ACTIVE',
    t.time_zone, t.due_day, now() - g * interval '1 minute', 1, NULL, NULL,
    now() - g * interval '1 minute', 0, 0, false, NULL, t.card_brand, t.card_last4, 0, now(), now()
FROM subscriptions t, generate_series(1, $SUBSCRIPTIONS) g
WHERE t.id = $TEMPLATE;
ANALYZE subscriptions;
SQL
TOTAL="$(psql_db "$DB" "SELECT count(*) FROM subscriptions WHERE producer_account_id = $PRODUCER")"
ACCESSION_MS="$(psql_db "$DB" "SELECT (extract(epoch FROM min(started_at)) * 1000)::bigint - 86400000 FROM subscriptions WHERE producer_account_id = $PRODUCER")"
PAGE=50
DEPTH=$(( SUBSCRIPTIONS / PAGE / 2 ))
# The token of page DEPTH+1: the sort key (started_at in microseconds, id) of the last item of page
# DEPTH, encoded as subscriptions/KeysetCursor does (Base64url without padding of a small JSON).
KEY="$(psql_db "$DB" "SELECT (extract(epoch FROM started_at) * 1000000)::bigint || ',' || id FROM subscriptions
  WHERE producer_account_id = $PRODUCER ORDER BY started_at DESC, id DESC OFFSET $(( DEPTH * PAGE - 1 )) LIMIT 1")"
DEEP_TOKEN="$(printf '{"list":"subscriptions","after":[%s]}' "$KEY" | base64 -w0 | tr '+/' '-_' | tr -d '=')"
LIST_URL="$BASE_URL/payments/api/v1/subscriptions?max_results=$PAGE&accession_date=$ACCESSION_MS"
FIRST_URL="$LIST_URL"
DEEP_URL="$LIST_URL&page_token=$DEEP_TOKEN"
for url in "$FIRST_URL" "$DEEP_URL"; do
  body="$(curl -sS -w '\n%{http_code}' -H "Authorization: Bearer $TOKEN" "$url")"
  [ "$(echo "$body" | tail -n 1)" = "200" ] || die "W3 check failed for $url: $body"
  echo "$body" | grep -q '"subscriber_code"' || die "W3: empty page for $url: $body"
done
say "W3: $TOTAL subscriptions; deep page = page $(( DEPTH + 1 )) of $(( (TOTAL + PAGE - 1) / PAGE ))"
cp "$WORK/count.lua" "$WORK/get.lua"
run_wrk w3-first "$WORK/get.lua" "$FIRST_URL" "Authorization: Bearer $TOKEN" "$API_CONNECTIONS"
run_wrk w3-deep "$WORK/get.lua" "$DEEP_URL" "Authorization: Bearer $TOKEN" "$API_CONNECTIONS"

# --- W1 launch ---------------------------------------------------------------------------------
OFFER="$(psql_db "$DB" "SELECT o.code FROM catalog_offers o JOIN catalog_products p ON p.id = o.product_id
  WHERE p.producer_account_id = $PRODUCER AND o.name = 'Fotografia do Zero' ORDER BY o.id LIMIT 1")"
[ -n "$OFFER" ] || die "no demo offer 'Fotografia do Zero'"
RUN_ID="$(date +%s%N)"
{
  cat "$WORK/count.lua"
  cat <<LUA
must_contain = '"status":"APPROVED"'
local counter = 0
local prefix
-- the phase (warm-up or measured) comes after "--", so the two runs never share a key
function init(args) prefix = "bench-$RUN_ID-" .. (args[1] or "run") .. "-" .. tid end
function request()
  counter = counter + 1
  local key = prefix .. "-" .. counter
  local body = '{"offer_code":"$OFFER","buyer":{"name":"Bench Buyer","email":"' .. key
    .. '@bench.example.com","locale":"en"},"payment":{"method":"CARD","card":{"number":"4111111111111111",'
    .. '"holder":"Bench Buyer","exp_month":12,"exp_year":2030,"cvc":"123"}}}'
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json", ["Idempotency-Key"] = key,
    ["Authorization"] = "Bearer $TOKEN" }, body)
end
LUA
} >"$WORK/checkout.lua"
check="$(curl -sS -w '\n%{http_code}' -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -H "Idempotency-Key: bench-check-$RUN_ID" "$BASE_URL/api/v1/checkout" \
  -d "{\"offer_code\":\"$OFFER\",\"buyer\":{\"name\":\"Bench Buyer\",\"email\":\"check-$RUN_ID@bench.example.com\"},\"payment\":{\"method\":\"CARD\",\"card\":{\"number\":\"4111111111111111\",\"holder\":\"Bench Buyer\",\"exp_month\":12,\"exp_year\":2030,\"cvc\":\"123\"}}}")"
echo "$check" | grep -q '"status":"APPROVED"' || die "W1 check purchase not approved: $check"
run_wrk w1-checkout "$WORK/checkout.lua" "$BASE_URL/api/v1/checkout"
# approved purchases per second: answered 2xx with status APPROVED (wrk counts only answered requests)
RESULT[w1-checkout.approved]="$(awk -v r="${RESULT[w1-checkout.requests]}" -v e="${RESULT[w1-checkout.failed]}" \
  -v d="$DURATION" 'BEGIN { printf "%.1f", (r - e) / d }')"

say "stopping Atrium before the reference runs"
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""

say "W1 reference: pgbench -i -s $PGBENCH_SCALE, then -c $CONNECTIONS -j $THREADS -T $PGBENCH_DURATION"
dropdb --if-exists "$PGBENCH_DB"; createdb "$PGBENCH_DB"
pgbench -i -q -s "$PGBENCH_SCALE" "$PGBENCH_DB" >/dev/null 2>&1
mkdir -p "$WORK/pgb"
LOAD[pgbench]="$(cut -d' ' -f1 /proc/loadavg)"
( cd "$WORK/pgb" && pgbench -n -c "$CONNECTIONS" -j "$THREADS" -T "$PGBENCH_DURATION" -l "$PGBENCH_DB" \
  >"$WORK/pgbench.out" 2>&1 )
RESULT[pgbench.rps]="$(awk '/^tps = / { printf "%.1f", $3; exit }' "$WORK/pgbench.out")"
RESULT[pgbench.errors]="$(awk '/number of failed transactions/ { print $5; found=1 } END { if (!found) print 0 }' "$WORK/pgbench.out")"
# per-transaction log: the third column is the latency in microseconds
cat "$WORK"/pgb/pgbench_log.* | awk '{ print $3 }' | sort -n >"$WORK/pgb.lat"
N=$(wc -l <"$WORK/pgb.lat")
RESULT[pgbench.p50]="$(sed -n "$(( (N + 1) / 2 ))p" "$WORK/pgb.lat" | awk '{ printf "%.1f", $1 / 1000 }')"
RESULT[pgbench.p99]="$(sed -n "$(( (N * 99 + 99) / 100 ))p" "$WORK/pgb.lat" | awk '{ printf "%.1f", $1 / 1000 }')"

# --- table -------------------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
W1_RATIO="$(ratio "${RESULT[w1-checkout.approved]}" "${RESULT[pgbench.rps]}")"
W3_RATIO="$(ratio "${RESULT[w3-deep.p99]}" "${RESULT[w3-first.p99]}")"
PGV="$(psql_db postgres "SHOW server_version")"
JV="$(java -version 2>&1 | head -n 1)"
echo
echo "Machine: $(nproc) cores, $(free -g | awk '/^Mem:/ { print $2 }') GiB RAM, PostgreSQL $PGV, $JV"
echo "Atrium healthy ${STARTUP_S} s after start (fresh database). Durations: ${DURATION} s per workload after ${WARMUP} s warm-up, pgbench ${PGBENCH_DURATION} s."
echo "1-minute load average when each measurement began: W3 first ${LOAD[w3-first]}, W3 deep ${LOAD[w3-deep]}, W1 ${LOAD[w1-checkout]}, pgbench ${LOAD[pgbench]} ($(nproc) cores; above that, other processes competed)."
echo
echo "| Workload | Throughput | p50 | p99 | Errors | Reference | Ratio |"
echo "|---|---|---|---|---|---|---|"
printf '| W3 first page (%s subscriptions, %d conn.) | %s req/s | %s ms | %s ms | %s | | |\n' \
  "$TOTAL" "$API_CONNECTIONS" "${RESULT[w3-first.rps]}" "${RESULT[w3-first.p50]}" "${RESULT[w3-first.p99]}" "${RESULT[w3-first.errors]}"
printf '| W3 deep page (page %d) | %s req/s | %s ms | %s ms | %s | first-page p99 | %s (deep/first p99, target ≤ 1.2) |\n' \
  "$(( DEPTH + 1 ))" "${RESULT[w3-deep.rps]}" "${RESULT[w3-deep.p50]}" "${RESULT[w3-deep.p99]}" "${RESULT[w3-deep.errors]}" "$W3_RATIO"
printf '| W1 checkout API, %d buyers | %s approved/s | %s ms | %s ms | %s | pgbench %s tps | %s (target ≥ 0.5) |\n' \
  "$CONNECTIONS" "${RESULT[w1-checkout.approved]}" "${RESULT[w1-checkout.p50]}" "${RESULT[w1-checkout.p99]}" "${RESULT[w1-checkout.errors]}" "${RESULT[pgbench.rps]}" "$W1_RATIO"
printf '| pgbench TPC-B-like (scale %s, %d clients) | %s tps | %s ms | %s ms | %s | | |\n' \
  "$PGBENCH_SCALE" "$CONNECTIONS" "${RESULT[pgbench.rps]}" "${RESULT[pgbench.p50]}" "${RESULT[pgbench.p99]}" "${RESULT[pgbench.errors]}"

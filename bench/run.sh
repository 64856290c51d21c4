#!/usr/bin/env bash
# One-command benchmark of Atrium on PostgreSQL against references measured in the same run
# (issue 14): W3 API depth (first page against a deep page of the subscriptions list), W2 lessons
# (a lesson page against the same server's cheapest endpoint), W5 tokens and log-ins (against
# Keycloak 26.4 and the raw Argon2id hash rate), W1 launch (checkout API purchases per second
# against pgbench TPC-B-like transactions per second), W4 renewals (due subscriptions charged by
# the renewal run), memory (heap and RSS under load) and the embedded start.
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
STUDENTS="${STUDENTS:-200}"           # concurrent students (W2)
LAUNCH_BUYERS="${LAUNCH_BUYERS:-200}" # the second W1 concurrency
RENEWALS="${RENEWALS:-20000}"         # subscriptions due at once (W4)
KEYCLOAK="${KEYCLOAK:-true}"          # W5 reference; downloads keycloak-quarkus-dist once (160 MB)
KEYCLOAK_VERSION="${KEYCLOAK_VERSION:-26.4.7}"
KEYCLOAK_PORT="${KEYCLOAK_PORT:-18180}"
CACHE="${CACHE:-$HOME/.cache/atrium-bench}"
DEMO_PASSWORD="atrium-demo-password"
PGBENCH_SCALE="${PGBENCH_SCALE:-16}"
WARMUP="${WARMUP:-15}"                # seconds of unmeasured load before each Atrium workload (JIT)
LOGIN_WARMUP="${LOGIN_WARMUP:-60}"    # the log-in workload's: Argon2id reaches full speed in Atrium only after ~60 s
LOGIN_CONNECTIONS="${LOGIN_CONNECTIONS:-$(( 2 * $(nproc) ))}" # concurrent log-ins (W5)
LOGIN_ROUNDS="${LOGIN_ROUNDS:-3}"     # W5 log-ins: rounds of (Argon2id reference, log-ins); the median ratio counts
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

KC_PID=""
EMB_PID=""
cleanup() {
  local rc=$?
  for pid in "$KC_PID" "$EMB_PID"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  done
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
for _ in $(seq 1 $(( ${START_TIMEOUT:-600} * 2 ))); do
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

# A database that has been running has planner statistics; a fresh one has none until
# autovacuum analyzes it (and this machine's autovacuum may be off: see the table's header).
# Without them PostgreSQL looked up a student's enrolment through the product's index and read
# every enrolment of the product (thousands of rows per purchase once W1 had run).
psql_db "$DB" "ANALYZE"
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
# run_wrk NAME SCRIPT URL [HEADER] [CONNECTIONS] [WARM-UP SECONDS]: stores rps, p50, p99 (ms), errors in RESULT[NAME.*]
run_wrk() {
  local name="$1" script="$2" url="$3" header="${4:-}" connections="${5:-$CONNECTIONS}" out
  local warmup="${6:-$WARMUP}"
  local args=(-t"$THREADS" -c"$connections" --timeout "${TIMEOUT}s" --latency -s "$script")
  [ -n "$header" ] && args+=(-H "$header")
  if [ "$warmup" -gt 0 ]; then
    say "$name: warm-up ${warmup}s"
    wrk "${args[@]}" -d"${warmup}s" "$url" -- "$name-warm" >/dev/null
  fi
  LOAD[$name]="$(cut -d' ' -f1 /proc/loadavg)"
  say "$name: wrk -t$THREADS -c$connections -d${DURATION}s $url (load average ${LOAD[$name]})"
  out="$(wrk "${args[@]}" -d"${DURATION}s" "$url" -- "$name")"
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

# --- memory ------------------------------------------------------------------------------------
# memory NAME: the Atrium process's RSS and the JVM's used heap (MiB) right after a workload
declare -A MEMORY
memory() {
  local rss heap
  rss="$(awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$APP_PID/status" 2>/dev/null || echo "?")"
  heap="$(curl -sf "$BASE_URL/actuator/prometheus" 2>/dev/null \
    | awk '/^jvm_memory_used_bytes\{.*area="heap"/ { sum += $NF } END { if (sum > 0) printf "%.0f", sum / 1048576; else print "?" }')"
  MEMORY[$1]="heap ${heap} MiB, RSS ${rss} MiB"
}

# --- W2 lessons --------------------------------------------------------------------------------
# The demo students log in through the real form (CSRF token and session cookie); each wrk
# connection then opens a lesson that student can open, with that student's session.
login() { # login EMAIL COOKIEJAR: a signed-in session in the cookie jar
  local page csrf
  page="$(curl -sS -c "$2" -b "$2" "$BASE_URL/login")"
  csrf="$(printf '%s' "$page" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)"
  [ -n "$csrf" ] || die "no CSRF token on the log-in page"
  curl -sS -o /dev/null -c "$2" -b "$2" --data-urlencode "email=$1" --data-urlencode "password=$DEMO_PASSWORD" \
    --data-urlencode "_csrf=$csrf" "$BASE_URL/login"
}
: >"$WORK/students.lua.list"
for student in ana bruno chiara david; do
  jar="$WORK/$student.cookies"
  login "$student@demo.atrium.test" "$jar"
  cookie="$(awk '$6 == "ATRIUM_SESSION" { print "ATRIUM_SESSION=" $7 }' "$jar")"
  [ -n "$cookie" ] || die "W2: $student could not log in"
  # the first lesson of the student's first course that opens for them (200, not a locked page)
  courses="$(curl -sS -b "$jar" "$BASE_URL/club/demo" | grep -o '/club/demo/products/[0-9A-Za-z_-]*' | sort -u)"
  lesson=""
  for course in $courses; do
    for page in $(curl -sS -b "$jar" "$BASE_URL$course" | grep -o '/club/demo/pages/[0-9A-Za-z_-]*' | awk '!seen[$0]++'); do
      body="$(curl -sS -b "$jar" "$BASE_URL$page")"
      if printf '%s' "$body" | grep -q 'id="page-content"'; then lesson="$page"; break 2; fi
    done
  done
  [ -n "$lesson" ] || { say "W2: no open lesson for $student"; continue; }
  echo "$cookie $lesson" >>"$WORK/students.lua.list"
done
[ -s "$WORK/students.lua.list" ] || die "W2: no student has an open lesson"
say "W2: $(wc -l <"$WORK/students.lua.list") students, e.g. $(head -n 1 "$WORK/students.lua.list" | cut -d' ' -f2)"
{
  cat "$WORK/count.lua"
  echo 'must_contain = "id=\"page-content\""'
  echo 'local students = {}'
  while read -r cookie lesson; do echo "table.insert(students, { \"$cookie\", \"$lesson\" })"; done <"$WORK/students.lua.list"
  cat <<'LUA'
local n = 0
function request()
  n = n + 1
  local s = students[((tid or 1) + n) % #students + 1]
  return wrk.format("GET", s[2], { ["Cookie"] = s[1] })
end
LUA
} >"$WORK/lesson.lua"
cp "$WORK/count.lua" "$WORK/health.lua"
run_wrk w2-lesson "$WORK/lesson.lua" "$BASE_URL/" "" "$STUDENTS"
memory w2-lesson
run_wrk w2-health "$WORK/health.lua" "$BASE_URL/actuator/health" "" "$STUDENTS"

# --- W5 tokens and log-ins (Atrium) ------------------------------------------------------------
{
  cat "$WORK/count.lua"
  cat <<LUA
wrk.method = "POST"
wrk.headers["Authorization"] = "Basic $BASIC"
LUA
} >"$WORK/token.lua"
run_wrk w5-token "$WORK/token.lua" "$BASE_URL/security/oauth/token?grant_type=client_credentials"
# A log-in is two requests on one connection: the form (its CSRF token, also in a cookie: no
# session before the log-in), then the post.
# One connection per wrk thread keeps each thread's pair in order; a success is the redirect
# away from the form (not back to /login?error). LOGIN_CONNECTIONS (twice the cores) keeps the
# cores busy while a connection waits for its form; LOGIN_WARMUP is longer than the others because
# the Argon2id code reaches full speed in a large application only after about a minute of
# log-ins (measured: 19, 21, 24, 36, 43, 47, 46 log-ins/s in successive 15 s runs from a fresh start).
{
  cat <<'LUA'
failures = 0
logins = 0
local threads = {}
function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end
local step, cookie, csrf = 0, nil, nil
local emails = { "ana@demo.atrium.test", "bruno@demo.atrium.test", "chiara@demo.atrium.test", "david@demo.atrium.test" }
function request()
  if step == 0 or csrf == nil then
    step = 0
    return wrk.format("GET", "/login")
  end
  local email = emails[math.random(#emails)]
  return wrk.format("POST", "/login", { ["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = cookie },
    "email=" .. email:gsub("@", "%%40") .. "&password=DEMO_PASSWORD&_csrf=" .. csrf)
end
function response(status, headers, body)
  if step == 0 then
    local set = headers["Set-Cookie"] or headers["set-cookie"] or ""
    cookie = string.match(set, "(ATRIUM_CSRF=[^;]+)")
    csrf = string.match(body, 'name="_csrf" value="([^"]+)"')
    if cookie and csrf then step = 1 else failures = failures + 1 end
  else
    local location = headers["Location"] or headers["location"] or ""
    if status == 302 and not string.find(location, "error", 1, true) then logins = logins + 1 else failures = failures + 1 end
    step = 0
  end
end
function done(summary, latency, requests)
  local total, ok = 0, 0
  for _, t in ipairs(threads) do total = total + (t:get("failures") or 0); ok = ok + (t:get("logins") or 0) end
  io.write(string.format("non-2xx: %d\n", total))
  io.write(string.format("logins: %d\n", ok))
  io.write(string.format("latency-us: %d %d\n", latency:percentile(50), latency:percentile(99)))
end
LUA
} | sed "s/DEMO_PASSWORD/$DEMO_PASSWORD/" >"$WORK/login.lua"
# W5 log-in reference: raw Argon2id verifies per second with Atrium's own encoder and parameters
# (accounts/internal/Argon2idPasswordEncoder: libargon2, or Bouncy Castle's Java code where it does
# not load), one thread per core, run from the jar's own classes and libraries while Atrium sits
# idle. This machine's speed drifts by 20 % and more over minutes (the same verify program made 50
# and 86 verifies/s ten minutes apart), so the two are measured in LOGIN_ROUNDS rounds, each the
# reference right before the log-ins, and the ratio is the median of the rounds' ratios.
mkdir -p "$WORK/argon2/lib" "$WORK/argon2/classes"
( cd "$WORK/argon2/lib" && unzip -q -j -o "$ROOT/$JAR" 'BOOT-INF/lib/spring-security-crypto-*' 'BOOT-INF/lib/bcprov-*' \
  'BOOT-INF/lib/spring-core-*' 'BOOT-INF/lib/spring-jcl-*' 'BOOT-INF/lib/argon2-jvm-*' 'BOOT-INF/lib/jna-*' \
  'BOOT-INF/lib/slf4j-api-*' 'BOOT-INF/lib/commons-logging-*' 2>/dev/null || true )
( cd "$WORK/argon2/classes" && unzip -q -o "$ROOT/$JAR" 'BOOT-INF/classes/io/atrium/accounts/internal/Argon2idPasswordEncoder*' )
cat >"$WORK/argon2/HashRate.java" <<'JAVA'
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;
import io.atrium.accounts.internal.Argon2idPasswordEncoder;

public class HashRate {
	public static void main(String[] args) throws Exception {
		int threads = Integer.parseInt(args[0]);
		long seconds = Long.parseLong(args[1]);
		Argon2idPasswordEncoder encoder = new Argon2idPasswordEncoder();
		String hash = encoder.encode("atrium-demo-password");
		for (int i = 0; i < 20; i++) encoder.matches("atrium-demo-password", hash); // warm-up
		AtomicLong count = new AtomicLong();
		long end = System.nanoTime() + seconds * 1_000_000_000L;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		for (int t = 0; t < threads; t++) {
			pool.submit(() -> { while (System.nanoTime() < end) { if (encoder.matches("atrium-demo-password", hash)) count.incrementAndGet(); } });
		}
		pool.shutdown();
		pool.awaitTermination(seconds + 60, TimeUnit.SECONDS);
		System.out.println(encoder.isNative() ? "libargon2" : "Bouncy Castle");
		System.out.printf("%.1f%n", count.get() / (double) seconds);
	}
}
JAVA
THREADS_SAVED="$THREADS"; THREADS="$LOGIN_CONNECTIONS"
say "w5-login: warm-up ${LOGIN_WARMUP}s"
wrk -t"$THREADS" -c"$LOGIN_CONNECTIONS" --timeout "${TIMEOUT}s" -s "$WORK/login.lua" -d"${LOGIN_WARMUP}s" \
  "$BASE_URL/login" -- w5-login-warm >/dev/null
ROUNDS=""
for r in $(seq 1 "$LOGIN_ROUNDS"); do
  LOAD[argon2-$r]="$(cut -d' ' -f1 /proc/loadavg)"
  say "W5 round $r: Argon2id verifies on $(nproc) threads for ${DURATION}s (load average ${LOAD[argon2-$r]})"
  out="$(java -cp "$WORK/argon2/classes/BOOT-INF/classes:$WORK/argon2/lib/*" "$WORK/argon2/HashRate.java" "$(nproc)" "$DURATION" 2>/dev/null)"
  RESULT[argon2.impl]="$(echo "$out" | tail -n 2 | head -n 1)"
  RESULT[argon2-$r.rate]="$(echo "$out" | tail -n 1)"
  run_wrk "w5-login-$r" "$WORK/login.lua" "$BASE_URL/login" "" "$LOGIN_CONNECTIONS" 0
  RESULT[w5-login-$r.rate]="$(awk -v n="$(sed -n 's/^logins: //p' "$WORK/w5-login-$r.wrk")" -v d="$DURATION" \
    'BEGIN { printf "%.1f", (n == "" ? 0 : n) / d }')"
  ROUNDS="$ROUNDS$(awk -v a="${RESULT[w5-login-$r.rate]}" -v b="${RESULT[argon2-$r.rate]:-0}" \
    'BEGIN { printf "%.4f", (b > 0) ? a / b : 0 }') $r"$'\n'
done
THREADS="$THREADS_SAVED"
MEDIAN_ROUND="$(printf '%s' "$ROUNDS" | sort -n | sed -n "$(( (LOGIN_ROUNDS + 1) / 2 ))p" | cut -d' ' -f2)"
for f in rate rps p50 p99 errors failed requests; do
  RESULT[w5-login.$f]="${RESULT[w5-login-$MEDIAN_ROUND.$f]:-}"
done
RESULT[argon2.rate]="${RESULT[argon2-$MEDIAN_ROUND.rate]}"
LOAD[w5-login]="${LOAD[w5-login-$MEDIAN_ROUND]}"; LOAD[argon2]="${LOAD[argon2-$MEDIAN_ROUND]}"
RESULT[argon2.all]="$(for r in $(seq 1 "$LOGIN_ROUNDS"); do
  printf '%s against %s' "${RESULT[w5-login-$r.rate]}" "${RESULT[argon2-$r.rate]}"
  if [ "$r" -lt "$LOGIN_ROUNDS" ]; then printf '; '; fi
done)"

# --- W1 launch ---------------------------------------------------------------------------------
psql_db "$DB" "ANALYZE"
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
# What one purchase costs the database: commits and rows written during the run, per approved
# purchase (pg_stat_database; background work running then - e-mails, webhooks - is included)
db_counters() { psql_db "$DB" "SELECT xact_commit, tup_inserted + tup_updated + tup_deleted, tup_returned + tup_fetched
  FROM pg_stat_database WHERE datname = current_database()"; }
sleep 1; read -r C0 W0 R0 <<<"$(db_counters | tr '|' ' ')"
run_wrk w1-checkout "$WORK/checkout.lua" "$BASE_URL/api/v1/checkout"
sleep 1; read -r C1 W1 R1 <<<"$(db_counters | tr '|' ' ')"
# approved purchases per second: answered 2xx with status APPROVED (wrk counts only answered requests)
RESULT[w1-checkout.approved]="$(awk -v r="${RESULT[w1-checkout.requests]}" -v e="${RESULT[w1-checkout.failed]}" \
  -v d="$DURATION" 'BEGIN { printf "%.1f", (r - e) / d }')"
memory w1-checkout
W1_APPROVED=$(( ${RESULT[w1-checkout.requests]:-0} - ${RESULT[w1-checkout.failed]:-0} ))
RESULT[w1.cost]="$(awk -v n="$W1_APPROVED" -v c=$(( C1 - C0 )) -v w=$(( W1 - W0 )) -v r=$(( R1 - R0 )) \
  'BEGIN { if (n > 0) printf "%.1f commits, %.1f rows written, %.0f rows read", c / n, w / n, r / n; else print "n/a" }')"
run_wrk w1-launch "$WORK/checkout.lua" "$BASE_URL/api/v1/checkout" "" "$LAUNCH_BUYERS"
RESULT[w1-launch.approved]="$(awk -v r="${RESULT[w1-launch.requests]}" -v e="${RESULT[w1-launch.failed]}" \
  -v d="$DURATION" 'BEGIN { printf "%.1f", (r - e) / d }')"
memory w1-launch

# --- W4 renewals -------------------------------------------------------------------------------
# RENEWALS copies of an active demo subscription whose stored sandbox card approves, all due a
# minute ago; the renewal task (every 30 s, leased batches) charges them through the sandbox
# gateway. Measured from the first renewal purchase to the last; then every one must have exactly
# one purchase for recurrence 2 and the gateway exactly one approved charge per purchase.
TEMPLATE4="$(psql_db "$DB" "SELECT s.id FROM subscriptions s JOIN sandbox_payment_methods m ON m.token = s.payment_token
  WHERE s.producer_account_id = $PRODUCER AND s.status = 'ACTIVE' AND m.declines_with IS NULL AND s.max_charges IS NULL
  ORDER BY s.id LIMIT 1")"
[ -n "$TEMPLATE4" ] || die "W4: no active demo subscription with an approving stored card"
say "W4: inserting $RENEWALS subscriptions due now (copies of subscription $TEMPLATE4)"
# each copy is a subscriber with an account of their own, as a real subscriber has (their first
# purchase made it): otherwise each renewal would open an account for its e-mail
psql -X -q -v ON_ERROR_STOP=1 -d "$DB" <<SQL
INSERT INTO accounts (email, name, status, locale, is_student, activated_at, created_at)
SELECT 'renewal-' || g || '@bench.example.com', 'Renewal Subscriber ' || g, 'ACTIVE', 'en', TRUE, now(), now()
FROM generate_series(1, $RENEWALS) g;
INSERT INTO subscriptions (subscriber_code, producer_account_id, product_id, product_name, offer_id,
    offer_code, plan_name, billing_period, max_charges, trial_days, club_group_id, warranty_days,
    amount_minor, currency, buyer_account_id, buyer_name, buyer_email, buyer_document, buyer_locale,
    first_purchase_id, first_transaction, status, time_zone, due_day, started_at, current_recurrence,
    next_charge_date, next_charge_at, last_charged_at, unpaid_count, failed_attempts,
    card_needs_update, payment_token, card_brand, card_last4, next_attempt_at, version, created_at, updated_at)
SELECT 'R' || lpad(to_hex(g), 7, '0'), t.producer_account_id, t.product_id, t.product_name, t.offer_id,
    t.offer_code, t.plan_name, t.billing_period, t.max_charges, t.trial_days, t.club_group_id,
    t.warranty_days, t.amount_minor, t.currency, a.id, 'Renewal Subscriber ' || g,
    'renewal-' || g || '@bench.example.com', NULL, t.buyer_locale, 8000000000 + g, 'RENEW' || g, 'ACTIVE',
    t.time_zone, t.due_day, now() - interval '40 days', 1, current_date, now() - interval '1 minute',
    now() - interval '40 days', 0, 0, false, t.payment_token, t.card_brand, t.card_last4,
    now() - interval '1 minute', 0, now(), now()
FROM subscriptions t, generate_series(1, $RENEWALS) g
JOIN accounts a ON a.email = 'renewal-' || g || '@bench.example.com'
WHERE t.id = $TEMPLATE4;
ANALYZE subscriptions;
SQL
RENEWED_SQL="SELECT count(*) FROM purchases p JOIN subscriptions s ON s.id = p.subscription_id
  WHERE s.buyer_email LIKE 'renewal-%@bench.example.com' AND p.recurrence_number = 2 AND p.status = 'APPROVED'"
W4_DEADLINE=$(( $(date +%s) + ${W4_TIMEOUT:-900} ))
LOAD[w4]="$(cut -d' ' -f1 /proc/loadavg)"
while :; do
  renewed="$(psql_db "$DB" "$RENEWED_SQL")"
  [ "$renewed" -ge "$RENEWALS" ] && break
  [ "$(date +%s)" -lt "$W4_DEADLINE" ] || { say "W4: only $renewed of $RENEWALS renewed before the deadline"; break; }
  sleep 2
done
memory w4
read -r RESULT[w4.count] RESULT[w4.seconds] <<<"$(psql_db "$DB" "SELECT count(*), extract(epoch FROM max(p.created_at) - min(p.created_at))
  FROM purchases p JOIN subscriptions s ON s.id = p.subscription_id WHERE s.buyer_email LIKE 'renewal-%@bench.example.com' AND p.recurrence_number = 2" | tr '|' ' ')"
RESULT[w4.rps]="$(awk -v n="${RESULT[w4.count]}" -v s="${RESULT[w4.seconds]}" 'BEGIN { if (s > 0) printf "%.1f", n / s; else print "n/a" }')"
RESULT[w4.duplicates]="$(psql_db "$DB" "SELECT count(*) FROM (SELECT p.subscription_id FROM purchases p JOIN subscriptions s
  ON s.id = p.subscription_id WHERE s.buyer_email LIKE 'renewal-%@bench.example.com' AND p.recurrence_number = 2 GROUP BY p.subscription_id HAVING count(*) > 1) d")"
RESULT[w4.missing]=$(( RENEWALS - $(psql_db "$DB" "$RENEWED_SQL") ))


say "stopping Atrium before the reference runs"
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""

# --- references (Atrium stopped) --------------------------------------------------------------
# pgbench NAME CLIENTS: TPC-B-like transactions per second at that concurrency
run_pgbench() {
  local name="$1" clients="$2"
  mkdir -p "$WORK/$name"
  LOAD[$name]="$(cut -d' ' -f1 /proc/loadavg)"
  say "$name: pgbench -c $clients -j $THREADS -T $PGBENCH_DURATION (load average ${LOAD[$name]})"
  ( cd "$WORK/$name" && pgbench -n -c "$clients" -j "$THREADS" -T "$PGBENCH_DURATION" -l "$PGBENCH_DB" \
    >"$WORK/$name.out" 2>&1 )
  RESULT[$name.rps]="$(awk '/^tps = / { printf "%.1f", $3; exit }' "$WORK/$name.out")"
  RESULT[$name.errors]="$(awk '/number of failed transactions/ { print $5; found=1 } END { if (!found) print 0 }' "$WORK/$name.out")"
  # per-transaction log: the third column is the latency in microseconds
  cat "$WORK/$name"/pgbench_log.* | awk '{ print $3 }' | sort -n >"$WORK/$name.lat"
  local n; n=$(wc -l <"$WORK/$name.lat")
  RESULT[$name.p50]="$(sed -n "$(( (n + 1) / 2 ))p" "$WORK/$name.lat" | awk '{ printf "%.1f", $1 / 1000 }')"
  RESULT[$name.p99]="$(sed -n "$(( (n * 99 + 99) / 100 ))p" "$WORK/$name.lat" | awk '{ printf "%.1f", $1 / 1000 }')"
}
say "W1 reference: pgbench -i -s $PGBENCH_SCALE"
dropdb --if-exists "$PGBENCH_DB"; createdb "$PGBENCH_DB"
pgbench -i -q -s "$PGBENCH_SCALE" "$PGBENCH_DB" >/dev/null 2>&1
run_pgbench pgbench "$CONNECTIONS"
MAX_CONNECTIONS="$(psql_db postgres "SHOW max_connections")"
LAUNCH_CLIENTS=$(( LAUNCH_BUYERS < MAX_CONNECTIONS - 10 ? LAUNCH_BUYERS : MAX_CONNECTIONS - 10 ))
run_pgbench pgbench-launch "$LAUNCH_CLIENTS"


# W5 token reference: Keycloak in dev mode (the same wrk settings as Atrium's token run)
KC_HOME="$CACHE/keycloak-$KEYCLOAK_VERSION"
if [ "$KEYCLOAK" = "true" ]; then
  if [ ! -x "$KC_HOME/bin/kc.sh" ]; then
    say "downloading Keycloak $KEYCLOAK_VERSION from Maven Central (once, into $CACHE)"
    mkdir -p "$CACHE"
    curl -sfL -o "$CACHE/keycloak-$KEYCLOAK_VERSION.zip" \
      "https://repo.maven.apache.org/maven2/org/keycloak/keycloak-quarkus-dist/$KEYCLOAK_VERSION/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
    ( cd "$CACHE" && unzip -q -o "keycloak-$KEYCLOAK_VERSION.zip" )
  fi
  KC_JAVA_HOME="${KC_JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-2[1-9]* 2>/dev/null | tail -n 1)}"
  say "starting Keycloak $KEYCLOAK_VERSION in dev mode on port $KEYCLOAK_PORT (JAVA_HOME=${KC_JAVA_HOME:-default})"
  rm -rf "$KC_HOME/data"
  ( [ -n "$KC_JAVA_HOME" ] && export JAVA_HOME="$KC_JAVA_HOME"; \
    KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    exec "$KC_HOME/bin/kc.sh" start-dev --http-port "$KEYCLOAK_PORT" --http-host 127.0.0.1 >"$WORK/keycloak.log" 2>&1 ) &
  KC_PID=$!
  KC_URL="http://127.0.0.1:$KEYCLOAK_PORT"
  for _ in $(seq 1 ${KEYCLOAK_START_TIMEOUT:-900}); do
    curl -sf -o /dev/null "$KC_URL/realms/master" && break
    kill -0 "$KC_PID" 2>/dev/null || die "Keycloak exited during start: $(tail -n 5 "$WORK/keycloak.log")"
    sleep 1
  done
  curl -sf -o /dev/null "$KC_URL/realms/master" || die "Keycloak did not start: $(tail -n 5 "$WORK/keycloak.log")"
  ADMIN_TOKEN="$(curl -sS -d grant_type=password -d client_id=admin-cli -d username=admin -d password=admin \
    "$KC_URL/realms/master/protocol/openid-connect/token" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')"
  [ -n "$ADMIN_TOKEN" ] || die "no Keycloak admin token"
  curl -sSf -o /dev/null -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' \
    "$KC_URL/admin/realms/master/clients" -d "{\"clientId\":\"$CLIENT_ID\",\"secret\":\"$CLIENT_SECRET\",\"enabled\":true,
      \"publicClient\":false,\"serviceAccountsEnabled\":true,\"standardFlowEnabled\":false,\"directAccessGrantsEnabled\":false}"
  {
    cat "$WORK/count.lua"
    cat <<LUA
wrk.method = "POST"
wrk.headers["Authorization"] = "Basic $BASIC"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.body = "grant_type=client_credentials"
LUA
  } >"$WORK/kc-token.lua"
  curl -sSf -o /dev/null -X POST -H "Authorization: Basic $BASIC" -d grant_type=client_credentials \
    "$KC_URL/realms/master/protocol/openid-connect/token" || die "Keycloak refused the client-credentials grant"
  run_wrk keycloak-token "$WORK/kc-token.lua" "$KC_URL/realms/master/protocol/openid-connect/token"
  kill "$KC_PID" 2>/dev/null || true; wait "$KC_PID" 2>/dev/null || true; KC_PID=""
fi

# Memory and start of the embedded (H2) Atrium: the README's first command, on a fresh data folder
EMBEDDED="$WORK/embedded"; mkdir -p "$EMBEDDED"
say "embedded start: java -jar on H2 in $EMBEDDED"
EMB_START=$(date +%s%N)
( cd "$EMBEDDED" && SERVER_PORT="$PORT" exec java $JAVA_OPTS -jar "$ROOT/$JAR" >"$WORK/embedded.log" 2>&1 ) &
EMB_PID=$!
for _ in $(seq 1 480); do
  curl -sf "$BASE_URL/actuator/health" 2>/dev/null | grep -q '"UP"' && break
  kill -0 "$EMB_PID" 2>/dev/null || break
  sleep 0.25
done
EMBEDDED_S="$(awk -v ns=$(( $(date +%s%N) - EMB_START )) 'BEGIN { printf "%.1f", ns / 1e9 }')"
EMBEDDED_RSS="$(awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$EMB_PID/status" 2>/dev/null || echo "?")"
kill "$EMB_PID" 2>/dev/null || true; wait "$EMB_PID" 2>/dev/null || true; EMB_PID=""

# --- table -------------------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
W1_RATIO="$(ratio "${RESULT[w1-checkout.approved]}" "${RESULT[pgbench.rps]}")"
W1_LAUNCH_RATIO="$(ratio "${RESULT[w1-launch.approved]}" "${RESULT[pgbench-launch.rps]}")"
W2_RATIO="$(ratio "${RESULT[w2-lesson.rps]}" "${RESULT[w2-health.rps]}")"
W3_RATIO="$(ratio "${RESULT[w3-deep.p99]}" "${RESULT[w3-first.p99]}")"
W5_TOKEN_RATIO="$(ratio "${RESULT[w5-token.rps]}" "${RESULT[keycloak-token.rps]:-0}")"
W5_LOGIN_RATIO="$(ratio "${RESULT[w5-login.rate]}" "${RESULT[argon2.rate]:-0}")"
PGV="$(psql_db postgres "SHOW server_version")"
AUTOVACUUM="$(psql_db postgres "SHOW autovacuum")"
JV="$(java -version 2>&1 | head -n 1)"
echo
echo "Machine: $(nproc) cores, $(free -g | awk '/^Mem:/ { print $2 }') GiB RAM, PostgreSQL $PGV (max_connections $MAX_CONNECTIONS, autovacuum $AUTOVACUUM; the harness runs ANALYZE after each load), $JV"
echo "Atrium on PostgreSQL healthy ${STARTUP_S} s after start (fresh database, migrations and demo data); embedded (H2) ${EMBEDDED_S} s, RSS ${EMBEDDED_RSS} MiB when healthy."
echo "Durations: ${DURATION} s per workload after ${WARMUP} s warm-up, pgbench ${PGBENCH_DURATION} s."
printf '1-minute load average when each measurement began (%s cores; above that, other processes competed):' "$(nproc)"
for k in w3-first w3-deep w2-lesson w2-health w5-token w5-login w1-checkout w1-launch w4 pgbench pgbench-launch argon2 keycloak-token; do
  [ -n "${LOAD[$k]:-}" ] && printf ' %s %s;' "$k" "${LOAD[$k]}"
done
echo
echo "Database work per approved W1 purchase (pg_stat_database over the 16-buyer run): ${RESULT[w1.cost]}; a pgbench TPC-B-like transaction is 1 commit, 4 rows written (3 updates, 1 insert), 4 read."
echo "Memory right after each workload: W2 ${MEMORY[w2-lesson]:-?}; W1 16 ${MEMORY[w1-checkout]:-?}; W1 $LAUNCH_BUYERS ${MEMORY[w1-launch]:-?}; W4 ${MEMORY[w4]:-?}."
echo
echo "| Workload | Throughput | p50 | p99 | Errors | Reference | Ratio (target) |"
echo "|---|---|---|---|---|---|---|"
printf '| W1 checkout API, %d buyers | %s approved/s | %s ms | %s ms | %s | pgbench %s tps (%d clients) | %s (≥ 0.5) |\n' \
  "$CONNECTIONS" "${RESULT[w1-checkout.approved]}" "${RESULT[w1-checkout.p50]}" "${RESULT[w1-checkout.p99]}" "${RESULT[w1-checkout.errors]}" "${RESULT[pgbench.rps]}" "$CONNECTIONS" "$W1_RATIO"
printf '| W1 checkout API, %d buyers | %s approved/s | %s ms | %s ms | %s | pgbench %s tps (%d clients) | %s (≥ 0.5) |\n' \
  "$LAUNCH_BUYERS" "${RESULT[w1-launch.approved]}" "${RESULT[w1-launch.p50]}" "${RESULT[w1-launch.p99]}" "${RESULT[w1-launch.errors]}" "${RESULT[pgbench-launch.rps]}" "$LAUNCH_CLIENTS" "$W1_LAUNCH_RATIO"
printf '| W2 lesson page, %d connections | %s req/s | %s ms | %s ms | %s | /actuator/health %s req/s (p99 %s ms) | %s (≥ 0.5, p99 ≤ 50 ms) |\n' \
  "$STUDENTS" "${RESULT[w2-lesson.rps]}" "${RESULT[w2-lesson.p50]}" "${RESULT[w2-lesson.p99]}" "${RESULT[w2-lesson.errors]}" "${RESULT[w2-health.rps]}" "${RESULT[w2-health.p99]}" "$W2_RATIO"
printf '| W3 first page (%s subscriptions, %d conn.) | %s req/s | %s ms | %s ms | %s | | |\n' \
  "$TOTAL" "$API_CONNECTIONS" "${RESULT[w3-first.rps]}" "${RESULT[w3-first.p50]}" "${RESULT[w3-first.p99]}" "${RESULT[w3-first.errors]}"
printf '| W3 deep page (page %d) | %s req/s | %s ms | %s ms | %s | first-page p99 | %s (deep/first p99 ≤ 1.2) |\n' \
  "$(( DEPTH + 1 ))" "${RESULT[w3-deep.rps]}" "${RESULT[w3-deep.p50]}" "${RESULT[w3-deep.p99]}" "${RESULT[w3-deep.errors]}" "$W3_RATIO"
printf '| W4 renewals (%s due at once) | %s renewals/s | | | %s duplicates, %s not renewed | 2,000 renewals/s | %s (≥ 1) |\n' \
  "$RENEWALS" "${RESULT[w4.rps]}" "${RESULT[w4.duplicates]}" "${RESULT[w4.missing]}" "$(ratio "${RESULT[w4.rps]}" 2000)"
printf '| W5 client-credentials tokens, %d conn. | %s tokens/s | %s ms | %s ms | %s | Keycloak %s: %s tokens/s | %s (≥ 2) |\n' \
  "$CONNECTIONS" "${RESULT[w5-token.rps]}" "${RESULT[w5-token.p50]}" "${RESULT[w5-token.p99]}" "${RESULT[w5-token.errors]}" "$KEYCLOAK_VERSION" "${RESULT[keycloak-token.rps]:-skipped}" "$W5_TOKEN_RATIO"
printf '| W5 password log-ins, %d conn. | %s log-ins/s | %s ms | %s ms | %s | Argon2id (%s) %s verifies/s (%d threads; the median of rounds of log-ins/s against verifies/s: %s) | %s (≥ 0.8) |\n' \
  "$LOGIN_CONNECTIONS" "${RESULT[w5-login.rate]}" "${RESULT[w5-login.p50]}" "${RESULT[w5-login.p99]}" "${RESULT[w5-login.errors]}" "${RESULT[argon2.impl]:-?}" "${RESULT[argon2.rate]:-?}" "$(nproc)" "${RESULT[argon2.all]:-?}" "$W5_LOGIN_RATIO"
printf '| pgbench TPC-B-like (scale %s, %d clients) | %s tps | %s ms | %s ms | %s | | |\n' \
  "$PGBENCH_SCALE" "$CONNECTIONS" "${RESULT[pgbench.rps]}" "${RESULT[pgbench.p50]}" "${RESULT[pgbench.p99]}" "${RESULT[pgbench.errors]}"
printf '| pgbench TPC-B-like (scale %s, %d clients) | %s tps | %s ms | %s ms | %s | | |\n' \
  "$PGBENCH_SCALE" "$LAUNCH_CLIENTS" "${RESULT[pgbench-launch.rps]}" "${RESULT[pgbench-launch.p50]}" "${RESULT[pgbench-launch.p99]}" "${RESULT[pgbench-launch.errors]}"

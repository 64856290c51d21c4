#!/usr/bin/env bash
# Page speed (issue 12): every producer and student page must answer in under 300 ms on the demo
# data with 10,000 students added. Builds the jar, starts Atrium on a scratch PostgreSQL database
# with the demo data, adds STUDENTS students through the real tables (bench/students.sql), signs in
# the demo producer and a demo student, times each page with curl and prints p50/p99 per page
# against the target. See bench/README.md; a run is in docs/performance.md.
set -euo pipefail

PGHOST="${PGHOST:-127.0.0.1}"
PGPORT="${PGPORT:-5432}"
PGUSER="${PGUSER:-postgres}"
export PGHOST PGPORT PGUSER
DB="${DB:-atrium_pages}"
PORT="${PORT:-18081}"
BASE_URL="http://127.0.0.1:$PORT"
STUDENTS="${STUDENTS:-10000}"
REQUESTS="${REQUESTS:-40}"            # timed requests per page, one after another
WARMUP="${WARMUP:-5}"                 # untimed requests per page first (JIT, caches)
TARGET_MS="${TARGET_MS:-300}"
START_TIMEOUT="${START_TIMEOUT:-600}" # seconds to wait for a healthy Atrium
SKIP_BUILD="${SKIP_BUILD:-false}"
KEEP_DB="${KEEP_DB:-false}"
JAVA_OPTS="${JAVA_OPTS:-}"
PASSWORD="atrium-demo-password"
PRODUCER_EMAIL="producer@demo.atrium.test"
STUDENT_EMAIL="${STUDENT_EMAIL:-ana@demo.atrium.test}"

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$(mktemp -d)"
APP_PID=""

say() { echo "pages: $*" >&2; }
die() { say "$*"; exit 1; }
psql_db() { psql -X -q -v ON_ERROR_STOP=1 -d "$DB" -At -c "$1"; }

cleanup() {
  local rc=$?
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    say "stopping Atrium (pid $APP_PID)"
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
    kill -9 "$APP_PID" 2>/dev/null || true
  fi
  [ "$KEEP_DB" = "true" ] || dropdb --if-exists --force "$DB" 2>/dev/null || true
  if [ $rc -ne 0 ] && [ -f "$WORK/atrium.log" ]; then
    say "last lines of the Atrium log:"; tail -n 30 "$WORK/atrium.log" >&2
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

for tool in psql createdb dropdb curl java awk sort; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is needed"
done
psql -X -q -d postgres -At -c "SELECT 1" >/dev/null || die "PostgreSQL is not reachable at $PGHOST:$PGPORT as $PGUSER"
if curl -s -o /dev/null "$BASE_URL/actuator/health"; then die "port $PORT is taken (set PORT)"; fi

# --- build and start -----------------------------------------------------------------------------
cd "$ROOT"
if [ "$SKIP_BUILD" != "true" ] && [ -z "${JAR:-}" ]; then
  say "building the jar"
  ./mvnw -q -B -ntp -DskipTests package
fi
JAR="${JAR:-$(ls target/atrium-*.jar 2>/dev/null | grep -v -- '-plain\|sources\|javadoc' | head -n 1)}"
[ -n "$JAR" ] || die "no jar in target/"

dropdb --if-exists --force "$DB"
createdb "$DB"
say "starting Atrium on PostgreSQL database $DB, port $PORT"
# shellcheck disable=SC2086
SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
SPRING_DATASOURCE_USERNAME="$PGUSER" SPRING_DATASOURCE_PASSWORD="" \
SERVER_PORT="$PORT" ATRIUM_BASE_URL="$BASE_URL" ATRIUM_DEMO=true \
  java $JAVA_OPTS -jar "$JAR" >"$WORK/atrium.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 $((START_TIMEOUT * 2))); do
  kill -0 "$APP_PID" 2>/dev/null || die "Atrium exited during start"
  if curl -sf "$BASE_URL/actuator/health" 2>/dev/null | grep -q '"UP"'; then break; fi
  sleep 0.5
done
curl -sf "$BASE_URL/actuator/health" | grep -q '"UP"' || die "Atrium did not become healthy"

# --- 10,000 students -----------------------------------------------------------------------------
# the demo data loads once the application is ready, which can be after the health check answers UP
for _ in $(seq 1 $((START_TIMEOUT * 2))); do
  grep -q 'demo logins' "$WORK/atrium.log" && break
  sleep 0.5
done
grep -q 'demo logins' "$WORK/atrium.log" || die "the demo data was not loaded"
PRODUCER="$(psql_db "SELECT id FROM accounts WHERE email = '$PRODUCER_EMAIL'")"
[ -n "$PRODUCER" ] || die "no demo producer: is the demo data on?"
say "adding $STUDENTS students (accounts, purchases, enrolments) to producer $PRODUCER"
SEED_START=$(date +%s%N)
psql -X -q -d "$DB" -v producer="$PRODUCER" -v students="$STUDENTS" -f bench/students.sql >/dev/null
say "added in $(awk -v ns=$(( $(date +%s%N) - SEED_START )) 'BEGIN { printf "%.1f", ns / 1e9 }') s"

# the ids the pages need
PRODUCT="$(psql_db "SELECT product_id FROM club_enrollments WHERE producer_account_id = $PRODUCER
  GROUP BY product_id ORDER BY count(*) DESC LIMIT 1")"
SUBDOMAIN="$(psql_db "SELECT subdomain FROM club_areas WHERE producer_account_id = $PRODUCER")"
STUDENT_ID="$(psql_db "SELECT id FROM accounts WHERE email = '$STUDENT_EMAIL'")"
COURSE="$(psql_db "SELECT product_id FROM club_enrollments WHERE account_id = $STUDENT_ID
  AND producer_account_id = $PRODUCER ORDER BY id LIMIT 1")"
LESSON="$(psql_db "SELECT p.id FROM club_pages p JOIN club_modules m ON m.id = p.module_id
  WHERE p.product_id = $COURSE ORDER BY m.is_extra, m.position, p.position, p.id LIMIT 1")"
ENROLMENT="$(psql_db "SELECT id FROM club_enrollments WHERE product_id = $PRODUCT ORDER BY id DESC LIMIT 1")"
SUBSCRIPTION="$(psql_db "SELECT subscriber_code FROM subscriptions WHERE producer_account_id = $PRODUCER
  ORDER BY id LIMIT 1")"
[ -n "$PRODUCT" ] && [ -n "$SUBDOMAIN" ] && [ -n "$COURSE" ] && [ -n "$LESSON" ] \
  || die "demo ids not found (product '$PRODUCT', area '$SUBDOMAIN', course '$COURSE', lesson '$LESSON')"
say "product $PRODUCT ($(psql_db "SELECT count(*) FROM club_enrollments WHERE product_id = $PRODUCT") students), \
area $SUBDOMAIN, student course $COURSE, lesson $LESSON"

# --- sessions ------------------------------------------------------------------------------------
# log_in EMAIL JAR: a form log-in (the CSRF token from the log-in page), the session cookie kept in JAR
log_in() {
  local email="$1" jar="$2" token
  token="$(curl -sS -c "$jar" -b "$jar" "$BASE_URL/login" | sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' | head -n 1)"
  [ -n "$token" ] || die "no CSRF token on the log-in page"
  curl -sS -o /dev/null -c "$jar" -b "$jar" --data-urlencode "email=$email" --data-urlencode "password=$PASSWORD" \
    --data-urlencode "_csrf=$token" "$BASE_URL/login"
  local status
  status="$(curl -sS -o /dev/null -w '%{http_code}' -b "$jar" "$BASE_URL/profile")"
  [ "$status" = "200" ] || die "log-in of $email failed (/profile answered $status)"
}
log_in "$PRODUCER_EMAIL" "$WORK/producer.jar"
log_in "$STUDENT_EMAIL" "$WORK/student.jar"

# --- timing --------------------------------------------------------------------------------------
ROWS=()
MISSES=0
# time_page WHO NAME PATH: WARMUP untimed then REQUESTS timed requests; every answer must be 200
time_page() {
  local who="$1" name="$2" path="$3" jar="$WORK/$1.jar" i status t
  : >"$WORK/times"
  for i in $(seq 1 $((WARMUP + REQUESTS))); do
    read -r status t < <(curl -sS -o /dev/null -b "$jar" -w '%{http_code} %{time_total}\n' "$BASE_URL$path")
    [ "$status" = "200" ] || die "$name ($path) answered $status"
    [ "$i" -gt "$WARMUP" ] && echo "$t" >>"$WORK/times"
  done
  local p50 p99 verdict
  p50="$(sort -g "$WORK/times" | awk '{ a[NR] = $1 } END { i = int(NR * 0.50 + 0.5); if (i < 1) i = 1; printf "%.0f", a[i] * 1000 }')"
  p99="$(sort -g "$WORK/times" | awk '{ a[NR] = $1 } END { i = int(NR * 0.99 + 0.999); if (i > NR) i = NR; printf "%.0f", a[i] * 1000 }')"
  if [ "$p99" -lt "$TARGET_MS" ]; then verdict="met"; else verdict="**missed**"; MISSES=$((MISSES + 1)); fi
  say "$(printf '%-34s p50 %5s ms  p99 %5s ms  %s' "$name" "$p50" "$p99" "$verdict")"
  ROWS+=("| $name | \`$path\` | $p50 ms | $p99 ms | $verdict |")
}

LOAD_START="$(cut -d' ' -f1 /proc/loadavg)"
P="/business/products/$PRODUCT"
time_page producer "Dashboard (7 days)" "/business"
time_page producer "Dashboard (today)" "/business?period=today"
time_page producer "Dashboard (30 days)" "/business?period=30"
time_page producer "Products" "/business/products"
time_page producer "Product" "$P"
time_page producer "Sales (30 days)" "/business/sales"
time_page producer "Sales, paid, 30 days" "/business/sales?status=PAID"
time_page producer "Sales, one buyer" "/business/sales?buyer=student-9999"
time_page producer "Refund requests" "/business/refunds"
time_page producer "Subscriptions" "/business/subscriptions"
[ -n "$SUBSCRIPTION" ] && time_page producer "Subscription" "/business/subscriptions/$SUBSCRIPTION"
time_page producer "Subscription metrics" "/business/subscriptions/metrics"
time_page producer "Members area settings" "/business/club"
time_page producer "Members-area content" "$P/club"
time_page producer "Students (first page)" "$P/club/students"
time_page producer "Students, search" "$P/club/students?q=student-9999"
time_page producer "Students, active" "$P/club/students?status=ACTIVE&page=50"
time_page producer "Groups" "$P/club/groups"
time_page producer "Rules" "$P/club/rules"
time_page producer "Why page" "$P/club/why"
time_page producer "Why page, one student" "$P/club/why?student=$ENROLMENT&page=$LESSON"
time_page student "Student: my purchases" "/purchases"
time_page student "Student: members areas" "/club"
time_page student "Student: area home" "/club/$SUBDOMAIN"
time_page student "Student: course" "/club/$SUBDOMAIN/products/$COURSE"
# the first lesson the course page links to (the player's addresses carry the page's public id)
LESSON_PATH="$(curl -sS -b "$WORK/student.jar" "$BASE_URL/club/$SUBDOMAIN/products/$COURSE" \
  | grep -o "/club/$SUBDOMAIN/pages/[0-9A-Za-z_-]*" | head -n 1)"
[ -n "$LESSON_PATH" ] || die "the course page links to no lesson"
time_page student "Student: lesson" "$LESSON_PATH"
LOAD_END="$(cut -d' ' -f1 /proc/loadavg)"

echo
echo "$STUDENTS students added to the demo data; $REQUESTS timed requests per page after $WARMUP untimed,"
echo "one at a time with curl; target: p99 under $TARGET_MS ms. Load average $LOAD_START at the start,"
echo "$LOAD_END at the end ($(nproc) cores)."
echo
echo "| Page | Path | p50 | p99 | Under $TARGET_MS ms |"
echo "|---|---|---|---|---|"
printf '%s\n' "${ROWS[@]}"
[ "$MISSES" -eq 0 ] || say "$MISSES page(s) missed the target"

#!/usr/bin/env bash
# Load harness for a RUNNING Atrium: token issuance and one authenticated API call, with wrk.
# See bench/README.md. Starts nothing itself.
set -euo pipefail

BASE_URL="${BASE_URL:-http://localhost:8080}"
CLIENT_ID="${CLIENT_ID:?set CLIENT_ID (and CLIENT_SECRET) to an API credential of the running Atrium}"
CLIENT_SECRET="${CLIENT_SECRET:?set CLIENT_SECRET}"
DURATION="${DURATION:-30s}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-4}"

if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ]; then
    echo "bench: installing wrk"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
  else
    echo "bench: wrk is not installed (sudo apt-get install wrk)" >&2
    exit 1
  fi
fi
command -v curl >/dev/null 2>&1 || { echo "bench: curl is needed" >&2; exit 1; }

BASIC="$(printf '%s:%s' "$CLIENT_ID" "$CLIENT_SECRET" | base64 | tr -d '\n')"
TOKEN_URL="$BASE_URL/security/oauth/token?grant_type=client_credentials"

response="$(curl -sS -X POST -H "Authorization: Basic $BASIC" "$TOKEN_URL")"
TOKEN="$(printf '%s' "$response" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')"
if [ -z "$TOKEN" ]; then
  echo "bench: could not get a token from $TOKEN_URL: $response" >&2
  exit 1
fi

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
# wrk sends GET unless a script says otherwise. Each wrk thread counts its non-2xx answers in a global,
# which done() reads back through thread:get.
cat > "$WORK/count.lua" <<'LUA'
failures = 0
local threads = {}
function setup(thread) table.insert(threads, thread) end
function response(status, headers, body)
  if status < 200 or status > 299 then failures = failures + 1 end
end
function done(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do total = total + (t:get("failures") or 0) end
  io.write(string.format("non-2xx: %d\n", total))
end
LUA
{ echo 'wrk.method = "POST"'; cat "$WORK/count.lua"; } > "$WORK/token.lua"
cp "$WORK/count.lua" "$WORK/api.lua"

run() {
  local name="$1" script="$2" url="$3" header="$4"
  echo "== $name: $url ($THREADS threads, $CONNECTIONS connections, $DURATION)"
  local out
  out="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$script" -H "$header" "$url")"
  echo "$out" | grep -E 'Requests/sec|Latency|50%|99%|requests in|non-2xx|Socket errors'
  local failed
  failed="$(echo "$out" | sed -n 's/^non-2xx: //p')"
  if [ "${failed:-0}" != "0" ]; then
    echo "bench: $name had $failed non-2xx responses (rate limit left at its default?)" >&2
    return 1
  fi
}

status=0
run "token issuance" "$WORK/token.lua" "$TOKEN_URL" "Authorization: Basic $BASIC" || status=1
run "GET /api/v1/credentials" "$WORK/api.lua" "$BASE_URL/api/v1/credentials" "Authorization: Bearer $TOKEN" || status=1
exit $status

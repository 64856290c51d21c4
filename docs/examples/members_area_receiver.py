#!/usr/bin/env python3
"""An external members area that learns of sales from Atrium's webhooks.

A single file, Python 3.9+ standard library only. It listens for Atrium's webhooks, checks
each one (the Standard Webhooks signature and the X-HOTMART-HOTTOK header), and grants or
revokes access in a SQLite database, once per event id however often an event arrives.
Read docs/external-members-area.md first.

    ATRIUM_WEBHOOK_SECRETS=whsec_... ATRIUM_HOTTOK=... python3 members_area_receiver.py

Settings (environment variables):
    ATRIUM_WEBHOOK_SECRETS  the endpoint's signing secret(s), "whsec_...", comma-separated
                            (during a rotation, the new and the old one)
    ATRIUM_HOTTOK           your hottok, shown on Atrium's webhook page
    HOST, PORT              where to listen (default 127.0.0.1:8000)
    MEMBERS_DB              the SQLite file (default members.db)
    GRACE_DAYS              how long access lasts after a refused renewal (PURCHASE_DELAYED) while
                            Atrium retries the card (default 10, Atrium's default retry window; 0: none)

Endpoints:
    POST /webhooks/atrium                          the URL to register in Atrium (behind HTTPS)
    GET  /access?email=...&product_id=...          what your site asks before showing content
    GET  /health                                   "ok"
"""

import base64
import hashlib
import hmac
import json
import os
import sqlite3
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

TOLERANCE_SECONDS = 5 * 60  # refuse signatures older or newer than this (replays)
MAX_BODY = 1024 * 1024
TEST_TRANSACTION = "HP00000000000000"  # Atrium's "send test event" uses it, with product 0

SECRETS = [s.strip() for s in os.environ.get("ATRIUM_WEBHOOK_SECRETS", "").split(",") if s.strip()]
HOTTOK = os.environ.get("ATRIUM_HOTTOK", "")
DB = os.environ.get("MEMBERS_DB", "members.db")
GRACE_MS = int(float(os.environ.get("GRACE_DAYS", "10")) * 24 * 3600 * 1000)

SCHEMA = """
CREATE TABLE IF NOT EXISTS processed_events (
  id TEXT PRIMARY KEY,            -- the event id: body "id" = webhook-id header
  event TEXT NOT NULL,
  received_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS grants (
  grant_key TEXT PRIMARY KEY,     -- 'sub:<subscriber code>' for a plan, 'tx:<transaction>' otherwise
  email TEXT NOT NULL,
  product_id INTEGER NOT NULL,
  transaction_code TEXT,          -- the purchase that last changed it (quoted by the buyer)
  subscriber_code TEXT,
  state TEXT NOT NULL,            -- 'active', 'delayed' (a renewal unpaid, retries running) or 'revoked'
  access_until INTEGER,           -- epoch ms; NULL: no end while active
  changed_at INTEGER NOT NULL     -- creation_date of the last event applied (older ones are ignored)
);
CREATE INDEX IF NOT EXISTS grants_member ON grants (email, product_id);
"""


def verify_signature(headers, body: bytes) -> bool:
    """Standard Webhooks: HMAC-SHA256 of "id.timestamp.body" under any of our secrets."""
    msg_id = headers.get("webhook-id")
    timestamp = headers.get("webhook-timestamp")
    signatures = headers.get("webhook-signature")
    if not (msg_id and timestamp and signatures):
        return False
    try:
        if abs(time.time() - int(timestamp)) > TOLERANCE_SECONDS:
            return False
    except ValueError:
        return False
    signed = f"{msg_id}.{timestamp}.".encode() + body
    for secret in SECRETS:
        key = base64.b64decode(secret.removeprefix("whsec_"))
        expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
        for candidate in signatures.split(" "):
            version, _, value = candidate.partition(",")
            if version == "v1" and hmac.compare_digest(value, expected):
                return True
    return False


def verify_hottok(headers) -> bool:
    return bool(HOTTOK) and hmac.compare_digest(headers.get("x-hotmart-hottok", ""), HOTTOK)


def connect():
    db = sqlite3.connect(DB, timeout=30, isolation_level=None)
    db.row_factory = sqlite3.Row
    return db


def set_grant(db, key, changed_at, state, access_until, email=None, product_id=None, transaction=None,
              subscriber=None):
    """Writes a grant unless a newer event already changed it (webhooks can arrive out of order:
    a retry of an older event may come after a newer one)."""
    row = db.execute("SELECT changed_at FROM grants WHERE grant_key = ?", (key,)).fetchone()
    if row is not None and row["changed_at"] > changed_at:
        return "older than the last change: ignored"
    if row is None:
        if email is None:
            return "nothing granted to change"
        db.execute("INSERT INTO grants VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                   (key, email, product_id, transaction, subscriber, state, access_until, changed_at))
    else:
        db.execute("UPDATE grants SET state = ?, access_until = ?, changed_at = ?,"
                   " transaction_code = COALESCE(?, transaction_code) WHERE grant_key = ?",
                   (state, access_until, changed_at, transaction, key))
    return f"{key} {state}" + (f" until {access_until}" if state != "revoked" and access_until else "")


def apply(db, envelope) -> str:
    """What each event means for access. Returns what was done, for the log."""
    event, data, at = envelope["event"], envelope.get("data") or {}, int(envelope["creation_date"])
    product_id = (data.get("product") or {}).get("id")
    if product_id == 0:
        return "test event: nothing to do"

    if event.startswith("PURCHASE_"):
        purchase = data.get("purchase") or {}
        transaction = purchase.get("transaction")
        if transaction == TEST_TRANSACTION:
            return "test event: nothing to do"
        email = (data.get("buyer") or {}).get("email")
        subscriber = ((data.get("subscription") or {}).get("subscriber") or {}).get("code")
        # one grant per subscription (its renewals are new transactions), else per purchase
        key = f"sub:{subscriber}" if subscriber else f"tx:{transaction}"
        who = dict(email=email, product_id=product_id, transaction=transaction, subscriber=subscriber)
        if event in ("PURCHASE_APPROVED", "PURCHASE_COMPLETE"):
            return set_grant(db, key, at, "active", None, **who)
        if event in ("PURCHASE_REFUNDED", "PURCHASE_CHARGEBACK", "PURCHASE_CANCELED"):
            # money given back, or (for a plan) an unpaid charge dropped as the subscription ended;
            # recorded even with no grant yet, so a late PURCHASE_APPROVED cannot grant it again
            return set_grant(db, key, at, "revoked", at, **who)
        if event == "PURCHASE_DELAYED":
            # a renewal was refused and Atrium retries the card: keep access for the grace period, as
            # Atrium's own members area does by default; the PURCHASE_APPROVED of a paid retry lifts it
            return set_grant(db, key, at, "delayed", at + GRACE_MS, **who)
        return "nothing to do for " + event  # billet printed, PIX expired, protest, abandoned cart

    if event == "SUBSCRIPTION_CANCELLATION":
        subscriber = data.get("subscriber") or {}
        key = f"sub:{subscriber.get('code')}"
        row = db.execute("SELECT state FROM grants WHERE grant_key = ?", (key,)).fetchone()
        if row is not None and row["state"] != "active":
            return set_grant(db, key, at, "revoked", at)  # a charge unpaid (or refunded): ends at once
        # nothing more is charged; access lasts to the end of the paid period
        return set_grant(db, key, at, "active", data.get("date_next_charge") or at, subscriber.get("email"),
                         product_id, None, subscriber.get("code"))

    return "nothing to do for " + event


def has_access(db, email, product_id, now_ms=None) -> bool:
    now_ms = now_ms if now_ms is not None else int(time.time() * 1000)
    rows = db.execute("SELECT state, access_until FROM grants WHERE lower(email) = lower(?) AND product_id = ?",
                      (email, product_id)).fetchall()
    return any(r["state"] in ("active", "delayed") and (r["access_until"] is None or now_ms < r["access_until"])
               for r in rows)


class Handler(BaseHTTPRequestHandler):
    server_version = "MembersArea/1.0"

    def do_POST(self):
        if urlsplit(self.path).path != "/webhooks/atrium":
            return self.answer(404, "not found")
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            return self.answer(413, "too large")
        body = self.rfile.read(length)  # the raw bytes: the signature covers exactly these
        headers = {k.lower(): v for k, v in self.headers.items()}
        if not verify_signature(headers, body) or not verify_hottok(headers):
            return self.answer(401, "signature or hottok does not match")
        try:
            envelope = json.loads(body)
            event_id = envelope["id"]
        except (ValueError, KeyError, TypeError):
            return self.answer(400, "not a webhook")
        db = connect()
        try:
            db.execute("BEGIN IMMEDIATE")  # one writer at a time; the event id and its effect commit together
            try:
                db.execute("INSERT INTO processed_events VALUES (?, ?, ?)",
                           (event_id, envelope.get("event", ""), int(time.time() * 1000)))
            except sqlite3.IntegrityError:
                db.execute("ROLLBACK")
                self.log_message("%s %s: already processed", envelope.get("event"), event_id)
                return self.answer(200, "already processed")
            done = apply(db, envelope)
            db.execute("COMMIT")
        except Exception as failure:  # nothing recorded: Atrium retries later, with the same id
            if db.in_transaction:
                db.execute("ROLLBACK")
            self.log_message("%s %s failed: %r", envelope.get("event"), event_id, failure)
            return self.answer(500, "not processed")
        finally:
            db.close()
        self.log_message("%s %s: %s", envelope.get("event"), event_id, done)
        return self.answer(200, "ok")

    def do_GET(self):
        url = urlsplit(self.path)
        if url.path == "/health":
            return self.answer(200, "ok")
        if url.path != "/access":
            return self.answer(404, "not found")
        query = parse_qs(url.query)
        email = (query.get("email") or [""])[0]
        try:
            product_id = int((query.get("product_id") or [""])[0])
        except ValueError:
            return self.answer(400, "product_id must be a number")
        db = connect()
        try:
            grants = [dict(r) for r in db.execute(
                "SELECT grant_key, transaction_code, subscriber_code, state, access_until FROM grants"
                " WHERE lower(email) = lower(?) AND product_id = ?", (email, product_id))]
            access = has_access(db, email, product_id)
        finally:
            db.close()
        body = {"email": email, "product_id": product_id, "access": access, "grants": grants}
        return self.answer(200, json.dumps(body), "application/json")

    def answer(self, status, text, content_type="text/plain; charset=utf-8"):
        data = text.encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def main():
    if not SECRETS or not HOTTOK:
        sys.exit("Set ATRIUM_WEBHOOK_SECRETS and ATRIUM_HOTTOK (see the top of this file).")
    db = connect()
    db.executescript(SCHEMA)
    db.close()
    host, port = os.environ.get("HOST", "127.0.0.1"), int(os.environ.get("PORT", "8000"))
    server = ThreadingHTTPServer((host, port), Handler)
    print(f"Members area listening on http://{host}:{port}/webhooks/atrium (database {DB})", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()

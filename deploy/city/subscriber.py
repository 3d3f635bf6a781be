#!/usr/bin/python3
"""A city system following LearningWeek's events, written against RabbitMQ and HTTP alone.

It signs in to the broker with the city system's own account (deploy/local/city-account.sh),
declares its durable queue, binds it to every exchange of the contract (docs/asyncapi.json),
catches up from the services' feeds for what happened while it was away (or before its queue
existed), then consumes. Each event is a CloudEvent; it is handled once, however often it arrives
(from the bus and the feed, or redelivered), by its source and id. New events are written as JSON
lines to --out; the state (events seen, feed cursors) is kept in an SQLite file.

Needs Python 3 with pika (Debian: apt-get install python3-pika).

  deploy/city/subscriber.py --amqp amqp://so-gddt:PASSWORD@127.0.0.1:5672/%2F --queue so-gddt.events \\
      --gateway http://127.0.0.1:8080 --client-id city --client-secret local-city --out events.jsonl
"""
import argparse
import base64
import json
import os
import sqlite3
import sys
import time
import urllib.parse
import urllib.request

import pika

FEEDS = ("planning", "reporting", "library-fund")
HERE = os.path.dirname(os.path.abspath(__file__))


def arguments():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--amqp", default=os.environ.get("CITY_AMQP_URL"), help="the city account's AMQP URL")
    parser.add_argument("--queue", required=True, help="the city system's queue, named with its prefix (so-gddt.events)")
    parser.add_argument("--gateway", default=os.environ.get("CITY_GATEWAY_URL", "http://127.0.0.1:8080"))
    parser.add_argument("--client-id", default=os.environ.get("CITY_CLIENT_ID", "city"))
    parser.add_argument("--client-secret", default=os.environ.get("CITY_CLIENT_SECRET"))
    parser.add_argument("--contract", default=os.path.join(HERE, "..", "..", "docs", "asyncapi.json"))
    parser.add_argument("--state", default="city-subscriber.sqlite")
    parser.add_argument("--out", default="-", help="where new events go, one JSON line each ('-': standard output)")
    parser.add_argument("--ready-file", help="a file written once caught up and consuming (for scripts and tests)")
    parser.add_argument("--idle-exit", type=float, default=0,
                        help="stop after this many seconds without a message (0: run until interrupted)")
    options = parser.parse_args()
    if not options.amqp or not options.client_secret:
        parser.error("--amqp and --client-secret (or CITY_AMQP_URL and CITY_CLIENT_SECRET) are required")
    return options


class Subscriber:
    def __init__(self, options):
        self.options = options
        self.db = sqlite3.connect(options.state)
        self.db.execute("CREATE TABLE IF NOT EXISTS seen (source TEXT, id TEXT, PRIMARY KEY (source, id))")
        self.db.execute("CREATE TABLE IF NOT EXISTS cursor (feed TEXT PRIMARY KEY, after INTEGER NOT NULL)")
        self.db.commit()
        self.out = sys.stdout if options.out == "-" else open(options.out, "a", encoding="utf-8")
        self.new = 0
        self.duplicates = 0

    def handle(self, event, via):
        """Handles a CloudEvent once: True when it was new."""
        try:
            self.db.execute("INSERT INTO seen (source, id) VALUES (?, ?)", (event["source"], event["id"]))
        except sqlite3.IntegrityError:
            self.duplicates += 1
            return False
        line = {key: event.get(key) for key in ("id", "source", "type", "subject", "time", "wardcode", "sequence")}
        line["via"] = via
        self.out.write(json.dumps(line, ensure_ascii=False) + "\n")
        self.out.flush()
        self.db.commit()
        self.new += 1
        return True

    def token(self):
        body = urllib.parse.urlencode({"grant_type": "client_credentials"}).encode()
        credentials = base64.b64encode(f"{self.options.client_id}:{self.options.client_secret}".encode()).decode()
        request = urllib.request.Request(f"{self.options.gateway}/connect/token", data=body,
                                         headers={"Authorization": f"Basic {credentials}",
                                                  "Content-Type": "application/x-www-form-urlencoded"})
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.load(response)["access_token"]

    def catch_up(self):
        """Reads each feed from where this subscriber left it; the events it already has are skipped."""
        token = self.token()
        for feed in FEEDS:
            row = self.db.execute("SELECT after FROM cursor WHERE feed = ?", (feed,)).fetchone()
            after = row[0] if row else 0
            while True:
                request = urllib.request.Request(f"{self.options.gateway}/api/{feed}/events?after={after}&limit=1000",
                                                 headers={"Authorization": f"Bearer {token}"})
                with urllib.request.urlopen(request, timeout=30) as response:
                    page = json.load(response)
                for event in page["items"]:
                    self.handle(event, "feed")
                after = page["next"]
                self.db.execute("INSERT INTO cursor (feed, after) VALUES (?, ?) "
                                "ON CONFLICT (feed) DO UPDATE SET after = excluded.after", (feed, after))
                self.db.commit()
                if not page["more"]:
                    break

    def run(self):
        with open(self.options.contract, encoding="utf-8") as contract:
            exchanges = sorted(channel["address"] for channel in json.load(contract)["channels"].values())
        connection = pika.BlockingConnection(pika.URLParameters(self.options.amqp))
        channel = connection.channel()
        # Bind first, then catch up: nothing published meanwhile falls between the two.
        channel.queue_declare(queue=self.options.queue, durable=True)
        for exchange in exchanges:
            channel.queue_bind(queue=self.options.queue, exchange=exchange)
        self.catch_up()
        channel.basic_qos(prefetch_count=100)
        if self.options.ready_file:
            with open(self.options.ready_file, "w", encoding="utf-8") as ready:
                ready.write("consuming\n")
        idle_since = time.monotonic()
        for method, properties, body in channel.consume(self.options.queue, inactivity_timeout=0.5):
            if method is None:
                if self.options.idle_exit and time.monotonic() - idle_since >= self.options.idle_exit:
                    break
                continue
            try:
                event = json.loads(body)
                if not isinstance(event, dict) or "id" not in event or "source" not in event:
                    raise ValueError("not a CloudEvent")
            except ValueError as error:
                print(f"dropped a message that is not a CloudEvent: {error}", file=sys.stderr)
                channel.basic_nack(method.delivery_tag, requeue=False)
                continue
            self.handle(event, "bus")
            channel.basic_ack(method.delivery_tag)  # after the event is stored: at least once
            idle_since = time.monotonic()
        channel.cancel()
        connection.close()
        print(f"{self.new} new events, {self.duplicates} duplicates skipped", file=sys.stderr)


if __name__ == "__main__":
    try:
        Subscriber(arguments()).run()
    except KeyboardInterrupt:
        pass

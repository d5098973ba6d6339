#!/usr/bin/env python3
"""Reads Bellwether's alerts as JSON from bellwether.alerts.json, without Avro.

Needs confluent-kafka (Debian: apt install python3-confluent-kafka; elsewhere: pip install
confluent-kafka). Prints one line per alert: the key (story id), a tab, the alert's JSON.

  python3 read_alerts.py --bootstrap-servers 127.0.0.1:9092 --from-beginning
  python3 read_alerts.py --bootstrap-servers broker:9093 --config client.properties

--config reads Kafka client settings (security.protocol, sasl.*, ssl.*) in librdkafka's names, one
key=value per line, as in a Java properties file. --idle-seconds stops after that long without a
new alert once caught up (for scripts and tests); without it, the script runs until Ctrl-C.
"""
import argparse
import json
import sys
import time
import uuid

from confluent_kafka import Consumer, KafkaError, KafkaException

TOPIC = "bellwether.alerts.json"


def read_config(path):
    settings = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#") or line.startswith("!"):
                continue
            key, _, value = line.partition("=")
            settings[key.strip()] = value.strip()
    return settings


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bootstrap-servers", default="127.0.0.1:9092")
    parser.add_argument("--config", help="Kafka client settings, key=value per line")
    parser.add_argument("--group", help="consumer group (default: a new one each run)")
    parser.add_argument("--from-beginning", action="store_true",
                        help="start at the oldest alert kept, not at new ones")
    parser.add_argument("--idle-seconds", type=float,
                        help="stop after this long without a new alert")
    args = parser.parse_args()

    settings = {
        "bootstrap.servers": args.bootstrap_servers,
        "group.id": args.group or "read-alerts-" + uuid.uuid4().hex[:8],
        "auto.offset.reset": "earliest" if args.from_beginning else "latest",
        "enable.auto.commit": args.group is not None,
        "isolation.level": "read_committed",  # only alerts of committed transactions
    }
    if args.config:
        settings.update(read_config(args.config))
    consumer = Consumer(settings)
    consumer.subscribe([TOPIC])
    last = time.monotonic()
    try:
        while True:
            msg = consumer.poll(0.5)
            if msg is None:
                if args.idle_seconds is not None and time.monotonic() - last > args.idle_seconds:
                    return 0
                continue
            if msg.error():
                if msg.error().code() == KafkaError._PARTITION_EOF:
                    continue
                raise KafkaException(msg.error())
            last = time.monotonic()
            key = msg.key().decode("utf-8") if msg.key() is not None else ""
            alert = json.loads(msg.value().decode("utf-8"))
            print(key + "\t" + json.dumps(alert, ensure_ascii=False), flush=True)
    except KeyboardInterrupt:
        return 0
    finally:
        consumer.close()


if __name__ == "__main__":
    sys.exit(main())

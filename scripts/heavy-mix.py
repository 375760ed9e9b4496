#!/usr/bin/env python3
"""The heavy mix against a real `molscreen serve`: hundreds of job event streams, dozens of SDF exports and a
large upload at once, while /health is asked 20 times a second. Prints /health latency percentiles, the
statuses every request got (a 5xx fails the run) and the server's peak resident memory (VmHWM).

    scripts/heavy-mix.py [--streams 300] [--exports 36] [--upload-records 300000] [--seconds 30] [--heap 1g]
                         [--client-nice 0]

Starts `./molscreen serve --in-memory` on free ports in a temporary directory (building the jar if needed),
with --max-event-streams-per-user and --max-downloads-per-user raised to the stream and export counts (the mix
runs as the one local user), and
stops it at the end. Standard library only.
"""
import argparse
import gzip
import http.client
import json
import multiprocessing
import os
import shutil
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Api:
    def __init__(self, port):
        self.port = port

    def request(self, method, path, body=None, headers=None, timeout=120):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            conn.request(method, "/api/v1" + path, body=body, headers=headers or {})
            reply = conn.getresponse()
            return reply.status, reply.read()
        finally:
            conn.close()


def peak_rss_kib(pid):
    """VmHWM of the process (peak resident set), in KiB."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def java_pid(launcher):
    """The java process the launcher exec'd (same pid) or started."""
    return launcher.pid


def smiles_library(path, records):
    """A gzipped SMILES library of `records` lines built from the example library's molecules."""
    with open(os.path.join(REPO, "examples", "library.smi")) as f:
        molecules = [l.split()[0] for l in f if l.strip() and not l.startswith("#") and " bad_" not in l]
    with gzip.open(path, "wt") as out:
        for i in range(records):
            out.write(f"{molecules[i % len(molecules)]} m{i}\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--streams", type=int, default=300)
    parser.add_argument("--exports", type=int, default=36)
    parser.add_argument("--upload-records", type=int, default=300_000)
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--heap", default="1g")
    parser.add_argument("--client-nice", type=int, default=0,
                        help="run the load threads (not serve, not the /health prober) at this nice value, so that on a"
                             " small machine the client's own CPU use does not count as the server's latency")
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="molscreen-heavy-")
    port, discovery = free_port(), free_port()
    env = dict(os.environ, MOLSCREEN_JAVA_OPTS=f"-Xmx{args.heap}")
    log = open(os.path.join(work, "serve.log"), "w")
    serve = subprocess.Popen([os.path.join(REPO, "molscreen"), "serve", "--in-memory", "--port", str(port),
                              "--discovery-port", str(discovery),
                              "--max-event-streams-per-user", str(args.streams + 10),
                              "--max-uploads-per-user", "4",
                              "--max-downloads-per-user", str(args.exports)], cwd=work, env=env, stdout=log, stderr=subprocess.STDOUT)
    api = Api(port)
    statuses = Counter()
    stop = threading.Event()
    try:
        deadline = time.time() + 600
        while True:
            try:
                if api.request("GET", "/health", timeout=5)[0] == 200:
                    break
            except OSError:
                pass
            if serve.poll() is not None or time.time() > deadline:
                sys.exit("heavy-mix: serve did not start; see " + log.name)
            time.sleep(0.5)

        # a library to screen and a finished job to export
        lib = os.path.join(work, "screen.smi.gz")
        smiles_library(lib, 20_000)
        with open(lib, "rb") as f:
            status, body = api.request("POST", "/libraries?name=screen&format=smi", f.read(),
                                       {"Content-Type": "application/octet-stream"})
        assert status == 202, body
        while json.loads(api.request("GET", "/libraries/local.screen")[1])["state"] == "ingesting":
            time.sleep(0.5)
        request = json.dumps({"library": "local.screen", "models": ["bace1", "tox21", "herg", "egfr"], "top": 2000})
        status, body = api.request("POST", "/jobs", request, {"Content-Type": "application/json"})
        done_job = json.loads(body)["id"]
        while json.loads(api.request("GET", "/jobs/" + done_job)[1])["state"] in ("queued", "running"):
            time.sleep(0.5)

        def record(status):
            statuses[status] += 1

        def stream_client():
            # follows a job's events; a fresh long job is submitted now and then so streams stay open
            while not stop.is_set():
                try:
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                    conn.request("GET", f"/api/v1/jobs/{current_job[0]}/events", headers={"Accept": "text/event-stream"})
                    reply = conn.getresponse()
                    record(reply.status)
                    while not stop.is_set() and reply.readline():
                        pass
                    conn.close()
                except OSError:
                    record("io-error")
                time.sleep(random.random())

        def export_client():
            while not stop.is_set():
                try:
                    record(api.request("GET", f"/jobs/{done_job}/hits?format=sdf")[0])
                except (OSError, http.client.HTTPException):
                    # downloads are streamed: one cut off when the server stops at the end is not a failure
                    if not stop.is_set():
                        record("io-error")

        current_job = [done_job]

        def job_feeder():
            while not stop.is_set():
                status, body = api.request("POST", "/jobs", request, {"Content-Type": "application/json"})
                record(status)
                if status == 202:
                    current_job[0] = json.loads(body)["id"]
                    while not stop.is_set() and json.loads(api.request("GET", "/jobs/" + current_job[0])[1])["state"] in ("queued", "running"):
                        time.sleep(0.5)
                else:
                    time.sleep(1)

        big = os.path.join(work, "big.smi.gz")
        smiles_library(big, args.upload_records)

        def uploader():
            with open(big, "rb") as f:
                record(api.request("POST", "/libraries?name=big&format=smi", f.read(),
                                   {"Content-Type": "application/octet-stream"}, timeout=600)[0])

        # /health is timed from a process of its own: the client threads' GIL must not count as server latency
        results = multiprocessing.Queue()
        probe = multiprocessing.Process(target=prober, args=(port, args.seconds, results), daemon=True)

        threads = [threading.Thread(target=job_feeder, daemon=True), threading.Thread(target=uploader, daemon=True)]
        threads += [threading.Thread(target=stream_client, daemon=True) for _ in range(args.streams)]
        threads += [threading.Thread(target=export_client, daemon=True) for _ in range(args.exports)]
        probe.start()
        if args.client_nice:
            os.nice(args.client_nice)  # this thread only; the load threads started below inherit it
        for t in threads:
            t.start()
        latencies, health_statuses = results.get(timeout=args.seconds + 120)
        statuses.update(health_statuses)
        stop.set()
        time.sleep(2)

        latencies.sort()

        def pct(p):
            return latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))] * 1000

        rss = peak_rss_kib(java_pid(serve))
        print(f"heavy-mix: {args.streams} event streams, {args.exports} SDF export loops, one {args.upload_records}-record"
              f" gzip upload, {args.seconds} s, -Xmx{args.heap}, load threads at nice {args.client_nice}")
        print(f"/health: {len(latencies)} answers, p50 {pct(50):.1f} ms, p95 {pct(95):.1f} ms, p99 {pct(99):.1f} ms,"
              f" max {latencies[-1] * 1000:.1f} ms")
        print("statuses: " + ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items(), key=str)))
        print(f"peak RSS (VmHWM) of serve: {rss / 1024:.0f} MiB" if rss else "peak RSS: not readable")
        big_state = json.loads(api.request("GET", "/libraries/local.big")[1])
        print(f"large upload: {big_state['state']}, {big_state['records']} records")
        if any(isinstance(k, int) and k >= 500 for k in statuses):
            sys.exit("heavy-mix: FAILED: a request got a 5xx")
    finally:
        stop.set()
        serve.terminate()
        try:
            serve.wait(60)
        except subprocess.TimeoutExpired:
            serve.kill()
        shutil.rmtree(work, ignore_errors=True)


def prober(port, seconds, results):
    """Asks /health 20 times a second for `seconds`; sends back the latencies and statuses."""
    latencies, statuses = [], Counter()
    end = time.time() + seconds
    while time.time() < end:
        started = time.perf_counter()
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            conn.request("GET", "/api/v1/health")
            reply = conn.getresponse()
            reply.read()
            conn.close()
            statuses[reply.status] += 1
            latencies.append(time.perf_counter() - started)
        except OSError:
            statuses["health-io-error"] += 1
        time.sleep(0.05)
    results.put((latencies, statuses))


if __name__ == "__main__":
    main()

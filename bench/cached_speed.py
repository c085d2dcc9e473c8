"""Measure the cached article page in the production set-up against nginx serving a file.

Usage:
    .venv/bin/python bench/cached_speed.py [--rounds 5] [--duration 10] [--connections 64]
        [--threads 2] [--scheme both|https|http] [--gzip] [--plot PATH] [--keep]

Needs Debian's nginx, wrk and openssl on PATH (apt-get install -y nginx wrk); installs
nothing itself. In a temporary folder it builds a SQLite database with the demo content,
collects static files, starts gunicorn with the production settings and deploy/gunicorn.conf.py,
and starts nginx with deploy/nginx/warta.conf (host, ports, paths and certificate replaced by
temporary ones; a self-signed certificate; nginx runs as the current user, apart from any
system nginx). It warms the cache, saves the cached article's bytes as a file under /static/ of
the same nginx, then runs wrk against the article and the file in alternating order, round by
round, with the same duration, connections and threads. It reports requests per second for both,
their ratio, non-2xx responses and socket errors, and the share of article responses nginx
answered from its cache (X-Cache-Status HIT, counted from nginx's access log).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import secrets
import shutil
import signal
import socket
import ssl
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
NGINX_CONF = REPO / "deploy" / "nginx" / "warta.conf"
GUNICORN_CONF = REPO / "deploy" / "gunicorn.conf.py"
ARTICLE = "/berita/banjir-rob-rendam-pesisir-semarang-utara/"
TARGET_RATIO = 0.90


@dataclass
class WrkResult:
    requests_per_second: float
    requests: int
    non_2xx: int
    socket_errors: int


@dataclass
class Series:
    name: str
    url: str
    path: str
    runs: list[WrkResult] = field(default_factory=list)
    cache_status: dict[str, int] = field(default_factory=dict)


class Stack:
    """The processes this benchmark starts; stopped on exit, Ctrl+C or SIGTERM."""

    def __init__(self) -> None:
        self.processes: list[subprocess.Popen[bytes]] = []

    def start(self, args: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
        handle = log.open("wb")
        process = subprocess.Popen(
            args, env=env, stdout=handle, stderr=subprocess.STDOUT, start_new_session=True
        )
        self.processes.append(process)
        return process

    def stop(self) -> None:
        for process in reversed(self.processes):
            if process.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGTERM)
        for process in reversed(self.processes):
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        self.processes.clear()


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def missing_tools() -> list[str]:
    return [tool for tool in ("nginx", "wrk", "openssl") if shutil.which(tool) is None]


def run_manage(args: list[str], env: dict[str, str], log: Path) -> None:
    with log.open("ab") as handle:
        subprocess.run(
            [sys.executable, "-m", "django", *args],
            env=env,
            stdout=handle,
            stderr=subprocess.STDOUT,
            check=True,
        )


def render_nginx(work: Path, ports: dict[str, int], app_port: int, var_dir: Path) -> Path:
    """Write nginx.conf: a main context of our own around the repository's warta.conf."""
    text = NGINX_CONF.read_text()
    replacements = {
        "/var/cache/nginx/warta": str(work / "nginx" / "cache"),
        "server 127.0.0.1:8000;": f"server 127.0.0.1:{app_port};",
        "listen 80;": f"listen 127.0.0.1:{ports['redirect']};",
        "listen 443 ssl http2;": (
            f"listen 127.0.0.1:{ports['https']} ssl http2;\n    listen 127.0.0.1:{ports['http']};"
        ),
        "/etc/letsencrypt/live/warta.example/fullchain.pem": str(work / "tls" / "cert.pem"),
        "/etc/letsencrypt/live/warta.example/privkey.pem": str(work / "tls" / "key.pem"),
        "/srv/warta/var/": f"{var_dir}/",
        "/var/www/letsencrypt": str(work / "acme"),
    }
    for old, new in replacements.items():
        if old not in text:
            raise SystemExit(f"{NGINX_CONF} no longer contains {old!r}; update this benchmark.")
        text = text.replace(old, new)
    nginx = work / "nginx"
    (nginx / "cache").mkdir(parents=True, exist_ok=True)
    (nginx / "warta.conf").write_text(text)
    user = "" if os.geteuid() != 0 else "user root;\n"
    main = f"""{user}worker_processes auto;
daemon off;
pid {nginx}/nginx.pid;
error_log {nginx}/error.log warn;
events {{ worker_connections 4096; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    client_body_temp_path {nginx}/body;
    proxy_temp_path {nginx}/proxy;
    fastcgi_temp_path {nginx}/fastcgi;
    uwsgi_temp_path {nginx}/uwsgi;
    scgi_temp_path {nginx}/scgi;
    log_format bench '$uri $status $upstream_cache_status';
    access_log {nginx}/access.log bench buffer=256k flush=1s;
    include {nginx}/warta.conf;
}}
"""
    conf = nginx / "nginx.conf"
    conf.write_text(main)
    return conf


def fetch(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    # Only loopback http(s) URLs built by this script reach here.
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=10, context=context) as response:  # noqa: S310
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def wait_for(url: str, what: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"{what} stopped; see {log}:\n{log.read_text()[-2000:]}")
        with contextlib.suppress(OSError):
            fetch(url)
            return
        time.sleep(0.3)
    raise SystemExit(f"{what} did not answer {url} within 60 s; see {log}")


WRK_RPS = re.compile(r"Requests/sec:\s+([\d.]+)")
WRK_TOTAL = re.compile(r"(\d+) requests in")
WRK_NON2XX = re.compile(r"Non-2xx or 3xx responses:\s+(\d+)")
WRK_SOCKET = re.compile(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")


def run_wrk(url: str, args: argparse.Namespace) -> WrkResult:
    command = ["wrk", f"-t{args.threads}", f"-c{args.connections}", f"-d{args.duration}s"]
    if args.gzip:
        command += ["-H", "Accept-Encoding: gzip"]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    rps = WRK_RPS.search(output)
    total = WRK_TOTAL.search(output)
    if rps is None or total is None:
        raise SystemExit(f"could not read wrk's output:\n{output}")
    non_2xx = WRK_NON2XX.search(output)
    sockets = WRK_SOCKET.search(output)
    return WrkResult(
        requests_per_second=float(rps.group(1)),
        requests=int(total.group(1)),
        non_2xx=int(non_2xx.group(1)) if non_2xx else 0,
        socket_errors=sum(int(n) for n in sockets.groups()) if sockets else 0,
    )


def count_cache_status(log: Path, offset: int, uri: str, into: dict[str, int]) -> int:
    """Add the cache status of each logged request for ``uri`` after ``offset``; return the end."""
    time.sleep(1.5)  # the access log is buffered and flushed every second
    with log.open("rb") as handle:
        handle.seek(offset)
        for line in handle:
            parts = line.decode().split()
            if parts and parts[0] == uri:
                status = parts[2] if len(parts) > 2 else "-"
                into[status] = into.get(status, 0) + 1
        return handle.tell()


def build_site(work: Path, env: dict[str, str], log: Path) -> None:
    say("building the demo database (migrate, load_demo) ...")
    dev = {**env, "DJANGO_SETTINGS_MODULE": "warta.project.settings.dev"}
    run_manage(["migrate", "--noinput", "-v0"], dev, log)
    run_manage(["load_demo"], dev, log)
    say("collecting static files with the production settings ...")
    run_manage(["collectstatic", "--noinput", "-v0"], env, log)


def measure(args: argparse.Namespace, work: Path, stack: Stack) -> int:
    var_dir = work / "var"
    var_dir.mkdir()
    app_port = free_port()
    ports = {"redirect": free_port(), "https": free_port(), "http": free_port()}
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "warta.project.settings.production",
        "WARTA_SECRET_KEY": secrets.token_urlsafe(50),
        "WARTA_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "WARTA_BASE_URL": f"https://127.0.0.1:{ports['https']}",
        "WARTA_SSL_REDIRECT": "0",
        "WARTA_TRUSTED_PROXY_COUNT": "1",
        "WARTA_DATABASE_URL": f"sqlite:///{work / 'warta.sqlite3'}",
        "WARTA_VAR_DIR": str(var_dir),
        "WARTA_HOME": str(work),
        "WARTA_GUNICORN_BIND": f"127.0.0.1:{app_port}",
    }
    env.pop("WARTA_REDIS_URL", None)
    if args.workers:
        env["WARTA_GUNICORN_WORKERS"] = str(args.workers)
    build_log = work / "build.log"
    build_site(work, env, build_log)

    say("starting gunicorn (production settings) ...")
    gunicorn_log = work / "gunicorn.log"
    gunicorn = Path(sys.executable).with_name("gunicorn")
    app = stack.start(
        [str(gunicorn), "-c", str(GUNICORN_CONF), "warta.project.wsgi"], env, gunicorn_log
    )
    wait_for(f"http://127.0.0.1:{app_port}/", "gunicorn", app, gunicorn_log)

    say("starting nginx with deploy/nginx/warta.conf ...")
    (work / "tls").mkdir()
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
            "-subj", "/CN=127.0.0.1",
            "-keyout", str(work / "tls" / "key.pem"), "-out", str(work / "tls" / "cert.pem"),
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    conf = render_nginx(work, ports, app_port, var_dir)
    prefix = work / "nginx"
    nginx_args = ["nginx", "-p", str(prefix), "-e", str(prefix / "error.log"), "-c", str(conf)]
    test = subprocess.run([*nginx_args, "-t"], capture_output=True, text=True)
    if test.returncode != 0:
        raise SystemExit(f"nginx refused the rendered configuration:\n{test.stderr}")
    nginx_log = work / "nginx.log"
    server = stack.start(nginx_args, env, nginx_log)
    wait_for(f"http://127.0.0.1:{ports['http']}/", "nginx", server, nginx_log)

    schemes = ["https", "http"] if args.scheme == "both" else [args.scheme]
    access_log = prefix / "access.log"
    all_series: list[tuple[str, Series, Series]] = []
    for scheme in schemes:
        base = f"{scheme}://127.0.0.1:{ports[scheme]}"
        say(f"warming the cache over {scheme} ...")
        status, headers, body = fetch(base + ARTICLE)
        if status != 200:
            raise SystemExit(f"{ARTICLE} gave HTTP {status} through nginx")
        say(f"  app's Cache-Control: {headers.get('Cache-Control')}")
        for _ in range(20):
            status, headers, body = fetch(base + ARTICLE)
            if headers.get("X-Cache-Status") == "HIT":
                break
            time.sleep(0.2)
        else:
            raise SystemExit(f"nginx never answered {ARTICLE} from its cache (X-Cache-Status).")
        # Absolute links carry the scheme, so each scheme has its own bytes and its own file.
        file_path = f"/static/bench/article-{scheme}.html"
        static_file = var_dir / "static" / "bench" / f"article-{scheme}.html"
        static_file.parent.mkdir(parents=True, exist_ok=True)
        static_file.write_bytes(body)
        status, _, same = fetch(base + file_path)
        if status != 200 or same != body:
            raise SystemExit(f"nginx did not serve the saved bytes at {file_path}")
        say(f"  cached article: {len(body)} bytes, saved as {file_path}")
        _, personal, _ = fetch(base + ARTICLE, {"Cookie": "sessionid=bench"})
        say(
            f"  with a session cookie: X-Cache-Status {personal.get('X-Cache-Status')}, "
            f"Cache-Control {personal.get('Cache-Control')}"
        )
        article = Series("cached article", base + ARTICLE, ARTICLE)
        file = Series("nginx file", base + file_path, file_path)
        all_series.append((scheme, article, file))

    time.sleep(1.5)  # let nginx flush the warm-up requests to its access log first
    for scheme, article, file in all_series:
        for round_number in range(1, args.rounds + 1):
            order = [article, file] if round_number % 2 else [file, article]
            for series in order:
                say(
                    f"[{scheme} round {round_number}/{args.rounds}] wrk {series.name} "
                    f"({args.duration} s, {args.connections} connections, "
                    f"{args.threads} threads) ..."
                )
                with access_log.open("rb") as handle:
                    offset = handle.seek(0, os.SEEK_END)
                result = run_wrk(series.url, args)
                series.runs.append(result)
                count_cache_status(access_log, offset, series.path, series.cache_status)
                say(
                    f"    {result.requests_per_second:,.0f} requests/s, "
                    f"non-2xx {result.non_2xx}, socket errors {result.socket_errors}"
                )
    return report(args, all_series)


def report(args: argparse.Namespace, all_series: list[tuple[str, Series, Series]]) -> int:
    print()
    print(
        f"cached article {ARTICLE} vs the same bytes as a file, same nginx; "
        f"{args.rounds} rounds x {args.duration} s, {args.connections} connections, "
        f"{args.threads} threads, {os.cpu_count()} cores"
        + (", Accept-Encoding: gzip" if args.gzip else "")
    )
    met = True
    for scheme, article, file in all_series:
        a = [r.requests_per_second for r in article.runs]
        f = [r.requests_per_second for r in file.runs]
        ratio = statistics.median(a) / statistics.median(f)
        per_round = [x / y for x, y in zip(a, f, strict=True)]
        errors = sum(r.non_2xx + r.socket_errors for r in article.runs + file.runs)
        logged = sum(article.cache_status.values())
        hits = article.cache_status.get("HIT", 0)
        # UPDATING and STALE are answered from the cache too (an expired copy being refreshed).
        cached = hits + sum(article.cache_status.get(k, 0) for k in ("UPDATING", "STALE"))
        print(f"{scheme}:")
        print(f"  cached article  requests/s per round: {', '.join(f'{x:,.0f}' for x in a)}")
        print(f"  nginx file      requests/s per round: {', '.join(f'{x:,.0f}' for x in f)}")
        print(
            f"  median: article {statistics.median(a):,.0f}/s, file {statistics.median(f):,.0f}/s"
            f" -> {ratio:.1%} of nginx"
        )
        print(
            f"  article/file within a round: median {statistics.median(per_round):.1%}, "
            f"range {min(per_round):.1%} to {max(per_round):.1%}"
        )
        print(f"  errors (non-2xx + socket), both targets: {errors}")
        print(
            f"  X-Cache-Status of article responses: HIT {hits:,} of {logged:,} "
            f"({hits / logged:.2%}); from the cache {cached / logged:.2%}; "
            f"{dict(sorted(article.cache_status.items()))}"
            if logged
            else "  X-Cache-Status: no article request logged"
        )
        ok = ratio >= TARGET_RATIO and errors == 0
        met = met and ok
        print(f"  target >= {TARGET_RATIO:.0%} of nginx, zero errors: {'met' if ok else 'NOT met'}")
    if args.plot:
        plot(args.plot, all_series)
        print(f"plot: {args.plot}")
    return 0 if met else 2


def plot(path: str, all_series: list[tuple[str, Series, Series]]) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(1, len(all_series), figsize=(6 * len(all_series), 4))
    if len(all_series) == 1:
        axes = [axes]
    for ax, (scheme, article, file) in zip(axes, all_series, strict=True):
        for series, marker in ((article, "o"), (file, "s")):
            values = [r.requests_per_second for r in series.runs]
            ax.plot(range(1, len(values) + 1), values, marker=marker, label=series.name)
        ax.set_xticks(range(1, len(article.runs) + 1))
        ax.set_title(f"{scheme}: requests/s per round")
        ax.set_xlabel("round")
        ax.set_ylabel("requests/s")
        ax.set_ylim(bottom=0)
        ax.legend()
    figure.tight_layout()
    figure.savefig(path)


def interrupt(signum: int, frame: object) -> None:
    """Stop on SIGTERM as on Ctrl+C, so the processes started are stopped too."""
    raise KeyboardInterrupt


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--scheme", choices=("both", "https", "http"), default="both")
    parser.add_argument("--gzip", action="store_true", help="send Accept-Encoding: gzip")
    parser.add_argument("--workers", type=int, default=0, help="gunicorn workers (conf default)")
    parser.add_argument("--plot", metavar="PATH", help="save requests/s per round as an image")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()

    missing = missing_tools()
    if missing:
        print(
            f"cached_speed needs {', '.join(missing)} on PATH and installs nothing itself.\n"
            "On Debian: apt-get install -y nginx wrk openssl",
            file=sys.stderr,
        )
        return 1

    signal.signal(signal.SIGTERM, interrupt)
    # Also when started in the background, where the shell leaves SIGINT ignored.
    signal.signal(signal.SIGINT, interrupt)
    work = Path(tempfile.mkdtemp(prefix="warta-cached-"))
    stack = Stack()
    try:
        return measure(args, work, stack)
    except KeyboardInterrupt:
        say("interrupted")
        return 130
    except subprocess.CalledProcessError as error:
        say(f"{error.cmd[0]} failed (exit {error.returncode}); logs in {work}")
        args.keep = True
        return 1
    finally:
        stack.stop()
        if args.keep:
            say(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

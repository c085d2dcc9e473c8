"""The optional generative backend against a fake OpenAI-compatible server on loopback."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

import pytest

from warta.engines.keypoints import (
    ArticleInput,
    ExtractiveEngine,
    GenerativeConfig,
    KeyPointsConfig,
    KeyPointsError,
    default_engine,
)
from warta.engines.keypoints.generative import GenerativeEngine, grounding_problems
from warta.engines.keypoints.tests.conftest import PLAIN_ARTICLE


class FakeServer:
    """Answers chat-completions requests with a canned reply and records what it got."""

    def __init__(self) -> None:
        self.reply: str = ""
        self.status = 200
        self.requests: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server naming
                length = int(self.headers.get("Content-Length", "0"))
                fake.requests.append(json.loads(self.rfile.read(length)))
                fake.headers.append(dict(self.headers))
                body = json.dumps(
                    {"choices": [{"message": {"role": "assistant", "content": fake.reply}}]}
                ).encode()
                self.send_response(fake.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
                return

        self.httpd = HTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"


@pytest.fixture
def server() -> Iterator[FakeServer]:
    fake = FakeServer()
    fake.thread.start()
    yield fake
    fake.httpd.shutdown()
    fake.httpd.server_close()


def _engine(server: FakeServer) -> GenerativeEngine:
    config = KeyPointsConfig(
        generative=GenerativeConfig(base_url=server.base_url, model="tiny", api_key="rahasia")
    )
    engine = default_engine(config)
    assert isinstance(engine, GenerativeEngine)
    return engine


def test_grounded_bullets_are_used(server: FakeServer) -> None:
    server.reply = (
        "- Bandung menetapkan status tanggap darurat banjir\n"
        "- 1.200 rumah di enam kecamatan terendam\n"
        "- Bantuan Rp1,5 miliar sudah disalurkan"
    )
    result = _engine(server).extract(ArticleInput(text=PLAIN_ARTICLE))
    assert result.method == "generative"
    assert result.texts[1] == "1.200 rumah di enam kecamatan terendam"
    assert all(p.source_sentences for p in result.points)
    request = server.requests[0]
    assert request["model"] == "tiny"
    assert request["messages"][0]["role"] == "system"
    assert server.headers[0]["Authorization"] == "Bearer rahasia"


@pytest.mark.parametrize(
    "reply",
    [
        "- Banjir merendam 5.000 rumah di Bandung",  # number not in the article
        "- Gubernur Ridwan Kamil meninjau lokasi banjir",  # name not in the article
        '- Budi berkata "semua warga sudah aman"',  # quote not in the article
        "",  # nothing usable
    ],
)
def test_ungrounded_bullets_fall_back_to_extractive(server: FakeServer, reply: str) -> None:
    server.reply = reply
    result = _engine(server).extract(ArticleInput(text=PLAIN_ARTICLE))
    expected = ExtractiveEngine().extract(ArticleInput(text=PLAIN_ARTICLE))
    assert result.method == "generative-fallback"
    assert result.points == expected.points
    assert any(note.startswith("generative-fallback:") for note in result.notes)


def test_server_error_falls_back(server: FakeServer) -> None:
    server.status = 500
    server.reply = "- Bandung menetapkan status tanggap darurat banjir"
    result = _engine(server).extract(ArticleInput(text=PLAIN_ARTICLE))
    assert result.method == "generative-fallback"


def test_unreachable_server_falls_back() -> None:
    config = KeyPointsConfig(
        generative=GenerativeConfig(base_url="http://127.0.0.1:9/v1", model="x", timeout_seconds=2)
    )
    result = default_engine(config).extract(ArticleInput(text=PLAIN_ARTICLE))
    assert result.method == "generative-fallback"


def test_subheadings_win_without_calling_the_server(server: FakeServer) -> None:
    from warta.engines.keypoints.tests.conftest import PERU_ARTICLE

    result = _engine(server).extract(ArticleInput(text=PERU_ARTICLE))
    assert result.method == "subheadings"
    assert server.requests == []


def test_grounding_check_lists_problems() -> None:
    article = "Wali Kota Budi menyalurkan Rp1,5 miliar pada Senin (27/3)."
    assert grounding_problems("Budi menyalurkan Rp1,5 miliar", article) == []
    assert grounding_problems("Andi menyalurkan Rp2 miliar", article) == [
        "angka/number '2'",
        "nama/name 'Andi'",
    ]


def test_generative_engine_needs_a_server() -> None:
    with pytest.raises(KeyPointsError):
        GenerativeEngine(KeyPointsConfig())


def test_cli_uses_the_server_and_reports_a_fallback(
    server: FakeServer,
    tmp_path: Any,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from warta.cli import main

    article = tmp_path / "artikel.txt"
    article.write_text(PLAIN_ARTICLE, encoding="utf-8")
    monkeypatch.setenv("WARTA_KEYPOINTS_LLM_KEY", "kunci")
    argv = ["keypoints", "summarize", str(article), "--json", "--llm-url", server.base_url]
    server.reply = "- Bandung menetapkan status tanggap darurat banjir"
    assert main([*argv, "--llm-model", "tiny"]) == 0
    assert json.loads(capsys.readouterr().out)["method"] == "generative"
    assert server.headers[-1]["Authorization"] == "Bearer kunci"
    server.reply = "- Banjir merendam 9.999 rumah"
    assert main([*argv, "--llm-model", "tiny"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["method"] == "generative-fallback"
    assert "9.999" in result["notes"][-1]

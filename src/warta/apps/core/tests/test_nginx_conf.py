"""The shipped nginx site stops serving a page within its s-maxage once the app says it is gone.

Reads ``deploy/nginx/warta.conf`` as nginx would (directives, blocks, comments dropped), so a
directive mentioned in a comment does not count. See docs/deployment.md, "When published
changes show up".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pytest
from django.conf import settings

from warta.apps.newsroom.tests.factories import make_article

CONF = settings.PACKAGE_DIR.parent.parent / "deploy" / "nginx" / "warta.conf"
# What a dead or failing upstream looks like to nginx; anything else is a live app answering.
DEAD_UPSTREAM = {"error", "timeout", "http_500", "http_502", "http_503", "http_504"}
TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'|[{};]|[^\s{};"\']+')
SECONDS = {"ms": 0.001, "s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass
class Directive:
    name: str
    args: list[str]
    children: list[Directive] = field(default_factory=list)

    def find(self, name: str) -> list[Directive]:
        """Return every directive called ``name`` at any depth below this one."""
        found = [child for child in self.children if child.name == name]
        for child in self.children:
            found.extend(child.find(name))
        return found


def parse(text: str) -> Directive:
    """Return nginx's directive tree for ``text`` (no includes, no variables expanded)."""
    text = "\n".join(re.sub(r"(^|\s)#.*$", "", line) for line in text.splitlines())
    root = Directive("", [])
    stack, words = [root], []
    for token in TOKEN.findall(text):
        if token == ";":
            stack[-1].children.append(Directive(words[0], words[1:]))
            words = []
        elif token == "{":
            block = Directive(words[0], words[1:])
            stack[-1].children.append(block)
            stack.append(block)
            words = []
        elif token == "}":
            assert not words, f"unterminated directive {words}"
            stack.pop()
        else:
            words.append(token.strip("\"'"))
    assert len(stack) == 1 and not words, "unbalanced braces"
    return root


def seconds(value: str) -> float:
    number, unit = re.fullmatch(r"(\d+)(ms|s|m|h|d)?", value).groups()
    return int(number) * SECONDS[unit or "s"]


@pytest.fixture(scope="module")
def conf() -> Directive:
    return parse(CONF.read_text())


@pytest.fixture(scope="module")
def page_location(conf) -> Directive:
    """Return the ``location /`` of the HTTPS server: the one that proxies and caches pages."""
    (https,) = [s for s in conf.find("server") if any("ssl" in d.args for d in s.find("listen"))]
    (location,) = [loc for loc in https.find("location") if loc.args == ["/"]]
    return location


def test_the_parser_reads_the_directives_not_the_comments():
    tree = parse("# proxy_cache_background_update on;\nlocation / { a 1; # b 2;\n c '3 4'; }")
    (location,) = tree.children
    assert [(d.name, d.args) for d in location.children] == [("a", ["1"]), ("c", ["3 4"])]


def test_pages_are_cached(page_location):
    assert [d.args for d in page_location.find("proxy_cache")] == [["warta"]]
    assert [d.args for d in page_location.find("proxy_cache_bypass")] == [["$warta_personal"]]
    assert [d.args for d in page_location.find("proxy_cache_no_cache")] == []
    assert [d.args for d in page_location.find("proxy_no_cache")] == [["$warta_personal"]]
    assert [d.args for d in page_location.find("proxy_cache_lock")] == [["on"]]


def test_an_expired_copy_is_served_only_when_the_app_is_down(conf, page_location):
    (use_stale,) = page_location.find("proxy_cache_use_stale")
    assert set(use_stale.args) <= DEAD_UPSTREAM, "served stale while the app answers"
    # Anywhere in the file: a server or http level setting would be inherited.
    for directive in conf.find("proxy_cache_use_stale"):
        assert "updating" not in directive.args
    for directive in conf.find("proxy_cache_background_update"):
        assert directive.args == ["off"]


def test_only_gone_pages_get_a_lifetime_from_nginx_and_a_short_one(conf):
    """A 404 or 410 replaces the unpublished page's copy; nothing else is given a lifetime."""
    shared_max_age = int(getattr(settings, "WARTA_PAGE_SHARED_MAX_AGE", 300))
    valid = conf.find("proxy_cache_valid")
    assert valid, "a 404 would not replace the stored copy of the page it unpublished"
    codes = set()
    for directive in valid:
        *statuses, lifetime = directive.args
        assert statuses, "a bare lifetime applies to 200, 301 and 302"
        codes.update(statuses)
        assert seconds(lifetime) <= min(60, shared_max_age)
    assert codes == {"404", "410"}


def test_nginx_never_overrides_the_apps_lifetimes(conf):
    for directive in conf.find("proxy_ignore_headers"):
        assert not {"Cache-Control", "Expires", "X-Accel-Expires"} & set(directive.args)


@pytest.mark.django_db
def test_the_app_never_asks_nginx_to_serve_an_expired_page_while_refreshing(client):
    article = make_article(title="Banjir rob rendam pesisir")
    response = client.get(article.url)
    assert "s-maxage" in response["Cache-Control"]
    assert "stale-while-revalidate" not in response["Cache-Control"]


@pytest.mark.django_db
def test_an_unpublished_page_answers_404_with_no_lifetime_of_its_own(client):
    """So nginx's 30 s for 404s applies and the old copy is replaced."""
    article = make_article(title="Ditarik redaksi")
    path = article.url
    assert client.get(path).status_code == 200
    article.unpublish()
    response = client.get(path)
    assert response.status_code == 404
    assert "Cache-Control" not in response
    assert not response.cookies  # nginx stores no response that sets a cookie

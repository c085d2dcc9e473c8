"""Permission matrix: every actor × every action, each cell asserted (deny by default)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from warta.apps.submissions.models import Submission
from warta.apps.submissions.policies import is_allowed
from warta.apps.submissions.tests import factories as f

ACTORS = ["anonymous", "writer", "other_writer", "editor", "admin"]

# action -> (state of the owning writer's piece, expected per actor in ACTORS order)
POLICY_MATRIX = {
    "create": ("draft", [False, True, True, False, False]),
    "view": ("draft", [False, True, False, False, False]),
    "edit": ("draft", [False, True, False, False, False]),
    "submit": ("draft", [False, True, False, False, False]),
    "review": ("submitted", [False, False, False, True, True]),
    "publish": ("submitted", [False, False, False, True, True]),
    "approve": ("submitted", [False, False, False, True, True]),
    "request_changes": ("submitted", [False, False, False, True, True]),
    "reject": ("submitted", [False, False, False, True, True]),
    "access_admin": ("draft", [False, False, False, True, True]),
    "delete": ("draft", [False, False, False, False, False]),  # unknown action: denied
    "": ("draft", [False, False, False, False, False]),
}

# Same actions on other states, where the answer changes.
STATE_MATRIX = [
    ("view", "submitted", [False, True, False, True, True]),
    ("edit", "submitted", [False, False, False, False, False]),
    ("submit", "submitted", [False, False, False, False, False]),
    ("edit", "changes_requested", [False, True, False, False, False]),
    ("submit", "changes_requested", [False, True, False, False, False]),
    ("publish", "draft", [False, False, False, False, False]),
    ("publish", "changes_requested", [False, False, False, False, False]),
    ("reject", "changes_requested", [False, False, False, True, True]),
    ("publish", "published", [False, False, False, False, False]),
    ("edit", "published", [False, False, False, False, False]),
    ("edit", "rejected", [False, False, False, False, False]),
    ("request_changes", "rejected", [False, False, False, False, False]),
]


@pytest.fixture
def people(writer, other_writer, editor, admin_user):
    return {
        "anonymous": AnonymousUser(),
        "writer": writer,
        "other_writer": other_writer,
        "editor": editor,
        "admin": admin_user,
    }


def make(state, writer, editor):
    if state == "draft":
        return f.draft(writer)
    if state == "submitted":
        return f.submitted(writer)
    if state == "changes_requested":
        return f.changes_requested(writer, editor)
    if state == "rejected":
        return f.rejected(writer, editor)
    if state == "published":
        return f.published(writer, editor)
    raise ValueError(state)


@pytest.mark.django_db
@pytest.mark.parametrize("action", list(POLICY_MATRIX))
def test_policy_matrix(people, action):
    state, expected = POLICY_MATRIX[action]
    submission = make(state, people["writer"], people["editor"])
    got = [is_allowed(people[actor], action, submission) for actor in ACTORS]
    assert got == expected, dict(zip(ACTORS, got, strict=True))


@pytest.mark.django_db
@pytest.mark.parametrize(("action", "state", "expected"), STATE_MATRIX)
def test_policy_matrix_by_state(people, action, state, expected):
    submission = make(state, people["writer"], people["editor"])
    got = [is_allowed(people[actor], action, submission) for actor in ACTORS]
    assert got == expected, dict(zip(ACTORS, got, strict=True))


@pytest.mark.django_db
def test_nothing_is_allowed_without_a_submission(people):
    for actor in ACTORS:
        for action in ("view", "edit", "submit", "publish", "approve", "reject"):
            assert not is_allowed(people[actor], action, None)


@pytest.mark.django_db
def test_inactive_writer_is_denied_everything(writer):
    submission = f.draft(writer)
    writer.is_active = False
    for action in POLICY_MATRIX:
        assert not is_allowed(writer, action, submission)


# HTTP: what each actor gets from each page. 404 means "not allowed" and "missing" alike.
HTTP_MATRIX = {
    "view draft": ("get", "submissions:submission_detail", [302, 200, 404, 404, 404]),
    "edit": ("get", "submissions:submission_edit", [302, 200, 404, 404, 404]),
    "save": ("post", "submissions:submission_edit", [401, 302, 404, 404, 404]),
    "autosave": ("post", "submissions:submission_autosave", [401, 200, 404, 404, 404]),
    "submit": ("post", "submissions:submission_submit", [302, 302, 404, 404, 404]),
    "see admin": ("get", "wagtailadmin_home", [302, 302, 302, 200, 200]),
}


def login(client, person):
    if person is not None and person.is_authenticated:
        client.force_login(person)


@pytest.mark.django_db
@pytest.mark.parametrize("action", list(HTTP_MATRIX))
@pytest.mark.parametrize("actor", ACTORS)
def test_http_matrix(client, people, actor, action):
    method, url_name, codes = HTTP_MATRIX[action]
    submission = f.draft(people["writer"])
    login(client, people[actor])
    args = [] if url_name == "wagtailadmin_home" else [submission.pk]
    url = reverse(url_name, args=args)
    data = {"headline": "Judul baru", "dateline": "Semarang", "body_markup": "Isi."}
    response = client.get(url) if method == "get" else client.post(url, data)
    assert response.status_code == codes[ACTORS.index(actor)]
    submission.refresh_from_db()
    changed = submission.headline == "Judul baru" or submission.status != Submission.Status.DRAFT
    assert changed == (actor == "writer" and method == "post")


@pytest.mark.django_db
def test_writer_is_refused_by_the_admin_even_after_logging_in_there(client, writer):
    client.post(
        reverse("wagtailadmin_login"), {"username": writer.username, "password": "rahasia-kuat-123"}
    )
    assert client.session.get("_auth_user_id") == str(writer.pk)  # the log-in itself worked
    assert client.get(reverse("wagtailadmin_home")).status_code == 302
    assert client.get(reverse("wagtailadmin_explore_root")).status_code == 302


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("actor", "allowed"),
    [
        ("anonymous", False),
        ("writer", False),
        ("other_writer", False),
        ("editor", True),
        ("admin", True),
    ],
)
def test_workflow_approve_in_admin_matrix(client, people, actor, allowed):
    submission = f.submitted(people["writer"])
    task_state = submission.page.current_workflow_task_state
    login(client, people[actor])
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=[submission.page.pk, "approve", task_state.pk]
    )
    client.post(url, {})
    submission.refresh_from_db()
    assert (submission.status == Submission.Status.PUBLISHED) == allowed


@pytest.mark.django_db
def test_missing_submission_is_404_like_a_forbidden_one(client, writer):
    client.force_login(writer)
    assert client.get(reverse("submissions:submission_detail", args=[999999])).status_code == 404
    assert client.get(reverse("submissions:submission_edit", args=[999999])).status_code == 404

from warta.apps.submissions.tests.conftest import editor, writer  # noqa: F401

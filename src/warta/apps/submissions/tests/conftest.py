import pytest

from warta.apps.submissions.tests.factories import AdminFactory, EditorFactory, WriterFactory


@pytest.fixture
def writer(db):
    return WriterFactory()


@pytest.fixture
def other_writer(db):
    return WriterFactory()


@pytest.fixture
def editor(db):
    return EditorFactory()


@pytest.fixture
def admin_user(db):
    return AdminFactory()

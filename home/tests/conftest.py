import pytest
from django.contrib.auth.models import Group


@pytest.fixture
def news_index(home_page):
    from home.models import NewsIndexPage

    return NewsIndexPage.objects.get()


@pytest.fixture
def press_index(home_page):
    from home.models import PressReleaseIndexPage

    return PressReleaseIndexPage.objects.get()


@pytest.fixture
def make_user(django_user_model):
    def make(username, group_name=None, **extra):
        user = django_user_model.objects.create_user(
            username=username, password="pw-test-123", email=f"{username}@example.org", **extra
        )
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
        return user

    return make

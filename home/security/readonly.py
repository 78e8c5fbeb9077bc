"""A permission policy for logs: whoever has ``view`` lists and inspects, nobody writes."""

from wagtail.permission_policies import ModelPermissionPolicy

WRITE_ACTIONS = {"add", "change", "delete", "publish", "lock", "unlock", "copy"}


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Logs are written by the code only: no add, change or delete, even for a superuser."""

    def user_has_permission(self, user, action):
        return action not in WRITE_ACTIONS and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        readable = [action for action in actions if action not in WRITE_ACTIONS]
        if not readable:
            return super().users_with_any_permission([]).none()
        return super().users_with_any_permission(readable)

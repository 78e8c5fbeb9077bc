"""A version number kept in the shared cache: keys built with it are retired when it is bumped.

The record's payloads (``editions.cache``) and the whole pages of the application cache
(``home.page_cache``) each carry one in their keys; bumping it is how every app server forgets
them at once (the number lives in Redis in production).
"""

from django.core.cache import cache


class CacheVersion:
    def __init__(self, key):
        self.key = key

    def current(self):
        value = cache.get(self.key)
        if value is None:
            cache.add(self.key, 1, None)
            value = cache.get(self.key, 1)
        return value

    def bump(self):
        try:
            cache.incr(self.key)
        except ValueError:  # not there (evicted, cleared): any new value retires the old keys
            cache.set(self.key, 2, None)

"""A small fixed-window rate limiter on the cache (no dependency needed)."""

from django.core.cache import cache


def is_limited(key, limit):
    return cache.get(f"rl:{key}", 0) >= limit


def hit(key, window_seconds):
    """Count one event for ``key``; returns the count in the current window."""
    full_key = f"rl:{key}"
    if cache.add(full_key, 1, window_seconds):
        return 1
    try:
        return cache.incr(full_key)
    except ValueError:  # expired between add and incr
        cache.set(full_key, 1, window_seconds)
        return 1


def reset(key):
    cache.delete(f"rl:{key}")

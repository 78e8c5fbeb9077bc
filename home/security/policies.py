"""The Content-Security-Policy of admin pages (SECURITY_CSP_ADMIN_POLICY), where production sends
one (SECURE_CSP). Placed after Django's CSP middleware, which reads the policy set here."""

from django.conf import settings

from .throttling import is_admin_path


class AdminContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if settings.SECURE_CSP and is_admin_path(request):
            response._csp_config = settings.SECURITY_CSP_ADMIN_POLICY
        return response

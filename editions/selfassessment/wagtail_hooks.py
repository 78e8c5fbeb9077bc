from wagtail import hooks

from .viewsets import SelfAssessmentViewSet


@hooks.register("register_admin_viewset")
def register_self_assessment_viewset():
    return SelfAssessmentViewSet("selfassessments")

from wagtail import hooks


@hooks.register("register_admin_viewset")
def register_questionnaire_viewsets():
    from .viewsets_questionnaire import questionnaire_viewset

    return questionnaire_viewset

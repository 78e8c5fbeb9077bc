"""/auto-evaluation/: the form (GET), the result (POST, nothing stored), and the choice to start
a dossier from it (POST .../demarrer/: the answers go to the session, then the applicant space)."""

from django.conf import settings
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from .forms import SelfAssessmentForm
from .scoring import assess
from .services import current_assessment, keep_in_session, questions_of

NEXT_URL = getattr(settings, "SELFASSESSMENT_NEXT_URL", "/espace-candidat/")


def _unavailable(request):
    return render(request, "selfassessment/unavailable.html", status=404)


@require_http_methods(["GET", "POST"])
def self_assessment(request):
    assessment = current_assessment()
    if assessment is None:
        return _unavailable(request)
    questions = questions_of(assessment)
    context = {"assessment": assessment, "edition": assessment.edition}
    if request.method == "POST":
        form = SelfAssessmentForm(questions, request.POST)
        if form.is_valid():
            levels = list(assessment.edition.levels.all())
            context.update(result=assess(questions, form.answers(), levels), form=form)
            return render(request, "selfassessment/result.html", context)
        context["form"] = form
        return render(request, "selfassessment/form.html", context, status=400)
    context["form"] = SelfAssessmentForm(questions)
    return render(request, "selfassessment/form.html", context)


@require_POST
def start_dossier(request):
    assessment = current_assessment()
    if assessment is None:
        return _unavailable(request)
    form = SelfAssessmentForm(questions_of(assessment), request.POST)
    if not form.is_valid():
        return render(
            request,
            "selfassessment/form.html",
            {"assessment": assessment, "edition": assessment.edition, "form": form},
            status=400,
        )
    keep_in_session(request.session, assessment, form.answers())
    return redirect(NEXT_URL)

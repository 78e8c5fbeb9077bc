from .candidature import Candidature, CandidatureMention, CandidatureStatus
from .jury import Assignment, ConflictOfInterest, Evaluation, Jury, JuryMember
from .notification import EmailTemplate, NotificationEvent
from .workflow import DeliberationTask, EligibilityTask, JuryEvaluationTask

__all__ = [
    "Candidature",
    "CandidatureMention",
    "CandidatureStatus",
    "Assignment",
    "ConflictOfInterest",
    "Evaluation",
    "Jury",
    "JuryMember",
    "EmailTemplate",
    "NotificationEvent",
    "DeliberationTask",
    "EligibilityTask",
    "JuryEvaluationTask",
]

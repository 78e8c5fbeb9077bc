from .accounts import ApplicantProfile, Invitation, Membership, MembershipRole
from .attachment import Attachment
from .candidature import Candidature, CandidatureMention, CandidatureStatus
from .jury import Assignment, ConflictOfInterest, Evaluation, Jury, JuryMember
from .notification import EmailTemplate, NotificationEvent
from .questionnaire import Questionnaire, QuestionType
from .workflow import DeliberationTask, EligibilityTask, JuryEvaluationTask

__all__ = [
    "ApplicantProfile",
    "Assignment",
    "Attachment",
    "Candidature",
    "CandidatureMention",
    "CandidatureStatus",
    "ConflictOfInterest",
    "DeliberationTask",
    "EligibilityTask",
    "EmailTemplate",
    "Evaluation",
    "Invitation",
    "Jury",
    "JuryEvaluationTask",
    "JuryMember",
    "Membership",
    "MembershipRole",
    "NotificationEvent",
    "QuestionType",
    "Questionnaire",
]

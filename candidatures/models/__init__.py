from candidatures.models.accounts import (
    ApplicantProfile,
    BodyClaim,
    ClaimMethod,
    ClaimStatus,
    Invitation,
    Membership,
    MembershipRole,
    ReferentNotice,
)
from candidatures.models.attachment import Attachment
from candidatures.models.candidature import Candidature, CandidatureMention, CandidatureStatus
from candidatures.models.jury import Assignment, ConflictOfInterest, Evaluation, Jury, JuryMember
from candidatures.models.notification import EmailTemplate, NotificationEvent
from candidatures.models.questionnaire import Questionnaire, QuestionType
from candidatures.models.workflow import DeliberationTask, EligibilityTask, JuryEvaluationTask

__all__ = [
    "ApplicantProfile",
    "Assignment",
    "Attachment",
    "BodyClaim",
    "Candidature",
    "CandidatureMention",
    "CandidatureStatus",
    "ClaimMethod",
    "ClaimStatus",
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
    "ReferentNotice",
    "Questionnaire",
]

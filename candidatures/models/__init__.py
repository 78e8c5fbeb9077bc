from .candidature import Candidature, CandidatureMention, CandidatureStatus

__all__ = ["Candidature", "CandidatureMention", "CandidatureStatus"]
from .accounts import ApplicantProfile, Invitation, Membership, MembershipRole  # noqa: E402
from .attachment import Attachment  # noqa: E402
from .questionnaire import Questionnaire, QuestionType  # noqa: E402

__all__ += [
    "ApplicantProfile",
    "Attachment",
    "Invitation",
    "Membership",
    "MembershipRole",
    "QuestionType",
    "Questionnaire",
]

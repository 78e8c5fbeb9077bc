from .candidature import Candidature, CandidatureMention, CandidatureStatus

__all__ = ["Candidature", "CandidatureMention", "CandidatureStatus"]

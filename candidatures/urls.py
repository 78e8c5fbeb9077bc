from django.urls import path

from candidatures.applicant.views import accounts, bodies, files, second_factor, steps
from candidatures.privacy import views as privacy

app_name = "candidatures"

urlpatterns = [
    # Accounts
    path("compte/inscription/", accounts.signup, name="signup"),
    path("compte/inscription/envoyee/", accounts.signup_done, name="signup_done"),
    path("compte/confirmer/<str:token>/", accounts.verify_email, name="verify_email"),
    path("compte/connexion/", accounts.LoginView.as_view(), name="login"),
    path("compte/deconnexion/", accounts.LogoutView.as_view(), name="logout"),
    path("compte/profil/", accounts.profile, name="profile"),
    path("compte/connexion/code/", second_factor.login_code, name="login_code"),
    path("compte/deux-etapes/", second_factor.manage, name="second_factor"),
    path("compte/deux-etapes/activer/", second_factor.enable, name="second_factor_enable"),
    path("compte/deux-etapes/desactiver/", second_factor.disable, name="second_factor_disable"),
    path("compte/deux-etapes/codes/", second_factor.regenerate_codes, name="recovery_codes"),
    path("compte/mes-donnees/", privacy.download_data, name="my_data"),
    path("compte/supprimer/", privacy.delete_account_view, name="delete_account"),
    path("compte/mot-de-passe/", accounts.PasswordResetView.as_view(), name="password_reset"),
    path(
        "compte/mot-de-passe/envoye/",
        accounts.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "compte/mot-de-passe/<uidb64>/<token>/",
        accounts.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "compte/mot-de-passe/termine/",
        accounts.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("compte/invitation/<str:token>/", bodies.invitation, name="invitation"),
    # Applicant space
    path("espace-candidat/", steps.dashboard, name="dashboard"),
    path("espace-candidat/territoires/", bodies.territory_search, name="territory_search"),
    path(
        "espace-candidat/collectivites/inscrire/",
        bodies.register_territory,
        name="register_body",
    ),
    path(
        "espace-candidat/collectivites/inscrire/autre/",
        bodies.register_other,
        name="register_other",
    ),
    path(
        "espace-candidat/collectivites/<int:pk>/demander-acces/",
        bodies.request_access,
        name="request_access",
    ),
    path("espace-candidat/collectivites/<int:pk>/membres/", bodies.members, name="members"),
    path("espace-candidat/collectivites/<int:pk>/demande/", bodies.claim_details, name="claim"),
    path("espace-candidat/collectivites/<int:pk>/dossier/", steps.start, name="start"),
    path("espace-candidat/dossiers/<int:pk>/etapes/<slug:step>/", steps.step, name="step"),
    path(
        "espace-candidat/dossiers/<int:pk>/etapes/<slug:step>/autosave/",
        steps.autosave,
        name="autosave",
    ),
    path("espace-candidat/dossiers/<int:pk>/recapitulatif/", steps.recap, name="recap"),
    path(
        "espace-candidat/dossiers/<int:pk>/recapitulatif.pdf",
        steps.recap_pdf,
        name="recap_pdf",
    ),
    path(
        "espace-candidat/dossiers/<int:pk>/parcours/",
        steps.switch_track_view,
        name="switch_track",
    ),
    path("espace-candidat/dossiers/<int:pk>/deposer/", steps.submit_view, name="submit"),
    path("espace-candidat/dossiers/<int:pk>/retirer/", steps.withdraw_view, name="withdraw"),
    path("espace-candidat/pieces/<int:pk>/", files.download, name="attachment"),
    path("espace-candidat/pieces/<int:pk>/supprimer/", files.delete, name="attachment_delete"),
]

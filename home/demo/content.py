"""French demo texts of the editorial pages, as raw StreamField data."""

import datetime


def h2(text):
    return {"type": "heading", "value": {"text": text, "level": "h2"}}


def p(*paragraphs):
    return {"type": "paragraph", "value": "".join(f"<p>{text}</p>" for text in paragraphs)}


def ul(*items):
    return {
        "type": "paragraph",
        "value": "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>",
    }


def faq(heading, items):
    return {
        "type": "accordion",
        "value": {
            "heading": heading,
            "items": [{"question": q, "answer": f"<p>{a}</p>"} for q, a in items],
        },
    }


def cta(title, text, label, url):
    return {
        "type": "call_to_action",
        "value": {"title": title, "text": text, "button_label": label, "page": None, "url": url},
    }


HOME = {
    "tagline": (
        "Le label Territoire Numérique Libre distingue chaque année les collectivités qui "
        "choisissent les logiciels libres, les formats ouverts et la mutualisation."
    ),
    "intro": (
        "<p>Porté depuis 2016 par l'association ADULLACT, le label est gratuit et ouvert à toutes "
        "les collectivités territoriales et à leurs groupements, en métropole comme en outre-mer. "
        "Il valorise une politique numérique au service de l'indépendance, de la sobriété et de "
        "l'argent public bien employé.</p>"
    ),
    # Typed figures; those of the latest published édition come from its record
    # (FORMER_TYPED_FIGURES were typed by earlier demos, removed when the demo loads again).
    "key_figures": [
        ("2016", "première édition du label"),
        ("4", "niveaux depuis 2025 : Badge, Bronze, Argent et Or"),
    ],
}

FORMER_TYPED_FIGURES = [
    ("5", "niveaux, de la découverte à l'excellence"),
    ("24", "candidatures en 2021"),
    ("3", "mentions spéciales décernées en 2021"),
]

CRITERIA = [
    (
        "Stratégie et mutualisation",
        "La collectivité inscrit le logiciel libre dans une stratégie votée ou publiée, et "
        "mutualise ses outils et ses développements avec d'autres structures publiques.",
    ),
    (
        "Interopérabilité et accessibilité",
        "Elle utilise et publie des formats ouverts, applique le Référentiel général "
        "d'interopérabilité (RGI) et veille à l'accessibilité de ses services numériques.",
    ),
    (
        "Logiciels libres et systèmes d'exploitation",
        "Elle déploie des logiciels libres sur les postes de travail, les serveurs et les "
        "applications métier.",
    ),
    (
        "Communication et écosystème",
        "Elle sensibilise ses élus, ses agents et ses habitants, forme ses équipes et contribue "
        "aux communautés du Libre.",
    ),
    (
        "Ouverture des données publiques",
        "Elle publie ses données sous licence ouverte, dans des formats réutilisables, et en "
        "facilite la réutilisation.",
    ),
]

STANDARD_PAGES = [
    {
        "slug": "reglement",
        "title": "Règlement du label",
        "intro": "Les règles de participation au label Territoire Numérique Libre.",
        "body": [
            h2("Qui peut candidater ?"),
            p(
                "Le label est ouvert aux collectivités territoriales (communes, intercommunalités, "
                "départements, régions), à leurs groupements, ainsi qu'aux syndicats, agences "
                "publiques et autres organismes publics. La participation est gratuite et ne "
                "demande aucune adhésion à l'ADULLACT."
            ),
            h2("Déroulement d'une édition"),
            ul(
                "Ouverture des candidatures et publication du questionnaire de l'année ;",
                "Dépôt du dossier en ligne, modifiable jusqu'à la date limite ;",
                "Examen de la recevabilité des dossiers par l'équipe du label ;",
                "Évaluation par un jury de professionnels du numérique et du Libre ;",
                "Annonce du palmarès lors de la cérémonie de remise des labels.",
            ),
            h2("Niveaux et mentions"),
            p(
                "Chaque candidature est évaluée selon les domaines de critères de l'édition. "
                "Le label est attribué pour un an, avec un niveau ; le jury peut aussi décerner "
                "des mentions spéciales. Une collectivité peut candidater chaque année."
            ),
            cta(
                "Prêt à candidater ?",
                "Créez votre espace candidat pour préparer votre dossier.",
                "Accéder à l'espace candidat",
                "/espace-candidat/",
            ),
        ],
    },
    {
        "slug": "criteres",
        "title": "Les critères d'évaluation",
        "intro": "Les cinq domaines de critères des éditions 2019 à 2021.",
        "body": [
            p(
                "Une collectivité n'a pas besoin d'agir dans tous les domaines : plus elle couvre "
                "de critères, plus son niveau est élevé."
            ),
            *[block for title, text in CRITERIA for block in (h2(title), p(text))],
            {
                "type": "quote",
                "value": {
                    "quote": "Plus il y a de critères remplis, plus le niveau est élevé.",
                    "author": "Règlement du label",
                },
            },
        ],
    },
    {
        "slug": "faq",
        "title": "Questions fréquentes",
        "intro": "Les réponses aux questions que posent le plus souvent les candidats.",
        "body": [
            faq(
                "Candidater",
                [
                    (
                        "La participation est-elle payante ?",
                        "Non, la candidature est gratuite et ne demande aucune adhésion.",
                    ),
                    (
                        "Notre commune est petite : pouvons-nous candidater ?",
                        "Oui. En 2021, une mention a distingué la plus petite collectivité "
                        "candidate, Lettret et ses 187 habitants.",
                    ),
                    (
                        "Peut-on modifier son dossier après l'avoir envoyé ?",
                        "Oui, jusqu'à la date limite de dépôt de l'édition.",
                    ),
                    (
                        "Le label est-il définitif ?",
                        "Non, il est daté de l'année de l'édition et peut être renouvelé chaque "
                        "année.",
                    ),
                ],
            ),
        ],
    },
    {
        "slug": "mentions-legales",
        "title": "Mentions légales",
        "intro": "",
        "body": [
            p(
                "Ce site est édité par l'association ADULLACT (Association des Développeurs et "
                "Utilisateurs de Logiciels Libres pour les Administrations et les Collectivités "
                "Territoriales), dont le siège est à Montpellier (Hérault)."
            ),
            {"type": "legal_information", "value": None},
            h2("Licences"),
            p(
                "Le code source du site est publié sous licence AGPL-3.0 ou ultérieure. Les "
                "données ouvertes des résultats sont publiées sous Licence Ouverte 2.0."
            ),
        ],
    },
    {
        "slug": "accessibilite",
        "title": "Déclaration d'accessibilité",
        "intro": "",
        "body": [
            p(
                "L'ADULLACT s'engage à rendre ce site accessible conformément à l'article 47 de "
                "la loi n° 2005-102 du 11 février 2005. Cette déclaration s'applique au site du "
                "label Territoire Numérique Libre."
            ),
            h2("État de conformité"),
            p(
                "Ce site est <b>partiellement conforme</b> avec le référentiel général "
                "d'amélioration de l'accessibilité (RGAA), version 4.1, en raison des "
                "non-conformités et des dérogations énumérées ci-dessous."
            ),
            h2("Contenus non accessibles"),
            ul(
                "Certains documents PDF anciens ne sont pas balisés ;",
                "Les cartes interactives n'ont pas encore d'alternative complète.",
            ),
            h2("Retour d'information et contact"),
            p(
                "Si vous n'arrivez pas à accéder à un contenu ou à un service, écrivez à "
                "label@territoire-numerique-libre.org pour être orienté vers une alternative "
                "accessible ou obtenir le contenu sous une autre forme."
            ),
            h2("Voies de recours"),
            p(
                "Si vous nous avez signalé un défaut d'accessibilité qui vous empêche d'accéder "
                "à un contenu et que vous n'avez pas obtenu de réponse satisfaisante, vous pouvez "
                "écrire au Défenseur des droits, contacter le délégué du Défenseur des droits de "
                "votre région, ou envoyer un courrier (gratuit, sans affranchissement) à : "
                "Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07."
            ),
        ],
    },
    {
        "slug": "confidentialite",
        "title": "Politique de confidentialité",
        "intro": "Comment nous traitons vos données personnelles, conformément au RGPD.",
        "body": [
            h2("Responsable du traitement"),
            p("L'association ADULLACT, dont le siège est à Montpellier."),
            h2("Finalités et base légale"),
            p(
                "Nous traitons les données des personnes qui déposent une candidature (référent "
                "technique, élu référent) pour instruire le dossier et publier le palmarès. Ce "
                "traitement repose sur l'intérêt légitime de l'association à organiser le label "
                "et sur la démarche volontaire de la collectivité candidate."
            ),
            h2("Durée de conservation"),
            p(
                "Les données personnelles des candidats sont conservées trois ans après la fin "
                "de l'édition concernée, puis supprimées. Les résultats publiés (nom de la "
                "collectivité, niveau obtenu) restent publics."
            ),
            h2("Vos droits"),
            p(
                "Vous disposez d'un droit d'accès, de rectification, d'effacement, de limitation "
                "et d'opposition. Écrivez à label@territoire-numerique-libre.org. Si vous "
                "estimez que vos droits ne sont pas respectés, vous pouvez adresser une "
                "réclamation à la CNIL (www.cnil.fr)."
            ),
            h2("Cookies"),
            p(
                "Le site n'utilise qu'un cookie de session, nécessaire à la connexion, et aucun "
                "traceur de mesure d'audience tiers."
            ),
        ],
    },
]

NEWS = [
    {
        "slug": "ouverture-candidatures-2021",
        "title": "Les candidatures 2021 sont ouvertes",
        "date": datetime.date(2021, 7, 1),
        "intro": "Les collectivités peuvent déposer leur dossier jusqu'au 15 octobre 2021.",
        "tags": ["Candidatures", "Édition 2021"],
        "body": [
            p(
                "La sixième édition du label Territoire Numérique Libre est lancée. Le "
                "questionnaire reprend les cinq domaines de critères des éditions précédentes.",
                "Le dossier peut être modifié jusqu'à la date limite du 15 octobre 2021.",
            )
        ],
    },
    {
        "slug": "jury-2021",
        "title": "Le jury 2021 s'est réuni",
        "date": datetime.date(2021, 11, 5),
        "intro": "Le jury a examiné à distance les 24 dossiers de l'édition 2021.",
        "tags": ["Jury", "Édition 2021"],
        "body": [
            p(
                "Composé de représentants d'associations et d'entreprises du Libre, le jury a "
                "évalué chaque dossier selon les cinq domaines de critères."
            )
        ],
    },
    {
        "slug": "ceremonie-2021",
        "title": "Remise des labels à l'Open Source Experience",
        "date": datetime.date(2021, 11, 9),
        "intro": "Les labels 2021 ont été remis au Palais des Congrès, à Paris.",
        "tags": ["Cérémonie", "Édition 2021"],
        "body": [
            p(
                "Une vingtaine de participants étaient réunis lors du salon Open Source "
                "Experience pour découvrir le palmarès de la sixième édition."
            )
        ],
    },
    {
        "slug": "donnees-ouvertes-resultats",
        "title": "Les résultats du label en données ouvertes",
        "date": datetime.date(2022, 2, 15),
        "intro": "Les résultats de toutes les éditions sont publiés sous Licence Ouverte 2.0.",
        "tags": ["Données ouvertes"],
        "body": [
            p(
                "Chaque résultat est joint aux codes INSEE et SIREN de la collectivité pour "
                "faciliter les croisements avec d'autres jeux de données."
            )
        ],
    },
    {
        "slug": "nouvelle-grille-2024",
        "title": "Une grille d'évaluation plus juste en 2024",
        "date": datetime.date(2024, 6, 20),
        "intro": "La grille tient désormais compte du type et de la taille des collectivités.",
        "tags": ["Critères"],
        "body": [
            p(
                "Les domaines de critères évoluent : stratégie, bonnes pratiques numériques, "
                "logiciels libres, écosystème libre et gestion des données publiques."
            )
        ],
    },
]

CONTACT = {
    "slug": "contact",
    "title": "Contact",
    "intro": (
        "<p>Une question sur le label, le règlement ou votre dossier ? Écrivez à l'équipe du "
        "label Territoire Numérique Libre : nous vous répondons par courriel.</p>"
    ),
    "thank_you_text": (
        "<p>Merci, votre message est bien parvenu à l'équipe du label. Nous vous répondrons à "
        "l'adresse indiquée.</p>"
    ),
    # (label, field type, required, help text)
    "fields": [
        ("Votre nom", "singleline", True, ""),
        ("Votre adresse électronique", "email", True, "Pour vous répondre."),
        ("Organisme", "singleline", False, "Votre collectivité ou structure, s'il y a lieu."),
        ("Votre message", "multiline", True, ""),
    ],
}

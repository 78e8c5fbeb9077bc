"""The 2021 press release of ADULLACT (Montpellier, 9 December 2021), copied into the project."""

import datetime

TITLE = "« Territoires Numériques Libres » 2021, les résultats sont là !"
SLUG = "resultats-territoire-numerique-libre-2021"
DATE = datetime.date(2021, 12, 9)
PLACE = "Montpellier"
INTRO = (
    "Depuis sa 1ère édition en 2016, le label Territoire Numérique Libre récompense les "
    "initiatives et politiques en faveur des logiciels libres dans les collectivités territoriales."
)
PARAGRAPHS = [
    "<p>Créé par l'association ADULLACT et soutenue par plusieurs associations acteurs du Libre, "
    "le label « Territoire Numérique Libre » réunit chaque année les collectivités qui ont fait le "
    "choix de privilégier les usages numériques <b>libres, ouverts et collaboratifs</b>. Ce label "
    "promeut notamment l'utilisation et le développement mutualisé de logiciels libres, vecteurs "
    "d'indépendance, de souveraineté numérique et d'économie d'argent public.</p>",
    "<p>Le label est un outil d'auto-évaluation, mais également un outil de sensibilisation pour "
    "les élus, agents et administrés.</p>",
    "<p>Cette année, <b>24 candidatures</b> ont été déposées et étudiées par un jury de "
    "professionnels du numérique et du libre.</p>",
    "<p>La remise des labels Territoire Numérique Libre a eu lieu mardi 9 novembre 2021, lors du "
    "salon Open Source Experience, au Palais des Congrès à Paris et une vingtaine de participants "
    "étaient réunis pour découvrir, lors d'un moment convivial, le palmarès de cette nouvelle "
    "édition.</p>",
    "<p>Après évaluation des dossiers, les candidatures ont été gradées du niveau 1 au niveau 5. "
    "Cette année, <b>trois candidats</b> ont obtenu le niveau 2, <b>dix candidats</b> ont réussi à "
    "décrocher le niveau 3 et <b>dix autres</b> ont atteint le niveau 4. Pour finir, <b>une "
    "collectivité</b> candidate s'est démarquée en accédant à l'excellent niveau 5 - la ville "
    "d'Abbeville, pour sa deuxième participation au label Territoire Numérique Libre.</p>",
    "<p>Le jury a également décerné <b>3 mentions spéciales</b> : « <i>Meilleure première "
    "candidature</i> » à la ville d'Échirolles, « <i>Plus petite collectivité</i> » à la ville de "
    "Lettret et ses 187 habitants, et « <i>Meilleure continuité</i> » à la ville de Mions qui se "
    "maintient au niveau 4 depuis 6 ans.</p>",
    "<p>Plus de détails sur les résultats de cette 6ème édition : "
    '<a href="/editions/2021/">Territoire Numérique Libre - Édition 2021</a></p>',
    '<p>Twitter : <a href="https://twitter.com/TerrNumLibre">@TerrNumLibre</a> '
    '<a href="https://twitter.com/hashtag/TNL2021">#TNL2021</a></p>',
]
CONTACT = {
    "name": "Camille TILLATTE",
    "role": "Chargée de Marketing et Relations Presse",
    "email": "camille.tillatte@adullact.org",
}
PDF_LINES = [
    "ADULLACT - Communique de presse",
    "Montpellier, le 9 decembre 2021",
    "Territoires Numeriques Libres 2021, les resultats sont la !",
    "24 candidatures ; niveau 2 : 3 ; niveau 3 : 10 ; niveau 4 : 10 ; niveau 5 : 1 (Abbeville).",
    "Mentions : Echirolles, Lettret, Mions.",
    "Contact : Camille TILLATTE - camille.tillatte@adullact.org",
]

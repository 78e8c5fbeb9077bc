from django.core.management.base import BaseCommand, CommandError

from home.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Restaure une archive de `manage.py backup` (base et fichiers) dans cette installation, "
        "qui doit être vide sauf avec --replace."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="remplace le contenu d'une base qui n'est pas vide",
        )

    def handle(self, archive, replace=False, **options):
        try:
            manifest = restore_backup(archive, replace=replace)
        except (BackupError, FileNotFoundError) as error:
            raise CommandError(str(error)) from error
        files = sum(len(names) for names in manifest["storages"].values())
        self.stderr.write(
            f"Sauvegarde du {manifest['created']} restaurée : base et {files} fichier(s)."
        )

from django.core.management.base import BaseCommand, CommandError

from home.backup import BackupError, create_backup


class Command(BaseCommand):
    help = (
        "Sauvegarde la base de données et tous les fichiers déposés (médias publics et pièces "
        "jointes privées des dossiers) dans une archive tnl-backup-<date>.tar.gz."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", nargs="?", default=".", help="dossier de l'archive")

    def handle(self, directory, **options):
        try:
            archive, manifest = create_backup(directory)
        except BackupError as error:
            raise CommandError(str(error)) from error
        files = sum(len(names) for names in manifest["storages"].values())
        self.stderr.write(f"Base {manifest['database']} et {files} fichier(s) sauvegardés.")
        return str(archive)

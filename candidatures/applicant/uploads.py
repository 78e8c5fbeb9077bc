"""Attachment checks: the type is read from the content (magic bytes), never from the name."""

import zipfile
import zlib

from django.utils.translation import gettext_lazy as _

from candidatures.models.attachment import MAX_ATTACHMENT_SIZE

ODF_TYPES = {
    b"application/vnd.oasis.opendocument.text": "application/vnd.oasis.opendocument.text",
    b"application/vnd.oasis.opendocument.spreadsheet": (
        "application/vnd.oasis.opendocument.spreadsheet"
    ),
}
EXTENSIONS = {
    "application/pdf": {".pdf"},
    "image/png": {".png"},
    "image/jpeg": {".jpg", ".jpeg"},
    "application/vnd.oasis.opendocument.text": {".odt"},
    "application/vnd.oasis.opendocument.spreadsheet": {".ods"},
}
MIMETYPE_MAX_BYTES = 128
ZIP_ERRORS = (
    zipfile.BadZipFile,
    IndexError,
    KeyError,
    RuntimeError,
    NotImplementedError,
    zlib.error,
    EOFError,
    OSError,
    ValueError,
)
ACCEPT = ".pdf,.odt,.ods,.png,.jpg,.jpeg"


class BadUpload(ValueError):
    pass


def sniff_content_type(uploaded):
    """The MIME type found in the file's first bytes, or None if it is none we accept."""
    uploaded.seek(0)
    head = uploaded.read(64)
    uploaded.seek(0)
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(uploaded) as archive:
                first = archive.infolist()[0]
                if first.filename == "mimetype":
                    # Read no more than the longest type we know (a zip bomb stays packed).
                    with archive.open(first) as entry:
                        return ODF_TYPES.get(entry.read(MIMETYPE_MAX_BYTES).strip())
        except ZIP_ERRORS:
            # Encrypted, unsupported compression, truncated or corrupt: not a document we take.
            return None
        finally:
            uploaded.seek(0)
    return None


def check_upload(uploaded):
    """Return the checked content type or raise BadUpload with a French message."""
    if uploaded.size > MAX_ATTACHMENT_SIZE:
        raise BadUpload(_("Le fichier « %(name)s » dépasse 10 Mo.") % {"name": uploaded.name})
    content_type = sniff_content_type(uploaded)
    if content_type is None:
        raise BadUpload(
            _("Le fichier « %(name)s » n'est pas un PDF, ODT, ODS, PNG ou JPEG valide.")
            % {"name": uploaded.name}
        )
    suffix = "." + uploaded.name.rsplit(".", 1)[-1].lower() if "." in uploaded.name else ""
    if suffix not in EXTENSIONS[content_type]:
        raise BadUpload(
            _("Le contenu du fichier « %(name)s » ne correspond pas à son extension.")
            % {"name": uploaded.name}
        )
    return content_type

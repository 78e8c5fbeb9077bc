"""Media on S3 for real: the production storage settings against an S3-compatible server.

moto's S3 server runs in a thread of the test process (``ThreadedMotoServer``, real HTTP on
127.0.0.1); ``cms.settings.base.s3_storages`` builds the "default" and "private" storages from the
same variables as production (``deploy/tnl.env.example``), pointed at it. The public bucket is
readable by anyone (a bucket policy, as ``docs/deployment.md`` asks); the private bucket is not:
its objects are reached only through signed URLs or the views that stream them.
"""

import io
import json
import urllib.error
import urllib.request

import boto3
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from moto.server import ThreadedMotoServer
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from candidatures.models import Attachment, Candidature
from candidatures.tests.applicant_helpers import (
    PDF,
    ensure_workflow,
    make_body,
    make_edition,
    make_questionnaire,
)
from cms.settings.base import s3_storages
from home.roles import APPLICANTS, EDITORS
from tests.people import PASSWORD, person

PUBLIC, PRIVATE = "tnl-media", "tnl-private"


@pytest.fixture(scope="module")
def s3_endpoint():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def s3(s3_endpoint, settings, monkeypatch):
    """Empty buckets on the S3 server, and the project's S3 storages pointed at them."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "tnl-test")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "tnl-test-secret")
    client = boto3.client("s3", endpoint_url=s3_endpoint, region_name="us-east-1")
    for bucket in (PUBLIC, PRIVATE):
        client.create_bucket(Bucket=bucket)
    public_read = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": f"arn:aws:s3:::{PUBLIC}/*",
            }
        ],
    }
    client.put_bucket_policy(Bucket=PUBLIC, Policy=json.dumps(public_read))
    settings.STORAGES = {
        **s3_storages(
            {
                "AWS_STORAGE_BUCKET_NAME": PUBLIC,
                "AWS_PRIVATE_BUCKET_NAME": PRIVATE,
                "AWS_S3_ENDPOINT_URL": s3_endpoint,
                "AWS_S3_REGION_NAME": "us-east-1",
            }
        ),
        "staticfiles": settings.STORAGES["staticfiles"],
    }
    # FileField(storage=callable) calls it once, when the model class is built (at startup in
    # production, with these settings): do again what startup does, for the overridden ones.
    field = Attachment._meta.get_field("file")
    monkeypatch.setattr(field, "storage", field._storage_callable())
    assert field.storage.bucket_name == PRIVATE
    yield client
    for bucket in (PUBLIC, PRIVATE):
        for item in client.list_objects_v2(Bucket=bucket).get("Contents", []):
            client.delete_object(Bucket=bucket, Key=item["Key"])
        client.delete_bucket(Bucket=bucket)


def keys(client, bucket):
    return sorted(item["Key"] for item in client.list_objects_v2(Bucket=bucket).get("Contents", []))


def fetch(url):
    """An anonymous GET, as a visitor's browser makes it: (status, body)."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (http on loopback)
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def png(width=320, height=200):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), (200, 40, 90)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.django_db
def test_editor_uploads_an_image_and_a_document_to_s3_and_renditions_land_there(s3, client):
    person("redactrice-s3", EDITORS)
    assert client.login(username="redactrice-s3", password=PASSWORD)

    # An image through the admin's upload form: the original goes to the public bucket.
    original = png()
    response = client.post(
        "/admin/images/add/",
        {"title": "Affiche", "file": SimpleUploadedFile("affiche.png", original, "image/png")},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    image = get_image_model().objects.get(title="Affiche")
    assert image.file.name in keys(s3, PUBLIC)
    assert image.file.name.startswith("original_images/")
    url = image.file.url
    assert url.startswith(f"{s3.meta.endpoint_url}/{PUBLIC}/original_images/") and "?" not in url
    assert fetch(url) == (200, original)

    # Renditions are made from the S3 original and written beside it, public as well.
    rendition = image.get_rendition("fill-160x100|format-webp")
    assert rendition.file.name in keys(s3, PUBLIC)
    status, body = fetch(rendition.url)
    assert status == 200 and body[:4] == b"RIFF" and body[8:12] == b"WEBP"
    assert PILImage.open(io.BytesIO(body)).size == (160, 100)
    # Asked again (another request, another process), the rendition is found, not remade.
    assert image.get_rendition("fill-160x100|format-webp").pk == rendition.pk
    assert len([k for k in keys(s3, PUBLIC) if k.startswith("images/")]) == 1

    # A document: stored on S3, served to an anonymous visitor by a redirect to the bucket.
    response = client.post(
        "/admin/documents/add/",
        {
            "title": "Règlement",
            "file": SimpleUploadedFile("reglement.pdf", PDF, "application/pdf"),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    document = get_document_model().objects.get(title="Règlement")
    assert document.file.name in keys(s3, PUBLIC)
    client.logout()
    response = client.get(document.url)
    assert response.status_code == 302
    assert response["Location"].startswith(f"{s3.meta.endpoint_url}/{PUBLIC}/documents/")
    assert fetch(response["Location"]) == (200, PDF)
    # Nothing of the editorial media lands in the private bucket.
    assert keys(s3, PRIVATE) == []


@pytest.mark.django_db
def test_applicant_attachment_stays_private_on_s3(s3, client):
    edition = make_edition()
    make_questionnaire(edition)
    ensure_workflow()
    applicant = person("candidate-s3@example.org", APPLICANTS)
    body = make_body(applicant)
    assert client.login(username="candidate-s3@example.org", password=PASSWORD)
    client.post(f"/espace-candidat/collectivites/{body.pk}/dossier/", {})
    candidature = Candidature.objects.get(collectivite=body)
    response = client.post(
        f"/espace-candidat/dossiers/{candidature.pk}/etapes/logiciels/",
        {
            "version": candidature.latest_revision_id,
            "postes": "12",
            "piece-deliberation": SimpleUploadedFile("deliberation.pdf", PDF, "application/pdf"),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    attachment = candidature.attachments.get()

    # The file is in the private bucket, under private/, never in the public one.
    stored = keys(s3, PRIVATE)
    assert stored == [f"private/{attachment.file.name}"]
    assert not any(key.endswith(attachment.file.name) for key in keys(s3, PUBLIC))

    # The bucket refuses an unsigned request; a URL of the storage is signed, for 5 minutes.
    endpoint = s3.meta.endpoint_url
    assert fetch(f"{endpoint}/{PRIVATE}/private/{attachment.file.name}")[0] == 403
    signed = attachment.file.url
    assert "X-Amz-Signature=" in signed and "X-Amz-Expires=300" in signed
    assert fetch(signed) == (200, PDF)

    # The applicant downloads it through the view (streamed from S3, a read logged)...
    download = client.get(f"/espace-candidat/pieces/{attachment.pk}/")
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    assert b"".join(download.streaming_content) == PDF

    # ... another body's applicant is refused, and so is a visitor.
    person("autre-s3@example.org", APPLICANTS)
    client.logout()
    assert client.get(f"/espace-candidat/pieces/{attachment.pk}/").status_code in (302, 403)
    assert client.login(username="autre-s3@example.org", password=PASSWORD)
    assert client.get(f"/espace-candidat/pieces/{attachment.pk}/").status_code in (403, 404)

    # Deleting the attachment from the dossier deletes the object.
    assert client.login(username="candidate-s3@example.org", password=PASSWORD)
    response = client.post(f"/espace-candidat/pieces/{attachment.pk}/supprimer/")
    assert response.status_code == 302
    assert keys(s3, PRIVATE) == []

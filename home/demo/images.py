"""Demo images and documents drawn with Pillow at load time (no download)."""

import io

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.documents.models import Document
from wagtail.images.models import Image

COLOR_NAMES = {"green": "verts", "orange": "orange", "blue": "bleus"}

PALETTE = {
    "green": ((11, 93, 59), (243, 246, 244)),
    "orange": ((179, 84, 30), (253, 241, 232)),
    "blue": ((26, 79, 214), (234, 240, 252)),
}


def _draw(color, size=(1200, 675), seed=1):
    fg, bg = PALETTE[color]
    img = PILImage.new("RGB", size, bg)
    draw = ImageDraw.Draw(img)
    width, height = size
    for i in range(6):
        radius = 60 + 35 * ((i * seed) % 5)
        x = (i * 211 * seed) % width
        y = (i * 137 + 80 * seed) % height
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), outline=fg, width=10)
    draw.rectangle((0, height - 40, width, height), fill=fg)
    return img


def alt_text(color):
    return f"Motif abstrait de cercles {COLOR_NAMES[color]}"


def demo_image(title, color="green", seed=1):
    image = Image.objects.filter(title=title).first()
    if image is None:
        buffer = io.BytesIO()
        _draw(color, seed=seed).save(buffer, "PNG")
        name = f"demo-{seed}-{color}.png"
        image = Image(title=title, description=alt_text(color))
        image.file = ImageFile(io.BytesIO(buffer.getvalue()), name=name)
        image.save()
    return image


def demo_pdf(title, lines):
    document = Document.objects.filter(title=title).first()
    if document is None:
        page = PILImage.new("RGB", (1240, 1754), "white")
        draw = ImageDraw.Draw(page)
        for number, line in enumerate(lines):
            draw.text((100, 120 + number * 40), line, fill="black")
        buffer = io.BytesIO()
        page.save(buffer, "PDF", resolution=150)
        document = Document(title=title)
        document.file = ContentFile(buffer.getvalue(), name="communique-tnl-2021.pdf")
        document.save()
    return document

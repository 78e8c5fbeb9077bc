"""Each image rendition encoded once per test process, not once per test.

Every ``{% picture %}`` asks Wagtail for AVIF, WebP and JPEG renditions at three widths, and
each test rolls back the rendition rows the previous one created, so every test that renders a
page with cards encoded them again: AVIF encoding alone was a quarter of the CPU of the
browser tests. The demo's images are the same bytes in every test; so are their renditions.
This keeps Wagtail's whole path (the rendition row, the file in storage, its size read from the
file) and reuses only the encoded bytes of a (source bytes, filter, focal point) already seen in
this process: the first encoding of each is Wagtail's and Pillow's own.
"""

import hashlib
from types import SimpleNamespace

from wagtail.images.models import Filter

_encoded = {}  # (source digest, filter spec, vary key) -> (bytes, format name)
_run = Filter.run


def _source_digest(image, source):
    if source is not None:
        position = source.tell()
        source.seek(0)
        data = source.read()
        source.seek(position)
    else:
        with image.open_file() as file:
            data = file.read()
    return hashlib.sha256(data).hexdigest()


def run(self, image, output, source=None):
    key = (_source_digest(image, source), self.spec, self.get_cache_key(image))
    if key not in _encoded:
        generated = _run(self, image, output, source=source)
        generated.f.seek(0)
        _encoded[key] = (generated.f.read(), generated.format_name)
        generated.f.seek(0)
        return generated
    data, format_name = _encoded[key]
    output.write(data)
    output.seek(0)
    return SimpleNamespace(f=output, format_name=format_name)

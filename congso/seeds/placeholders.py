"""Placeholder images for photos the seeds name but do not ship.

Each one shows the file name, the caption and a label saying it is a demo placeholder, so
nobody mistakes it for the agency's photo. They live in their own collection, keyed by title,
so a second import finds them instead of drawing them again.
"""

import io
import textwrap
from functools import cache
from pathlib import Path

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw, ImageFont
from wagtail.models import Collection

from congso.core.models import CongsoImage
from congso.core.text import fold

LABEL = "ẢNH MINH HỌA – DỮ LIỆU MẪU"
COLLECTION_NAME = "Dữ liệu mẫu"
SIZE = (960, 540)
BACKGROUND = (226, 232, 240)
FOREGROUND = (30, 41, 59)
BANNER = (185, 28, 28)
FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
)


@cache
def _font(size: int) -> tuple[ImageFont.FreeTypeFont | ImageFont.ImageFont, bool]:
    """A font with Vietnamese glyphs if the machine has one; else Pillow's, with folded text."""
    for candidate in FONT_CANDIDATES:
        if Path(candidate).exists():
            return ImageFont.truetype(candidate, size), True
    return ImageFont.load_default(size=size), False


def _text(value: str, size: int):
    font, has_vietnamese = _font(size)
    return font, value if has_vietnamese else fold(value)


def render_placeholder(filename: str, caption: str = "", size: tuple[int, int] = SIZE) -> bytes:
    """The picture itself; JPEG for .jpg names, PNG otherwise."""
    width, height = size
    picture = Image.new("RGB", size, BACKGROUND)
    draw = ImageDraw.Draw(picture)
    draw.rectangle([0, 0, width, 64], fill=BANNER)
    font, label = _text(LABEL, 30)
    draw.text((width // 2, 32), label, font=font, fill="white", anchor="mm")
    # A diagonal cross marks the picture area as empty, as wireframes do.
    draw.line([(0, 64), (width, height)], fill=(203, 213, 225), width=3)
    draw.line([(0, height), (width, 64)], fill=(203, 213, 225), width=3)
    font, name = _text(filename, 34)
    draw.text((width // 2, height // 2 - 40), name, font=font, fill=FOREGROUND, anchor="mm")
    if caption:
        font, text = _text(caption, 22)
        lines = textwrap.wrap(text, width=70)[:4]
        y = height // 2 + 20
        for line in lines:
            draw.text((width // 2, y), line, font=font, fill=FOREGROUND, anchor="mm")
            y += 30
    buffer = io.BytesIO()
    if filename.lower().endswith((".jpg", ".jpeg")):
        picture.save(buffer, format="JPEG", quality=82)
    else:
        picture.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def demo_collection() -> Collection:
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=COLLECTION_NAME).first()
    return existing or root.add_child(name=COLLECTION_NAME)


def placeholder_title(filename: str, owner: str) -> str:
    """Unique per article: two seeds may both ship an 'Anh-1.jpg'."""
    return f"{filename} ({owner})"[:255]


def get_or_create_placeholder(
    filename: str, caption: str, owner: str, alt: str = ""
) -> tuple[CongsoImage, bool]:
    title = placeholder_title(filename, owner)
    collection = demo_collection()
    existing = CongsoImage.objects.filter(collection=collection, title=title).first()
    if existing:
        return existing, False
    content = render_placeholder(filename, caption)
    image = CongsoImage(
        title=title,
        collection=collection,
        caption=caption[:500],
        description=(caption or alt)[:255],
        credit="Ảnh giữ chỗ do congso tạo (dữ liệu mẫu)",
        is_placeholder=True,
        file=ImageFile(io.BytesIO(content), name=_storage_name(filename)),
    )
    image.save()
    return image, True


def _storage_name(filename: str) -> str:
    path = Path(fold(filename))
    stem = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in path.stem) or "anh"
    return f"{stem}{path.suffix.lower() or '.png'}"

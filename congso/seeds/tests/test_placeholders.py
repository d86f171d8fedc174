"""Placeholder pictures: the right format and size, and the banner that marks them as demo."""

import io

from PIL import Image

from congso.seeds.placeholders import BANNER, SIZE, render_placeholder


def open_picture(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data))


def test_a_jpg_name_gives_a_jpeg_of_the_standard_size():
    picture = open_picture(render_placeholder("Anh-1.jpg", "Chú thích ảnh."))
    assert (picture.format, picture.size) == ("JPEG", SIZE)


def test_a_png_name_gives_a_png():
    assert open_picture(render_placeholder("kho-lua.png")).format == "PNG"


def test_the_picture_carries_the_red_demo_banner_across_its_top():
    picture = open_picture(render_placeholder("kho-lua.png")).convert("RGB")
    assert picture.getpixel((4, 4)) == BANNER
    assert picture.getpixel((SIZE[0] - 4, 4)) == BANNER

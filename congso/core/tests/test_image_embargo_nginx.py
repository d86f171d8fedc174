"""deploy/nginx.conf in front of the app, as in production: a published image is a file nginx
serves without the app; an unpublished one is asked of the app, which refuses a reader.

Needs nginx (`make bench-deps` installs it; NGINX=/path/to/nginx to use another binary);
skipped without it. Whether the app answered is told by Django's security headers, which
nginx's own answers do not carry.
"""

import os
import re
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest
import requests
from django.conf import settings

from congso.core import images
from congso.core.tests.factories import make_article
from congso.core.tests.test_image_embargo import upload

NGINX = os.environ.get("NGINX") or shutil.which("nginx") or "/usr/sbin/nginx"
DEPLOY = Path(settings.BASE_DIR) / "deploy"

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not os.access(NGINX, os.X_OK), reason="nginx is not installed"),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def site_config(tmp: Path, app: str, port: int) -> str:
    """deploy/nginx.conf with this machine's paths and ports, without TLS."""
    text = (DEPLOY / "nginx.conf").read_text()
    text = text.replace("/etc/nginx/snippets/", f"{tmp}/snippets/")
    text = text.replace("/srv/congso", f"{tmp}/srv")
    text = text.replace("/var/cache/nginx/congso", f"{tmp}/cache")
    text = text.replace("127.0.0.1:8000", app)
    text = text.replace("listen 443 ssl http2;", f"listen 127.0.0.1:{port};")
    text = text.replace("listen 80;", f"listen 127.0.0.1:{free_port()};")
    return "\n".join(
        line for line in text.splitlines() if not re.search(r"listen \[::\]|ssl_|letsencrypt", line)
    )


@pytest.fixture
def nginx(live_server, tmp_path):
    (tmp_path / "snippets").mkdir()
    for path in DEPLOY.glob("nginx-*.conf"):
        shutil.copy(path, tmp_path / "snippets" / path.name.replace("nginx-", "congso-"))
    (tmp_path / "srv").mkdir()
    (tmp_path / "srv" / "media").symlink_to(settings.MEDIA_ROOT)
    port = free_port()
    (tmp_path / "site.conf").write_text(
        site_config(tmp_path, live_server.url.removeprefix("http://"), port)
    )
    # Test folders are private to their owner: nginx's workers must run as that user too.
    user = "user root;" if os.geteuid() == 0 else ""
    (tmp_path / "nginx.conf").write_text(
        f"""{user}
pid {tmp_path}/nginx.pid;
error_log {tmp_path}/error.log;
events {{}}
http {{
    types {{ image/jpeg jpg; }}
    access_log off;
    client_body_temp_path {tmp_path}/body; proxy_temp_path {tmp_path}/proxy;
    fastcgi_temp_path {tmp_path}/fcgi; uwsgi_temp_path {tmp_path}/uwsgi;
    scgi_temp_path {tmp_path}/scgi;
    include {tmp_path}/site.conf;
}}
"""
    )
    command = [NGINX, "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")]
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    subprocess.run([*command, "-t"], check=True, **quiet)
    # In the foreground, as this test's own child: stopped with it, whatever happens.
    server = subprocess.Popen([*command, "-g", "daemon off;"], **quiet)
    wait_for_port(port)
    yield f"http://127.0.0.1:{port}"
    server.terminate()
    server.wait(timeout=10)


def wait_for_port(port: int) -> None:
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("nginx did not start")


@pytest.fixture
def draft(category):
    photo = upload()
    article = make_article(category, "Bài chưa công bố", publish=False, hero_image=photo)
    return article, photo


def get(base: str, url: str):
    return requests.get(base + url, headers={"Host": "127.0.0.1"}, timeout=10)


def answered_by_the_app(response) -> bool:
    return "X-Frame-Options" in response.headers


def test_nginx_asks_the_app_for_an_unpublished_photo_and_the_app_refuses(nginx, draft):
    _, photo = draft
    response = get(nginx, photo.get_rendition("width-900").url)
    assert response.status_code == 404
    assert answered_by_the_app(response)


def test_nginx_refuses_the_private_folder_itself(nginx, draft):
    _, photo = draft
    response = get(nginx, "/media/" + photo.file.name)
    assert response.status_code == 404
    assert not answered_by_the_app(response)


def test_nginx_serves_a_published_photo_as_a_file_without_the_app(nginx, draft):
    article, photo = draft
    url = photo.get_rendition("width-900").url
    article.save_revision().publish()
    photo.refresh_from_db()
    assert not images.is_private_name(photo.file.name)
    response = get(nginx, url)
    assert response.status_code == 200
    assert not answered_by_the_app(response)
    assert response.headers["Cache-Control"] == "max-age=2592000"

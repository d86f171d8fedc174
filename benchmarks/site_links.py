"""Every sitemap address, every RSS feed those pages link, and every item of those feeds, on
each site of a running demo, answer 200 on the served port and stay on their own site.

    PORT=8123 make demo        # in another terminal
    python3 benchmarks/site_links.py --port 8123

Requests go to 127.0.0.1 with each site's Host header (no /etc/hosts needed). Prints one line
per site and the failures; exits 1 if any. Figures: docs/benchmarks.md, "Sitemaps and feeds of
the two demo sites". Never run by the tests (it needs a served demo).
"""

import argparse
import re
import sys
import urllib.error
import urllib.request
from urllib.parse import urlsplit

FEED_LINK = re.compile(r"<link[^>]*application/rss\+xml[^>]*>")
HREF = re.compile(r'href="([^"]+)"')


def get(url: str) -> tuple[int, str]:
    """GET `url` from 127.0.0.1 on its port, with its host name as the Host header."""
    parts = urlsplit(url)
    query = f"?{parts.query}" if parts.query else ""
    request = urllib.request.Request(
        f"http://127.0.0.1:{parts.port or 80}{parts.path}{query}",
        headers={"Host": parts.netloc},
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 - http only
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, ""


def check_site(host: str, failures: list) -> str:
    status, body = get(f"http://{host}/sitemap.xml")
    if status != 200:
        failures.append((f"http://{host}/sitemap.xml", status))
    addresses = re.findall(r"<loc>(.*?)</loc>", body)
    off_site = [url for url in addresses if urlsplit(url).netloc != host]
    feeds = set()
    for url in addresses:
        status, html = get(url)
        if status != 200:
            failures.append((url, status))
        for tag in FEED_LINK.findall(html):
            href = HREF.search(tag)
            if href:
                link = href.group(1)
                feeds.add(link if link.startswith("http") else f"http://{host}{link}")
    items = 0
    for feed in sorted(feeds):
        status, xml = get(feed)
        if status != 200:
            failures.append((feed, status))
            continue
        for link in re.findall(r"<link>(.*?)</link>", xml):
            items += 1
            if urlsplit(link).netloc != host:
                off_site.append(link)
            item_status, _ = get(link)
            if item_status != 200:
                failures.append((link, item_status))
    failures.extend((url, "another site") for url in off_site)
    _, robots = get(f"http://{host}/robots.txt")
    sitemap_lines = [line for line in robots.splitlines() if line.startswith("Sitemap:")]
    return (
        f"{host}: {len(addresses)} sitemap addresses, {len(feeds)} feeds, {items} feed items, "
        f"{len(off_site)} on another site; robots.txt {sitemap_lines}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--port", type=int, default=8123)
    parser.add_argument("--hosts", nargs="*", default=["127.0.0.1", "xa-mau.localhost"])
    args = parser.parse_args()
    failures: list = []
    for name in args.hosts:
        print(check_site(f"{name}:{args.port}", failures))
    print(f"failures: {len(failures)}", *failures[:20], sep="\n  ")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

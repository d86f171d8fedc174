"""The signed token a page carries so the beacon knows which site and article it counts."""

import re

from django.core import signing

_SIGNER = signing.Signer(salt="congso.analytics.beacon")
_BOT = re.compile(r"bot|crawl|spider|slurp|preview|headlesschrome-monitor|uptime", re.IGNORECASE)


def make_token(site_id: int, article_id: int | None) -> str:
    return _SIGNER.sign(f"{site_id}:{article_id or 0}")


def read_token(token: str) -> tuple[int, int | None]:
    """Raises BadSignature or ValueError for anything we did not sign."""
    site_id, article_id = _SIGNER.unsign(token[:200]).split(":")
    return int(site_id), (int(article_id) or None)


def is_probably_bot(user_agent: str) -> bool:
    # Crawlers rarely run scripts, but the ones that do should not inflate "Lượt truy cập".
    return not user_agent or bool(_BOT.search(user_agent))

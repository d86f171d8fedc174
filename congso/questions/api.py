"""Filled in by issue 11, part 6 (content as web services)."""

from ninja import Router

router = Router()

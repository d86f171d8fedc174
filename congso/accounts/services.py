"""Citizen profiles: the one place that creates and changes them.

`profile_for` and `applicant_defaults` are what online filing calls to pre-fill a dossier's
applicant; the OIDC login fills the profile from the identity provider's claims.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from .models import CitizenProfile
from .validators import local_phone, normalize_id_number, normalize_phone


def profile_for(user) -> CitizenProfile:
    """The user's profile, created (empty, with the account's name) on first use."""
    try:
        return user.citizen_profile
    except CitizenProfile.DoesNotExist:
        pass
    try:
        with transaction.atomic():
            profile, _created = CitizenProfile.objects.get_or_create(
                user=user, defaults={"full_name": user.get_full_name()}
            )
    except IntegrityError:
        # A parallel request created it between the lookup and the insert.
        profile = CitizenProfile.objects.get(user=user)
    user.citizen_profile = profile
    return profile


def applicant_defaults(user) -> dict:
    """The applicant fields of a new dossier, as the citizen last gave them (phone as 0…)."""
    profile = profile_for(user)
    return {
        "name": profile.full_name or user.get_full_name(),
        "id_number": profile.id_number,
        "phone": local_phone(profile.phone),
        "email": user.email,
        "address": profile.address,
    }


def set_phone(user, phone: str, verified: bool = False) -> CitizenProfile:
    profile = profile_for(user)
    profile.phone = normalize_phone(phone) if phone else ""
    profile.phone_verified = verified
    try:
        with transaction.atomic():
            profile.save(update_fields=["phone", "phone_verified", "updated_at"])
    except IntegrityError:
        # Two signups with one number at the same moment: the first keeps it; the second
        # account is created without a phone (added later on the profile page), never a 500.
        profile.phone, profile.phone_verified = "", False
        profile.save(update_fields=["phone", "phone_verified", "updated_at"])
    return profile


def user_by_phone(phone: str):
    """The active account with this phone number, or None (also for badly typed numbers)."""
    try:
        normalized = normalize_phone(phone)
    except ValidationError:
        return None
    profile = (
        CitizenProfile.objects.select_related("user")
        .filter(phone=normalized, user__is_active=True)
        .first()
    )
    return profile.user if profile else None


def fill_from_claims(user, claims: dict) -> CitizenProfile:
    """Copy what an identity provider vouches for into the profile; bad values are skipped.

    The ID-number claim's name differs between providers (VNeID, provincial SSOs), so it is
    read from settings.OIDC_ID_NUMBER_CLAIM. A value the citizen already entered is replaced:
    the provider's is the verified one."""
    profile = profile_for(user)
    name = (claims.get("name") or "").strip() or " ".join(
        part for part in (claims.get("family_name"), claims.get("given_name")) if part
    )
    if name:
        profile.full_name = name[:255]
    id_claim = getattr(settings, "OIDC_ID_NUMBER_CLAIM", "id_number")
    if claims.get(id_claim):
        try:
            profile.id_number = normalize_id_number(claims[id_claim])
        except ValidationError:
            pass
    if claims.get("phone_number"):
        try:
            phone = normalize_phone(claims["phone_number"])
        except ValidationError:
            phone = ""
        if phone and not CitizenProfile.objects.filter(phone=phone).exclude(user=user).exists():
            profile.phone = phone
            profile.phone_verified = bool(claims.get("phone_number_verified"))
    address = claims.get("address")
    if isinstance(address, dict):
        address = address.get("formatted")
    if isinstance(address, str) and address.strip():
        profile.address = address.strip()[:500]
    profile.save()
    return profile

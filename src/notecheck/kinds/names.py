"""Comparing names: normalised company names and near-miss spellings of people's names."""

from __future__ import annotations

import re
import unicodedata

COMPANY_SUFFIXES = {
    "inc", "incorporated", "llc", "llp", "ltd", "limited", "corp", "corporation", "co", "company", "plc",
    "group", "gmbh", "ag", "sa", "the", "and", "of", "pc", "lp", "holdings",
}
GENERIC_ORGANISATION_WORDS = {
    "school", "schools", "district", "hospital", "health", "healthcare", "medical", "clinic", "center", "centre",
    "university", "college", "academy", "bank", "capital", "financial", "partners", "consulting", "services",
    "solutions", "systems", "technologies", "technology", "tech", "software", "labs", "lab", "studio", "studios",
    "international", "global", "national", "foods", "media", "design", "legal", "law", "insurance", "energy",
    "group", "industries", "associates", "agency", "foundation", "institute", "county", "city", "state", "new",
    "north", "south", "east", "west", "american", "united", "first", "community", "public", "library", "hotel",
    "dental", "dentistry", "veterinary", "vet", "pharmacy", "bakery", "kitchen", "restaurant", "cafe", "auto",
    "motors", "logistics", "construction", "realty", "properties", "property", "management", "marketing",
    "creative", "digital", "engineering", "manufacturing", "press", "publishing", "credit", "union", "trust",
    "savings", "investments", "wealth", "advisors", "accounting", "fitness", "salon", "spa", "care", "home", "homes",
    "senior", "living", "transit", "authority", "council", "association", "society", "church", "club",
    "hospitality", "hotels", "resorts", "travel", "farms", "market", "markets", "supply", "electric", "plumbing",
    "staffing", "recruiting", "talent", "animal", "shelter", "office", "inc", "partnership", "co-op", "works",
    "unified", "independent", "regional", "municipal", "metropolitan", "consolidated", "memorial", "general",
}
UMBRELLA_WORDS = {"district", "trust", "schools", "system", "network", "authority", "council", "board",
                  "federation", "county", "university", "health", "healthcare", "diocese", "consortium"}
SITE_WORDS = {"elementary", "academy", "school", "primary", "secondary", "high", "middle", "college", "hospital",
              "clinic", "campus", "library", "centre", "center", "branch", "station", "infirmary", "surgery"}
HONORIFICS = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "madam", "dame", "rev", "judge", "coach"}


def fold(text: str) -> str:
    """Lower case without accents, apostrophes or possessive 's."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"['\u2019]s\b", "", text)
    return re.sub(r"['\u2019]", "", text)


def company_tokens(name: str) -> list[str]:
    return [t for t in re.findall(r"[a-z0-9]+", fold(name).replace("&", " and ")) if t not in COMPANY_SUFFIXES]


def same_company(mentioned: str, known: str) -> bool:
    """True when ``mentioned`` plausibly names ``known`` ("Halden" for "Halden & Price LLP", "NW" not)."""
    said, ours = company_tokens(mentioned), company_tokens(known)
    if not said or not ours:
        return True
    if said == ours or set(said) <= set(ours) or set(ours) <= set(said):
        return True
    if (set(said) & set(ours)) - GENERIC_ORGANISATION_WORDS:
        return True  # "Oakridge Middle School" within "Oakridge School District"
    if set(ours) & UMBRELLA_WORDS and set(said) & SITE_WORDS:
        return True  # "Maple Hollow Elementary", one of the schools of "Pinecrest School District"
    initials = "".join(t[0] for t in ours)
    return len(said) == 1 and len(ours) > 1 and said[0] == initials


def person_tokens(name: str) -> list[str]:
    return [t for t in re.findall(r"[a-z]+(?:-[a-z]+)*", fold(name)) if t not in HONORIFICS and len(t) > 1]


def edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def near_miss(written: str, correct: str) -> bool:
    """A likely misspelling: close but not equal ("Nguyan"/"Nguyen", "Catherine"/"Katherine")."""
    a, b = fold(written), fold(correct)
    if a == b or min(len(a), len(b)) < 3:
        return False
    distance = edit_distance(a, b)
    return distance <= (1 if min(len(a), len(b)) <= 4 else 2)

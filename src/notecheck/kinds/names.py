"""Comparing names: normalised company names and near-miss spellings of people's names."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from notecheck.lexicon import Lexicon


def fold(text: str) -> str:
    """Lower case without accents, apostrophes or possessive 's."""
    return _fold(text)


@lru_cache(maxsize=4096)
def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"['\u2019]s\b", "", text)
    return re.sub(r"['\u2019]", "", text)


def company_tokens(name: str, lexicon: Lexicon) -> list[str]:
    suffixes = lexicon.words("company_suffixes")
    return [t for t in re.findall(r"[a-z0-9]+", fold(name).replace("&", " and ")) if t not in suffixes]


def same_company(mentioned: str, known: str, lexicon: Lexicon) -> bool:
    """True when ``mentioned`` plausibly names ``known`` ("Halden" for "Halden & Price LLP", "NW" not)."""
    said, ours = company_tokens(mentioned, lexicon), company_tokens(known, lexicon)
    if not said or not ours:
        return True
    if said == ours or set(said) <= set(ours) or set(ours) <= set(said):
        return True
    if (set(said) & set(ours)) - lexicon.words("organisation_words"):
        return True  # "Oakridge Middle School" within "Oakridge School District"
    if set(ours) & lexicon.words("umbrella_words") and set(said) & lexicon.words("site_words"):
        return True  # "Maple Hollow Elementary", one of the schools of "Pinecrest School District"
    initials = "".join(t[0] for t in ours)
    return len(said) == 1 and len(ours) > 1 and said[0] == initials


def person_tokens(name: str, lexicon: Lexicon) -> list[str]:
    honorifics = lexicon.words("honorifics")
    return [t for t in re.findall(r"[a-z]+(?:-[a-z]+)*", fold(name)) if t not in honorifics and len(t) > 1]


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

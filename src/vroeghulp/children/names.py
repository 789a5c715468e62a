"""Comparing names that are spelled differently: accents, prefixes (tussenvoegsels), typos."""

import re
import unicodedata
from difflib import SequenceMatcher

PREFIXES = {
    "van",
    "de",
    "der",
    "den",
    "het",
    "ter",
    "ten",
    "te",
    "in",
    "op",
    "t",
    "el",
    "al",
    "da",
    "di",
    "du",
    "le",
    "la",
    "von",
    "vd",
}
SIMILARITY = 0.8
# Spellings that sound the same in Dutch names.
SOUNDS_ALIKE = [
    ("ph", "f"),
    ("ij", "y"),
    ("ei", "y"),
    ("ck", "k"),
    ("c", "k"),
    ("z", "s"),
    ("th", "t"),
    ("dt", "t"),
    ("ou", "au"),
    ("ee", "e"),
    ("oo", "o"),
    ("uu", "u"),
]


def normalise(name: str) -> str:
    """Lower case, no accents, no prefixes, Dutch sound-alikes merged, doubled letters single."""
    text = unicodedata.normalize("NFKD", name.replace("ı", "i"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    words = [w for w in re.split(r"[^a-z]+", text) if w and w not in PREFIXES]
    text = "".join(words)
    for spelling, sound in SOUNDS_ALIKE:
        text = text.replace(spelling, sound)
    return re.sub(r"(.)\1+", r"\1", text)


def similar(a: str, b: str) -> bool:
    left, right = normalise(a), normalise(b)
    if not left or not right:
        return False
    return left == right or SequenceMatcher(None, left, right).ratio() >= SIMILARITY

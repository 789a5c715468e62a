"""A readability indication for Dutch plain language (aiming at B1), and jargon with alternatives.

It is a help for the writer, not a block: short sentences (at most 15 words on average) and few
long words (at most 10% of four syllables or more) read at B1 level.
"""

import re
from dataclasses import dataclass, field

MAX_AVERAGE_SENTENCE = 15
MAX_LONG_WORD_SHARE = 0.10
LONG_WORD_SYLLABLES = 4
VOWEL_GROUPS = re.compile(r"[aeiouyàáâäèéêëìíîïòóôöùúûü]+", re.IGNORECASE)
WORDS = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ'-]*")


def syllables(word: str) -> int:
    return max(1, len(VOWEL_GROUPS.findall(word)))


@dataclass(frozen=True)
class Readability:
    words: int
    average_sentence: float
    long_word_share: float
    jargon: list[tuple[str, str]] = field(default_factory=list)

    @property
    def plain(self) -> bool:
        return (
            self.average_sentence <= MAX_AVERAGE_SENTENCE
            and self.long_word_share <= MAX_LONG_WORD_SHARE
            and not self.jargon
        )


def assess(text: str, jargon: dict[str, str]) -> Readability:
    sentences = [s for s in re.split(r"[.!?]+(?:\s|$)|\n+", text) if WORDS.search(s)]
    words = WORDS.findall(text)
    if not words:
        return Readability(0, 0.0, 0.0)
    long_words = [w for w in words if syllables(w) >= LONG_WORD_SYLLABLES]
    lowered = text.lower()
    found = [
        (term, plain)
        for term, plain in sorted(jargon.items())
        if re.search(rf"(?<![\w-]){re.escape(term.lower())}(?![\w-])", lowered)
    ]
    return Readability(
        words=len(words),
        average_sentence=round(len(words) / max(1, len(sentences)), 1),
        long_word_share=round(len(long_words) / len(words), 2),
        jargon=found,
    )

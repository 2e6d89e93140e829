"""Arabic names to Latin letters for @ar-Latn labels and lookup.

Conventional spellings (translit.tsv) win: nobody writes "Mustafa al-Kazimi"
as a letter-by-letter rendering would. For the rest a simple, readable rule
set: consonants by a fixed table, long vowels from alef/waw/ya, the article as
"al-" (sun letters not assimilated), ta marbuta as "a". Short vowels are not
written in the source, so the result is a reasonable romanization, not a
reversible transliteration.
"""

from __future__ import annotations

import re

from kg.text import name_key, name_units, strip_diacritics

CONSONANTS = {
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r",
    "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "'", "غ": "gh",
    "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "ء": "'", "ئ": "'",
    "ؤ": "'", "پ": "p", "چ": "ch", "ڤ": "v", "گ": "g", "ک": "k", "ی": "y",
}
_ARABIC = re.compile(r"[\u0600-\u06FF]")


def _word(word: str) -> str:
    """One Arabic word to Latin letters: vowels where the script writes them, plus an "a" to break
    an unpronounceable cluster at either end of the word (Bghdad -> Baghdad, Ahmd -> Ahmad)."""
    prefix = ""
    if len(word) > 3 and word.startswith(("ال", "أل")):
        prefix, word = "al-", word[2:]
    units: list[tuple[str, bool]] = []  # (letters, is_vowel)
    for i, ch in enumerate(word):
        after_vowel = bool(units) and units[-1][1]
        if ch in "اأإآٱى":
            if i == 0:
                units.append(("i" if ch == "إ" else "a", True))
            elif not (units and units[-1][0] == "a"):
                units.append(("a", True))
        elif ch == "ة":
            units.append(("a", True))
        elif ch in "وي":
            consonant = i == 0 or after_vowel
            units.append(({"و": "w", "ي": "y"}[ch], False) if consonant else ({"و": "u", "ي": "i"}[ch], True))
        elif ch in CONSONANTS:
            units.append((CONSONANTS[ch], False))
        elif not _ARABIC.match(ch):
            units.append((ch, True))
    if len(units) >= 2 and not units[0][1] and not units[1][1]:
        units.insert(1, ("a", True))
    if len(units) >= 3 and not units[-1][1] and not units[-2][1]:
        units.insert(len(units) - 1, ("a", True))
    text = "".join(u for u, _ in units).replace("''", "'")
    text = re.sub(r"([aiu])\1+", r"\1", text).lstrip("'") or text
    return prefix + text


def rule_translit(name: str) -> str:
    """Rule-based romanization of a whole name, words capitalized (al- stays lower case)."""
    words = []
    for raw in strip_diacritics(name).split():
        if not _ARABIC.search(raw):
            words.append(raw)
            continue
        w = _word(raw)
        if w.startswith("al-") and len(w) > 3:
            w = "al-" + w[3:4].upper() + w[4:]
        else:
            w = w[:1].upper() + w[1:]
        words.append(w)
    words = [w if i == 0 or not w.startswith("Al-") else "al-" + w[3:] for i, w in enumerate(words)]
    out = " ".join(words)
    return out[:1].upper() + out[1:] if out else out


LATIN_ARTICLE = re.compile(r"^(?:al|el| al-|el-)\s*(?=[A-Z])|^(?:Al|El)[\s-](?=[A-Z])")


TAILS = {"الدين": "al-Din", "الله": "Allah"}  # صلاح الدين -> Salah al-Din, حمد الله -> Hamd Allah


def _unit_latin(unit: str, table: dict[str, str]) -> str:
    """One name word (or compound, عبد العزيز) to Latin: the table, the table without the article
    (الفيصل -> al- + Faisal), the table word by word inside a compound, else by rule."""
    key = name_key(unit)
    if key in table:
        latin = table[key]
    elif key.startswith("ال") and len(key) > 4 and key[2:] in table:
        latin = "al-" + LATIN_ARTICLE.sub("", table[key[2:]])
    elif " " in unit:  # a compound the table lacks: عبد المطلوب -> Abdul Matlub, أبو سهمين -> Abu Sahmin
        head, *rest = unit.split()
        tail = [LATIN_ARTICLE.sub("", _unit_latin(w, table)) for w in rest]
        tail = [t[3:] if t.lower().startswith("al-") else t for t in tail]
        tail = [TAILS.get(name_key(w)) or t[:1].upper() + t[1:] for w, t in zip(rest, tail)]
        first = {"عبد": "Abdul", "ابو": "Abu"}.get(name_key(head)) or _unit_latin(head, table)
        latin = " ".join([first, *tail])
    else:
        return rule_translit(unit)
    if key.startswith("ال") and len(key) > 3 and not latin.lower().startswith(("al", "el")):
        latin = "al-" + latin  # the table wrote the name without its article
    return LATIN_ARTICLE.sub("al-", latin) if key.startswith("ال") else latin


def transliterate(name: str, table: dict[str, str] | None = None) -> str:
    """Latin form of an Arabic name: the usual spelling from ``table`` (name keys, kg.text.name_key, to
    Latin) for the whole name; else composed from the longest runs of its words the table knows (a
    known first name + a known family name: جون + كيري), with the rule-based romanization for the
    words it does not know."""
    if not _ARABIC.search(name):
        return name
    table = table or {}
    key = name_key(name)
    if key in table:
        return table[key]
    units = name_units(strip_diacritics(name))
    keys = [name_key(u) for u in units]
    parts: list[str] = []
    i = 0
    while i < len(units):
        for n in range(min(4, len(units) - i), 1, -1):
            latin = table.get(" ".join(keys[i:i + n]))
            if latin:
                break
        else:
            n, latin = 1, _unit_latin(units[i], table)
        if parts and latin.startswith(("Al-", "El-")) and keys[i].startswith("ال"):
            latin = "al-" + latin[3:]
        parts.append(latin)
        i += n
    out = " ".join(parts)
    return out[:1].upper() + out[1:]

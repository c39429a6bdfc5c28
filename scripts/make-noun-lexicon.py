#!/usr/bin/env python3
"""Builds the linter's Dutch noun lexicon from LiNT-II's semantic noun types.

Source: the PyPI package `lint-ii` (LiNT-II, readability for Dutch, EUPL-1.2, by Jenia Kim and
colleagues), file `lint_ii/linguistic_data/data/nouns_sem_types_*.parquet`: about 165,000 Dutch
nouns, each with a semantic type and a super type (concrete, abstract, undefined).

Output: `Sources/CasusLint/Rules/nl/lexicon/zelfstandige-naamwoorden.txt`: one lower-case word per
line, a tab, and its kind, in byte order (the linter searches the file as it is):
    a   abstract nouns (LiNT-II's nondynamic, dynamic_abstr, substance_abstr)
    c   concrete nouns (human, artefact, place, time, measure, food, ...)
    i   institutions (gemeente, overheid, UWV): actors in a case story, not abstractions
Dutch compounds take the type of their head (the last part), so a word is only written when the
linter could not tell its type from the longest shorter ending that is in the file: the file is a
third of the source's size and the linter's look-up (`NounLexicon`) gives every source word its type.
Words LiNT-II marks `undefined` or with mixed types are left out; the linter falls back on its
suffix rules for them.

Usage: pip install --no-deps lint-ii; pip install pyarrow; python3 scripts/make-noun-lexicon.py [parquet file]
"""
import glob
import os
import sys

import pyarrow.parquet as pq

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "Sources", "CasusLint", "Rules", "nl", "lexicon", "zelfstandige-naamwoorden.txt")
# A compound's head is found only as an ending of at least 4 characters after at least 3 others,
# so that short verb and adjective endings ("-te", "-end") are never mistaken for nouns.
SHORTEST_HEAD = 4
SHORTEST_MODIFIER = 3


def source_file():
    if len(sys.argv) > 1:
        return sys.argv[1]
    import importlib.util

    # Found without importing lint_ii, which would load spaCy and its models.
    spec = importlib.util.find_spec("lint_ii")
    if spec is None:
        sys.exit("lint-ii is not installed: pip install --no-deps lint-ii pyarrow")
    package = list(spec.submodule_search_locations)[0]
    found = sorted(glob.glob(os.path.join(package, "linguistic_data", "data", "nouns_sem_types_*.parquet")))
    if not found:
        sys.exit("no nouns_sem_types_*.parquet in the lint-ii package")
    return found[-1]


def kind(row):
    sem, super_type = row["sem_type"], row["super_sem_type"]
    if ";" in sem:
        return None
    if sem == "institut":
        return "i"
    return {"abstract": "a", "concrete": "c"}.get(super_type)


def look_up(word, kept):
    """The linter's rule: the word itself, else its longest ending that is a head (see above)."""
    if word in kept:
        return kept[word]
    for start in range(SHORTEST_MODIFIER, len(word) - SHORTEST_HEAD + 1):
        if word[start:] in kept:
            return kept[word[start:]]
    return None


def main():
    path = source_file()
    words = {}
    for row in pq.read_table(path).to_pylist():
        word = (row["word"] or "").strip().lower()
        k = kind(row)
        if k and word and " " not in word and "'" not in word and "(" not in word:
            words[word] = k
    kept = {}
    # Shorter words first: a word's look-up only reads shorter endings, so each decision is final.
    for word in sorted(words, key=lambda w: (len(w), w)):
        if look_up(word, kept) != words[word]:
            kept[word] = words[word]
    wrong = [w for w in words if look_up(w, kept) != words[w]]
    assert not wrong, wrong[:10]
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as out:
        out.write("# Zelfstandige naamwoorden met hun soort, afgeleid uit LiNT-II (lint-ii op PyPI, EUPL-1.2),\n")
        out.write(f"# bestand {os.path.basename(path)}; gemaakt met scripts/make-noun-lexicon.py. Niet met de hand\n")
        out.write(f"# bewerken: uitzonderingen voor casusverhalen staan in _taal.yml (concreteNouns).\n")
        out.write(f"# {len(words)} woorden in de bron, {len(kept)} hier; de rest volgt uit de kop van de samenstelling.\n")
        out.write("# Per regel: woord, tab, soort (a abstract, c concreet, i instantie), op bytevolgorde.\n")
        for word in sorted(kept, key=lambda w: w.encode("utf-8")):
            out.write(f"{word}\t{kept[word]}\n")
    print(f"{len(words)} nouns read from {os.path.basename(path)}; {len(kept)} written to {os.path.relpath(OUT)}")


if __name__ == "__main__":
    main()

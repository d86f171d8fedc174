"""Would word segmentation (pyvi) be a better search token than syllable bigrams?

The index stores folded syllables plus adjacent-syllable bigrams (congso/search/analysis.py).
Word segmentation only helps if the words found in a document (written with diacritics) are
the same words found in a query, and most readers type without diacritics. This probe
measures exactly that, plus what segmentation costs at indexing time.

It runs in its own venv, because pyvi pulls scikit-learn and must not enter the project:

    python3 -m venv /tmp/pyvi-venv && /tmp/pyvi-venv/bin/pip install pyvi
    /tmp/pyvi-venv/bin/python benchmarks/segmentation_probe.py

It imports neither Django nor congso (neither is installed there): the judged queries are
read as JSON and folding is re-implemented below the same way congso.core.text.fold does it.
Output: one JSON line per measurement, then a summary line.
"""

import ast
import importlib.metadata
import importlib.util
import json
import random
import re
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
JUDGED = HERE / "search_judged.json"
SYNTHETIC = HERE.parent / "congso/news/management/commands/_synthetic_vi.py"
DOC_CHARS = 2_500  # a typical article body on the portal
PROJECT_DOCS = 100_000
TIMED_DOCS = 200

# pyvi joins the syllables of a word with "_" and separates punctuation with spaces; only
# tokens made of letters/digits are syllables, so punctuation never shifts the indices.
_SYLLABLE = re.compile(r"[^\W_]+")
_D_MAP = str.maketrans({"Đ": "D", "đ": "d", "Ð": "D"})


def fold_lower(text: str) -> str:
    """What the index does to text: NFD, drop combining marks, đ -> d, lower case."""
    text = unicodedata.normalize("NFD", text.translate(_D_MAP))
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    return unicodedata.normalize("NFC", text).lower()


def words(tokenize, text: str) -> list[list[str]]:
    """pyvi's segmentation as a list of words, each a list of syllables."""
    out = []
    for token in tokenize(text).split():
        syllables = [s for s in token.split("_") if _SYLLABLE.fullmatch(s)]
        if syllables:
            out.append(syllables)
    return out


def boundaries(segmented: list[list[str]]) -> set[int]:
    """Syllable indices at which a word starts: two segmentations agree iff these match."""
    starts, i = set(), 0
    for word in segmented:
        starts.add(i)
        i += len(word)
    return starts


def spans(segmented: list[list[str]]) -> set[tuple[int, int]]:
    """(start, length) of every multi-syllable word: the tokens a word index would store."""
    out, i = set(), 0
    for word in segmented:
        if len(word) > 1:
            out.add((i, len(word)))
        i += len(word)
    return out


def emit(name: str, **figures) -> dict:
    print(json.dumps({"measure": name, **figures}, ensure_ascii=False), flush=True)
    return figures


def consistency(tokenize, name: str, texts: list[str], lower_original: bool) -> dict:
    """Segment each text as written and folded; compare word boundaries and word spans.

    With lower_original the accented side is lower-cased too, which separates the effect of
    the missing diacritics from that of the missing capitals (pyvi's features use both)."""
    agree = misaligned = 0
    kept = total_words = 0
    disagreements = []
    for text in texts:
        original = text.lower() if lower_original else text
        accented, folded = words(tokenize, original), words(tokenize, fold_lower(text))
        flat_a = [fold_lower(s) for w in accented for s in w]
        flat_f = [s for w in folded for s in w]
        if flat_a != flat_f:  # should not happen: folding keeps syllables one for one
            misaligned += 1
            continue
        if boundaries(accented) == boundaries(folded):
            agree += 1
        elif len(disagreements) < 8:
            disagreements.append(
                [" ".join("_".join(w) for w in accented), " ".join("_".join(w) for w in folded)]
            )
        # Word recall: of the words found with diacritics (document side), how many does
        # the folded text (what readers type) produce identically?
        a_spans = spans(accented)
        total_words += len(a_spans)
        kept += len(a_spans & spans(folded))
    compared = len(texts) - misaligned
    return emit(
        name,
        texts=len(texts),
        compared=compared,
        boundaries_agree=agree,
        agree_pct=round(100 * agree / compared, 1) if compared else None,
        multi_syllable_words_accented=total_words,
        same_words_when_folded=kept,
        word_recall_pct=round(100 * kept / total_words, 1) if total_words else None,
        misaligned=misaligned,
        examples_accented_vs_folded=disagreements,
    )


def unaccented_queries(tokenize, queries: list[str]) -> dict:
    """For queries typed without diacritics: does pyvi find any words at all?"""
    with_word = syllables = in_words = n_words = 0
    examples = []
    for q in queries:
        seg = words(tokenize, q)
        multi = [w for w in seg if len(w) > 1]
        syllables += sum(len(w) for w in seg)
        in_words += sum(len(w) for w in multi)
        n_words += len(multi)
        with_word += bool(multi)
        if len(examples) < 8:
            examples.append(" ".join("_".join(w) for w in seg))
    return emit(
        "unaccented_queries",
        queries=len(queries),
        queries_with_a_multi_syllable_word=with_word,
        multi_syllable_words=n_words,
        syllables=syllables,
        syllables_inside_multi_syllable_words=in_words,
        pct_syllables_in_words=round(100 * in_words / syllables, 1) if syllables else None,
        examples=examples,
    )


def bigram_coverage(tokenize, texts: list[str]) -> dict:
    """Every adjacent pair is indexed as a bigram, so a 2-syllable word is one bigram token;
    a word of 3+ syllables is only reachable as a chain of n-1 bigrams (not one token)."""
    lengths: Counter[int] = Counter()
    long_words = set()
    for text in texts:
        for w in words(tokenize, text):
            if len(w) > 1:
                lengths[len(w)] += 1
                if len(w) > 2:
                    long_words.add("_".join(w))
    total = sum(lengths.values())
    return emit(
        "bigram_coverage",
        multi_syllable_words=total,
        by_syllables={str(k): v for k, v in sorted(lengths.items())},
        two_syllable_single_bigram=lengths[2],
        three_plus_syllable_chain_of_bigrams=total - lengths[2],
        pct_single_bigram=round(100 * lengths[2] / total, 1) if total else None,
        three_plus_examples=sorted(long_words)[:10],
    )


def synthetic_module():
    """_synthetic_vi.py may only be loaded here if it needs nothing from Django or congso."""
    tree = ast.parse(SYNTHETIC.read_text("utf-8"))
    imported = set()
    for node in tree.body:
        if isinstance(node, ast.Import):
            imported.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            imported.add((node.module or "").split(".")[0])
    foreign = sorted(imported - set(sys.stdlib_module_names))
    if foreign:
        return None, f"{SYNTHETIC.name} imports {', '.join(foreign)}: not loadable standalone"
    spec = importlib.util.spec_from_file_location("_synthetic_vi", SYNTHETIC)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module, "synthetic articles"


def corpus(judged: dict, docs: int) -> tuple[list[str], str]:
    """`docs` documents of ~DOC_CHARS characters of realistic Vietnamese."""
    module, source = synthetic_module()
    if module is not None and hasattr(module, "article_text"):
        text = " ".join(module.article_text(random.Random(1)) for _ in range(docs * 2))
    else:
        # Fallback: the judged targets (portal-style titles and bodies), shuffled paragraphs
        # repeated, so the text is real portal phrasing rather than one string copied.
        paragraphs = [t["title"] + ". " + t["body"] for t in judged["targets"]]
        rng = random.Random(1)
        chunks = []
        while sum(map(len, chunks)) < docs * DOC_CHARS * 1.1:
            rng.shuffle(paragraphs)
            chunks.extend(paragraphs)
        text = " ".join(chunks)
        source += "; used judged target titles+bodies, shuffled and repeated"
    out, start = [], 0
    while len(out) < docs:
        end = text.rfind(" ", start, start + DOC_CHARS)
        end = end if end > start else start + DOC_CHARS
        out.append(text[start:end])
        start = end + 1
    return out, source


def bigram_tokens(text: str) -> list[str]:
    """The current scheme, reduced to its core (fold, split, adjacent pairs), as a baseline."""
    tokens = _SYLLABLE.findall(fold_lower(text))
    return tokens + [a + b for a, b in zip(tokens, tokens[1:], strict=False)]


def speed(tokenize, judged: dict) -> dict:
    docs, source = corpus(judged, TIMED_DOCS)
    syllables = sum(len(_SYLLABLE.findall(d)) for d in docs)
    started = time.perf_counter()
    segmented = [words(tokenize, d) for d in docs]
    pyvi_s = time.perf_counter() - started
    started = time.perf_counter()
    bigrams = [bigram_tokens(d) for d in docs]
    bigram_s = time.perf_counter() - started
    per_doc_ms = 1000 * pyvi_s / len(docs)
    word_tokens = sum(sum(len(w) > 1 for w in seg) for seg in segmented)
    bigram_count = sum(len(b) for b in bigrams) - syllables
    return emit(
        "speed",
        corpus=source,
        documents=len(docs),
        avg_chars=round(sum(map(len, docs)) / len(docs)),
        syllables=syllables,
        pyvi_syllables_per_s=round(syllables / pyvi_s),
        pyvi_ms_per_doc=round(per_doc_ms, 2),
        pyvi_projected_100k_docs_min=round(per_doc_ms * PROJECT_DOCS / 60_000, 1),
        bigram_ms_per_doc=round(1000 * bigram_s / len(docs), 3),
        bigram_projected_100k_docs_min=round(bigram_s / len(docs) * PROJECT_DOCS / 60, 2),
        pyvi_over_bigram_cost=round(pyvi_s / bigram_s, 1),
        # Index size: extra tokens per document each scheme adds on top of the syllables.
        bigrams_per_doc=round(bigram_count / len(docs)),
        multi_syllable_words_per_doc=round(word_tokens / len(docs)),
    )


def main() -> None:
    judged = json.loads(JUDGED.read_text("utf-8"))
    started = time.perf_counter()
    from pyvi import ViTokenizer  # loads the CRF model (pickled) on import

    tokenize = ViTokenizer.tokenize
    tokenize("khởi động")  # first call finishes lazy setup; keep it out of the timings
    load_s = time.perf_counter() - started
    version = importlib.metadata.version("pyvi")
    emit("setup", pyvi=version, python=sys.version.split()[0], model_load_s=round(load_s, 2))

    queries = [q["q"] for q in judged["queries"]]
    accented = [q for q in queries if fold_lower(q) != q.lower()]
    unaccented = [q for q in queries if fold_lower(q) == q.lower()]
    titles = [t["title"] for t in judged.get("targets", [])]

    q_case = consistency(tokenize, "consistency_queries", accented, lower_original=False)
    q_lower = consistency(tokenize, "consistency_queries_lowercased", accented, True)
    t_case = consistency(tokenize, "consistency_titles", titles, lower_original=False)
    t_lower = consistency(tokenize, "consistency_titles_lowercased", titles, True)
    plain = unaccented_queries(tokenize, unaccented)
    cover = bigram_coverage(tokenize, accented + titles)
    timing = speed(tokenize, judged)

    print(
        json.dumps(
            {
                "measure": "summary",
                "pyvi": version,
                "accented_queries": len(accented),
                "unaccented_queries": len(unaccented),
                "titles": len(titles),
                "query_boundary_agree_pct": q_case["agree_pct"],
                "query_word_recall_folded_pct": q_case["word_recall_pct"],
                "query_word_recall_folded_lowercased_pct": q_lower["word_recall_pct"],
                "title_boundary_agree_pct": t_case["agree_pct"],
                "title_word_recall_folded_pct": t_case["word_recall_pct"],
                "title_word_recall_folded_lowercased_pct": t_lower["word_recall_pct"],
                "unaccented_queries_with_a_word": plain["queries_with_a_multi_syllable_word"],
                "unaccented_pct_syllables_in_words": plain["pct_syllables_in_words"],
                "words_single_bigram_pct": cover["pct_single_bigram"],
                "words_3plus_syllables": cover["three_plus_syllable_chain_of_bigrams"],
                "pyvi_ms_per_2500_char_doc": timing["pyvi_ms_per_doc"],
                "pyvi_100k_docs_min_one_core": timing["pyvi_projected_100k_docs_min"],
                "bigram_100k_docs_min_one_core": timing["bigram_projected_100k_docs_min"],
            },
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()

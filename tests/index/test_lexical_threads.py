"""Keyword terms from several threads at once (the search thread and the cache warmer do this)."""
import random
import threading

from index import lexical


def test_stemming_from_threads_at_once_gives_the_serial_stems():
    rng = random.Random(3)
    letters = "abcdefghijklmnoprstuvw"
    suffixes = ["ment", "ness", "ation", "ing", "ed", "ful", "ive", "ize", "ement", "ational"]
    words = list({"".join(rng.choices(letters, k=rng.randint(3, 9))) + rng.choice(suffixes) for _ in range(60_000)})
    hindi = [w + s for w in ("विक्रेता", "प्रोफाइल", "सरकार", "मंत्रालय") for s in ("ओं", "ों", "ाएं", "ी", "े")]
    expected = {w: lexical._stemmer("hindi" if w in hindi else "english").stemWord(w) for w in words + hindi}
    lexical._stem.cache_clear()
    errors, got = [], {}

    def run(part):
        try:
            for w in part:
                got[w] = lexical._stem(w)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(words[i::4] + hindi,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    lexical._stem.cache_clear()
    assert not errors
    assert got == expected

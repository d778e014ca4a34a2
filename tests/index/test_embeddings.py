"""The embedders the index uses: normalised vectors, prompts applied, bfloat16 passages faithful.

`embedder` is the path `auto` chose on this machine; `torch_embedder` is the float32 reference.
"""
import gc
import os
import threading
import weakref

import numpy as np
import pytest

SENTENCES = [
    "राज्य के 86,000 से ज्यादा विक्रेताओं ने इस प्लेटफॉर्म पर अपनी प्रोफाइल पूरी कर ली है।",
    "The gross GST revenue collected in the month of February, 2020 is ₹ 1,05,366 crore.",
    "EPFO ने अप्रैल और मई 2020 में 52.62 लाख ग्राहकों के केवाईसी अपडेट किए।",
    "India Meteorological Department issued its long range forecast with a model error of ± 4%.",
]


@pytest.mark.parametrize("which", ["embedder", "torch_embedder"])
def test_vectors_are_normalised_and_prompted(request, which):
    embedder = request.getfixturevalue(which)
    q = embedder.encode_queries(SENTENCES)
    p = embedder.encode_passages(SENTENCES)
    assert q.shape == p.shape == (4, embedder.dim) and q.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(p, axis=1), 1.0, atol=1e-5)
    # "query: " and "passage: " prompts make the two encodings of one text differ, a little.
    cos = (q * p).sum(1)
    assert np.all(cos < 0.9999) and np.all(cos > 0.85)
    assert embedder.encode_passages([]).shape == (0, embedder.dim)
    assert embedder.encode_queries([]).shape == (0, embedder.dim)


def test_bfloat16_passages_match_float32(torch_embedder):
    embedder = torch_embedder
    was = embedder.bf16
    try:
        embedder.bf16 = False
        exact = embedder.encode_passages(SENTENCES)
        embedder.bf16 = True  # runs on any CPU (slowly without native bfloat16)
        fast = embedder.encode_passages(SENTENCES)
    finally:
        embedder.bf16 = was
    assert (fast * exact).sum(1).min() >= 0.999


@pytest.mark.parametrize(("flags", "vendor", "pays"), [
    ({"avx512_bf16", "amx_bf16", "amx_tile"}, "GenuineIntel", True),  # AMX tiles
    ({"avx512_bf16"}, "GenuineIntel", False),  # issue 15's Xeon: 0.67x float32
    ({"avx512_bf16"}, "AuthenticAMD", True),  # an EPYC without AMX: 2.5x
    ({"avx2", "avx512f"}, "AuthenticAMD", False),  # no bfloat16 products at all
])
def test_bfloat16_only_where_it_was_measured_to_pay(monkeypatch, flags, vendor, pays):
    from index import embeddings

    monkeypatch.setattr(embeddings, "cpu_flags", lambda: frozenset(flags))
    monkeypatch.setattr(embeddings, "cpu_vendor", lambda: vendor)
    assert embeddings.bf16_pays() is pays



def test_an_embedder_let_go_is_freed_with_its_threads(model_path, settings):
    """A service made again (the CLI's every command, a test's every index) must not keep the last
    one's model: 750 MB of RSS each, which a long test run piled up to 18 GB."""
    from bot.service import load_embedder

    before = set(threading.enumerate())
    embedder = load_embedder(settings)
    embedder.encode_queries(SENTENCES[:1])  # starts the question thread
    embedder.submit_alongside(embedder.encode_queries, SENTENCES[:1]).result()  # and the one beside it
    threads = [t for t in threading.enumerate()
               if t not in before and t.name.startswith(("encode-questions", "encode-alongside"))]
    assert threads
    gone = weakref.ref(embedder)
    del embedder
    gc.collect()
    assert gone() is None
    for thread in threads:
        thread.join(timeout=5)
    assert not any(t.is_alive() for t in threads)


def test_a_searchs_question_is_encoded_alongside_it_by_the_model_itself(embedder):
    """A search runs on the question thread and hands its question to the thread beside it, which runs
    the model there and then: were it to wait on the question thread, busy with that very search, it
    would wait for ever. With two cores the two threads are two."""
    def search():
        soon = embedder.submit_alongside(lambda: (threading.get_ident(), embedder.encode_queries(SENTENCES[:1])))
        return threading.get_ident(), soon

    here, soon = embedder.run_beside_queries(search)
    there, vectors = soon.result(timeout=120)
    np.testing.assert_array_equal(vectors, embedder.encode_queries(SENTENCES[:1]))
    assert (there != here) is (len(os.sched_getaffinity(0)) >= 2)

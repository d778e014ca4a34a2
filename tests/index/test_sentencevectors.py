"""Sentence vectors for the answer sentence: shipped for the bundled corpus, kept by ingest in the
index's folder, encoded when first needed otherwise; a file of another model, or a broken one, is
passed over, never fatal."""
import logging
from pathlib import Path

import numpy as np

from corpus import Release
from index.knownvectors import KnownVectors, VectorsStamp, text_key
from index.pipeline import Indexer, open_store
from index.segment import Segmenter, passages_of
from index.sentencevectors import (INDEX_FILE, SHIPPED_SENTENCES, KeptSentences, SentenceVectors,
                                   keep_rebuilt_sentences, model_stamp, sentence_texts)

SENTENCES = ["Spicejet operated 153 cargo flights from 24 March – 3 April 2020.",
             "Out of these 44 were international cargo flights.",
             "स्पाइसजेट ने 153 कार्गो उड़ानें संचालित कीं।"]


def test_the_shipped_file_is_stamped_for_the_prepared_model_and_is_what_it_encodes_now(embedder):
    # Fails when the model changes and `vigyapti model bundle-vectors --sentences` was not run again.
    assert KnownVectors.read_stamp(SHIPPED_SENTENCES) == model_stamp(embedder)
    assert SHIPPED_SENTENCES.stat().st_size < 10_000_000
    from corpus.readers import bundled_corpus_dir, read_paths

    releases = list(read_paths([bundled_corpus_dir()], langs={"hi", "en"}))[::97]
    seg = Segmenter()
    texts = [t for r in releases for p in passages_of(r.release_id, r.lang, r.text, seg)
             for t in sentence_texts(p.text, p.lang)][:200]
    shipped = SentenceVectors(embedder)
    got = shipped.vectors(texts)
    assert shipped.encoded == 0  # every one was shipped
    fresh = embedder.encode_passages(texts)
    cos = (got * fresh).sum(axis=1)
    # made by the float32 path; any path of the model serves (an int8 one differs by a little more)
    assert cos.min() >= (0.999 if embedder.encoder == "onnx-fp32" else 0.97), cos.min()


def test_every_path_of_the_model_uses_the_shipped_file(model_path):
    # int8 on Intel without AMX, torch bf16 passages with AMX: the weights decide, not the path
    from index.encoders import load_embedder

    shipped = KnownVectors.read_stamp(SHIPPED_SENTENCES)
    for encoder in ("onnx-fp32", "onnx-int8", "torch"):
        assert model_stamp(load_embedder(model_path, name="multilingual-e5-small", encoder=encoder)) == shipped


def test_a_sentence_held_nowhere_is_encoded_once_and_kept_in_the_index_folder(embedder, tmp_path):
    path = tmp_path / INDEX_FILE
    first = SentenceVectors(embedder, path, shipped=())
    v = first.vectors(SENTENCES + SENTENCES[:1])
    assert first.encoded == 3 and np.allclose(v[0], v[3])
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    # the embedder's own vectors; by cosine, since torch bf16 (an AMX CPU's passage path) rounds a
    # sentence differently in a batch of another length
    assert (v * embedder.encode_passages(SENTENCES + SENTENCES[:1])).sum(axis=1).min() > 0.9999
    first.vectors(SENTENCES[:2])
    assert first.encoded == 3 and path.exists()  # kept as they were encoded
    again = SentenceVectors(embedder, path, shipped=())
    w = again.vectors(SENTENCES)
    assert again.encoded == 0
    assert (w * v[:3]).sum(axis=1).min() > 0.9999  # int8 on disk: a cosine moves by under 1e-4
    first.close()
    again.close()


def test_a_server_finds_what_an_ingest_beside_it_kept_without_encoding_it(embedder, tmp_path):
    path = tmp_path / INDEX_FILE
    server = SentenceVectors(embedder, path, shipped=())
    server.vectors(SENTENCES[2:])  # open, with the file as it was
    ingest = SentenceVectors(embedder, path, shipped=())
    ingest.vectors(SENTENCES[:2])
    server.vectors(SENTENCES)
    assert server.encoded == 1 and ingest.encoded == 2


def test_a_file_of_another_model_is_emptied_and_a_broken_one_replaced(embedder, tmp_path, caplog):
    path = tmp_path / INDEX_FILE
    other = VectorsStamp('{"model": "another"}', '{"unit": "sentence"}', embedder.dim)
    KeptSentences(path, other).put_many({text_key(SENTENCES[0]): np.ones(embedder.dim, dtype=np.float32)})
    caplog.set_level(logging.INFO, logger="vigyapti")
    sv = SentenceVectors(embedder, path, shipped=())
    v = sv.vectors(SENTENCES[:1])
    assert sv.encoded == 1 and v[0] @ embedder.encode_passages(SENTENCES[:1])[0] > 0.9999
    assert "another model" in caplog.text
    sv.close()
    path.write_bytes(b"SQLite format 3\x00 but nothing after")
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    broken = SentenceVectors(embedder, path, shipped=())
    assert broken.vectors(SENTENCES[:1]).shape == (1, embedder.dim) and broken.encoded == 1
    assert "unreadable" in caplog.text
    assert SentenceVectors(embedder, path, shipped=()).vectors(SENTENCES[:1]).shape == (1, embedder.dim)


def test_a_file_that_fails_while_in_use_costs_no_answer(embedder, tmp_path, caplog, monkeypatch):
    import sqlite3

    from index import sentencevectors

    monkeypatch.setattr(sentencevectors, "_BUSY_TIMEOUT", 0.2)  # not 30 s of waiting in a test
    path = tmp_path / INDEX_FILE
    sv = SentenceVectors(embedder, path, shipped=())
    sv.vectors(SENTENCES[:1])
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another process holding the file's write lock past the wait
    caplog.set_level(logging.WARNING, logger="vigyapti")
    try:
        v = sv.vectors(SENTENCES)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert v.shape == (3, embedder.dim) and "kept in memory" in caplog.text
    assert np.allclose(v, embedder.encode_passages(SENTENCES), atol=1e-2)
    sv.vectors(SENTENCES)
    assert sv.encoded == 4  # the file is given up: its one sentence encoded again, once; the rest from memory
    sv.vectors(SENTENCES)
    assert sv.encoded == 4
    sv.close()


def test_a_rebuilt_index_sentences_join_the_live_ones(embedder, tmp_path):
    staged, live = tmp_path / "index.building", tmp_path / "index"
    SentenceVectors(embedder, staged / INDEX_FILE, shipped=()).vectors(SENTENCES[:2])
    assert keep_rebuilt_sentences(staged, live, embedder) == 0  # a first build: the folder is taken whole
    SentenceVectors(embedder, live / INDEX_FILE, shipped=()).vectors(SENTENCES[2:])
    assert keep_rebuilt_sentences(staged, live, embedder) == 2
    both = SentenceVectors(embedder, live / INDEX_FILE, shipped=())
    both.vectors(SENTENCES)
    assert both.encoded == 0


def test_ingest_encodes_a_new_release_sentences_and_keeps_them(embedder, tmp_path):
    store = open_store(tmp_path / "index", embedder)
    sentences = SentenceVectors(embedder, tmp_path / "index" / INDEX_FILE, shipped=())
    text = " ".join(SENTENCES[:2]) + "\nThe airline carried 1213.64 tonnes of cargo."
    report = Indexer(store, embedder, sentences=sentences).run([Release("r1", "en", "Cargo flights", text)])
    assert report.encoded_sentences == 3
    kept = KeptSentences(tmp_path / "index" / INDEX_FILE, model_stamp(embedder))
    assert len(kept.get_many([text_key(t) for t in SENTENCES[:2]])) == 2
    store.close()


def test_the_answer_sentence_is_the_one_nearest_the_question_among_those_with_a_figure(service):
    # The seed release (Hindi): its lead names the State's sellers, a later sentence the orders its
    # small enterprises won. An English question shares no word with either; its meaning does.
    import dataclasses

    q = "What value of GeM orders have Madhya Pradesh's small enterprises won from central government buyers?"
    result = service.ask(q)
    assert result.hits[0].release.release_id == "2184082"
    assert "5,523 करोड़" in result.answer.text and "86,000" not in result.answer.text
    sims = service.searcher.sentence_similarity(result.hits[0].passage, service.searcher._encode(q))
    assert len(sims) >= 2
    searcher = service.searcher
    saved = searcher.settings
    searcher.settings = dataclasses.replace(saved, sentence_similarity_weight=0.0)
    try:
        assert searcher.sentence_similarity(result.hits[0].passage, searcher._encode(q)) == ()
        assert "5,523 करोड़" not in service.ask(q).answer.text  # by the words alone: the lead
    finally:
        searcher.settings = saved
    assert "86,000" in service.ask("मध्य प्रदेश के कितने विक्रेताओं ने जेम पर प्रोफाइल पूरी की?").answer.text

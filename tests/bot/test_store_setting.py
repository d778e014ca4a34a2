"""VIGYAPTI_STORE reaches the service: the same answers from a Milvus Lite file, and what it cannot do is said."""
from __future__ import annotations

import pytest

from bot.service import Service, rebuild
from bot.settings import Settings
from corpus import Release
from index.stores import StoreError
from index.stores.milvus import MilvusStore

SEED_HI = "मध्य प्रदेश के कितने विक्रेताओं ने जेम पर अपनी प्रोफाइल पूरी की है?"


def test_the_service_answers_from_the_store_vigyapti_store_names(tmp_path, monkeypatch, embedder, corpus_slice):
    monkeypatch.setenv("VIGYAPTI_STORE", str(tmp_path / "milvus.db"))
    settings = Settings(index_dir=tmp_path / "index")
    assert settings.store == str(tmp_path / "milvus.db")
    releases = [r for r in corpus_slice if r.release_id in {"2184082", "1628922"}]
    service = Service(settings, embedder=embedder)
    try:
        assert isinstance(service.store, MilvusStore) and service.is_empty()
        report = service.ingest(releases)
        assert report.releases == len(releases) and service.store.count_passages() == report.passages
        result = service.ask(SEED_HI)
        assert result.hits[0].release.release_id == "2184082"
        assert result.answer is not None and any(f.value == 86000 for f in result.answer.figures)
        assert service.ask("EPFO KYC", lang="hi").hits[0].release.release_id == "1628922"
        # A release not shipped: its sentences are encoded for the answer, in memory, not in the folder.
        service.ingest([Release("990001", "en", "Ferry services", "Ferries made 4,120 trips across the Brahmaputra "
                                "in October. Of these, 1,310 trips carried freight.", date="2026-11-02")])
        assert service.sentences.encoded == 0
        assert service.ask("How many ferry trips were made across the Brahmaputra?").answer is not None
        assert service.sentences.encoded == 2
    finally:
        service.close()
    assert not (tmp_path / "index").exists()  # nothing was written to the embedded index folder
    with pytest.raises(StoreError, match="--rebuild"):
        rebuild(settings, releases, progress=False)

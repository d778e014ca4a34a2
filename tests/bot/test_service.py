"""The service's own lifecycle: warming in the background never outlives a close."""
import threading

from bot.service import Service
from bot.settings import Settings


def test_closing_while_the_caches_warm_waits_for_the_warm_up_to_stop(tmp_path, embedder, corpus_slice):
    settings = Settings(index_dir=tmp_path / "index", ask_rate=0)
    service = Service(settings, embedder=embedder)
    service.ingest([r for r in corpus_slice if r.release_id in {"2184082", "1628922", "1620635"}])
    service.close()
    for _ in range(5):  # each a fresh service on the same index, closed at once while it warms
        service = Service(settings, embedder=embedder)
        service.start_warming()
        service.close()
        assert not service._warming.is_alive()
    warmed = Service(settings, embedder=embedder)
    warmed.start_warming()
    warmed._warming.join()
    assert warmed.ask("मध्य प्रदेश के कितने विक्रेताओं ने जेम पर प्रोफाइल पूरी की?").hits
    warmed.close()


def test_warming_stops_at_its_next_step_once_told(service):
    service.store.warm()
    asked = service.searcher._encode.cache_info().misses
    stop = threading.Event()
    stop.set()
    assert service.searcher.warm(stop=stop) == 0
    assert service.searcher._encode.cache_info().misses == asked  # no warm-up question was asked


def test_a_service_on_an_index_read_by_older_readers_says_to_refresh_it_until_it_is(tmp_path, embedder, corpus_slice,
                                                                                     caplog):
    from fastapi.testclient import TestClient

    from bot.api import create_app

    settings = Settings(index_dir=tmp_path / "index", ask_rate=0)
    service = Service(settings, embedder=embedder)
    service.ingest([r for r in corpus_slice if r.release_id in {"2184082", "1628922"}])
    assert service.readers.up_to_date
    service.store.set_readers_version(None)  # as an index from before the readers' version was kept
    service.close()

    with caplog.at_level("WARNING", logger="vigyapti"):
        service = Service(settings, embedder=embedder)
    assert any("vigyapti refresh" in r.getMessage() for r in caplog.records)
    with TestClient(create_app(service)) as client:
        readers = client.get("/health").json()["readers"]
        assert readers["index"] is None and readers["up_to_date"] is False and readers["version"] >= 1
        service.refresh()
        assert client.get("/health").json()["readers"] == {"version": readers["version"], "index": readers["version"],
                                                          "up_to_date": True}
    caplog.clear()
    with caplog.at_level("WARNING", logger="vigyapti"):
        Service(settings, embedder=embedder).close()
    assert not any("vigyapti refresh" in r.getMessage() for r in caplog.records)

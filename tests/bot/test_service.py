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

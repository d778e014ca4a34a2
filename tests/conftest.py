"""Shared fixtures: the real model, a real index of real releases, a real HTTP server.

The model is prepared once in $VIGYAPTI_CACHE (as `make test` does before pytest); the index is a
session-wide scratch index of a slice of the bundled corpus, so the suite stays within minutes.
"""
from __future__ import annotations

import importlib.util
import socket
import threading
import time
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
# Releases the tests ask about, plus a spread of others so search has something to reject.
SEED_IDS = {"2184082", "1628922", "1620635", "1611137", "2298074", "2301953", "1628341", "1628342"}
SLICE = 60


@pytest.fixture(scope="session")
def bench_script():
    """Loads one of bench/'s scripts as a module: they are run by path, never installed."""
    def load(name: str):
        spec = importlib.util.spec_from_file_location(name, Path(__file__).resolve().parents[1] / "bench" / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    return load


@pytest.fixture(scope="session")
def shared_data() -> Path:
    path = SHARED / "data"
    if not path.exists():
        pytest.skip(f"shared data not found at {path}")
    return path


@pytest.fixture(scope="session")
def settings(tmp_path_factory):
    from bot.settings import Settings

    # No rate limit on the shared server: every test asks from 127.0.0.1, and one module's questions
    # would empty the next one's bucket, so a test's outcome hung on the order modules ran in. The
    # limits are tested on apps of their own (tests/bot/test_limits.py, test_ops.py, test_telegram.py).
    return Settings(index_dir=tmp_path_factory.mktemp("index") / "index", ask_rate=0)


@pytest.fixture(scope="session")
def model_path(settings) -> Path:
    from index.e5model import prepare
    from index.onnx_export import prepare_onnx
    from index.openvino_export import prepare_openvino

    path = prepare(Path(settings.cache))
    prepare_onnx(path)  # tests run every encoder
    prepare_openvino(path)
    return path


@pytest.fixture(scope="session")
def embedder(model_path, settings):
    from bot.service import load_embedder

    return load_embedder(settings)


@pytest.fixture(scope="session")
def torch_embedder(model_path, settings):
    """The reference path (torch, float32 questions), whatever `embedder` chose."""
    from index.embeddings import SentenceTransformerEmbedder

    return SentenceTransformerEmbedder(str(model_path), name="multilingual-e5-small")


@pytest.fixture(scope="session")
def corpus_slice():
    from corpus.readers import bundled_corpus_dir, read_paths

    releases = list(read_paths([bundled_corpus_dir()], langs={"hi", "en"}))
    seeds = [r for r in releases if r.release_id in SEED_IDS]
    others = [r for r in releases if r.release_id not in SEED_IDS][::15][:SLICE]
    return seeds + others


@pytest.fixture(scope="session")
def service(settings, embedder, corpus_slice):
    from bot.service import Service

    svc = Service(settings, embedder=embedder)
    if svc.is_empty():
        svc.ingest(corpus_slice)
    yield svc
    svc.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def live_url(service):
    """The real FastAPI app under uvicorn on a loopback port, for tests over real HTTP."""
    import uvicorn

    from bot.api import create_app

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(service), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 30
    while not server.started:
        if time.time() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)

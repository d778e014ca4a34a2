"""Passages embedded on Ray Data, for backfills too large for one machine's cores.

Embedding is the one step that costs: segmentation and figures run on the driver (thousands of
passages a second), the vectors on a Ray Data actor pool whose actors each load the model once,
through the project's own encoder choice (index/encoders.py) on the node they run on. The driver
is the one writer: it stores each release through the store's normal upsert once all of its
passages are back, so the store never sees a release half embedded, and a store shared with
running servers sees the same transactions as from `vigyapti ingest`.

A batch whose actor dies (or whose encoding raises) is retried by Ray, on a restarted actor. A run
that still fails has stored every release completed before the failure, and linked none to its
translations; running the same command again skips those (their stored record is unchanged), embeds
the rest and links them all, and since the upsert is keyed by (release_id, lang) nothing is ever
stored twice.
"""
from __future__ import annotations

import dataclasses
import logging
import math
import os
import socket
import time
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from corpus import Release
from index import encoders
from index.embeddings import Embedder
from index.pipeline import IngestReport, Indexer, passage_input, stored_versions

log = logging.getLogger("vigyapti")

LOCAL_OBJECT_STORE_BYTES = 512 * 1024 * 1024  # passages and vectors are small; Ray's default takes 30% of RAM


@dataclass(frozen=True)
class EmbedderSpec:
    """How to load the project's embedder: sent to every actor, which loads it where it runs (on a
    cluster each node needs the model prepared at the same path, `vigyapti model prepare`)."""

    model_folder: str
    name: str
    encoder: str = "auto"
    onnx: bool = True
    threads: int | None = None
    bf16: bool | None = None

    def load(self) -> Embedder:
        return encoders.load_embedder(self.model_folder, name=self.name, encoder=self.encoder, onnx=self.onnx,
                                      threads=self.threads, bf16=self.bf16)


@dataclass(frozen=True)
class RayOptions:
    address: str | None = None  # None: start a local Ray instance; else join this cluster ("auto", "ray://…", host:port)
    actors: int = 2  # actors in the pool, each holding the model
    batch_size: int = 64  # passages per actor call
    cpus_per_actor: int = 1  # also the model's threads in each actor
    retries: int = 3  # times Ray runs a failed batch again (a dead actor or an error in it)


@dataclass
class RayIngestReport(IngestReport):
    skipped: int = 0  # releases already stored unchanged (a re-run after a crash)
    encoders: dict[str, int] = field(default_factory=dict)  # passages per encoder the actors ran


class RayIngestError(RuntimeError):
    """The Ray run stopped before every release was stored; the ones stored are complete."""

    def __init__(self, message: str, report: RayIngestReport, missing: list[tuple[str, str]]):
        super().__init__(message)
        self.report, self.missing = report, missing


class PassageEncoder:
    """A Ray Data actor: holds one embedder, turns a batch of passage texts into vectors."""

    def __init__(self, spec: EmbedderSpec):
        self.embedder = spec.load()

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        vectors = self.embedder.encode_passages([str(t) for t in batch["text"]])
        return {"release": batch["release"], "passage": batch["passage"], "vector": vectors,
                "encoder": np.full(len(vectors), self.embedder.encoder)}


def connect(options: RayOptions) -> bool:
    """Join the cluster at `options.address`, or start a local instance sized for the pool.
    False when this process was already connected (it then stays so after the run).

    A local instance listens on loopback only: Ray's switch for "no cluster" (named for the
    platforms where that is the default) makes it use 127.0.0.1 rather than the machine's address.
    It is read when Ray is first imported, so it is set before that."""
    if not options.address:
        os.environ.setdefault("RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER", "0")
    import ray

    if ray.is_initialized():
        return False
    if options.address:
        _check_reachable(options.address)
        ray.init(address=options.address, logging_level=logging.WARNING, log_to_driver=True)
    else:
        ray.init(address="local", num_cpus=options.actors * options.cpus_per_actor, include_dashboard=False,
                 object_store_memory=LOCAL_OBJECT_STORE_BYTES, logging_level=logging.WARNING)
    return True


def _check_reachable(address: str, timeout: float = 10.0) -> None:
    """Ray keeps retrying an address where no cluster listens, for minutes; a host:port that
    refuses a connection is told at once."""
    host, _, port = address.removeprefix("ray://").rpartition(":")
    if not host or not port.isdigit():  # "auto" and the like: Ray finds the cluster itself
        return
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=timeout).close()
    except OSError as exc:
        raise ConnectionError(f"no Ray cluster answers at {address} ({exc})") from None


class RayIndexer:
    """Releases → passages (driver) → vectors (Ray actor pool) → store (driver, one writer)."""

    def __init__(self, indexer: Indexer, spec: EmbedderSpec, options: RayOptions | None = None):
        self.indexer = indexer
        self.spec = spec
        self.options = options or RayOptions()

    def run(self, releases: Iterable[Release], *, progress: bool = False, write_batch: int = 16) -> RayIngestReport:
        report = RayIngestReport()
        started = time.perf_counter()
        store = self.indexer.store
        versions = stored_versions(store, releases)  # a release given twice: its last version (StoredVersions)
        todo = versions.to_store()
        report.skipped, report.replaced_keys = len(versions.unchanged), set(versions.replaced)
        prepared = [self.indexer.prepare(r) for r in todo]
        rows = [{"release": i, "passage": j, "text": passage_input(r.title, p.text)}
                for i, (r, ps) in enumerate(prepared) for j, p in enumerate(ps)]
        vectors: list[list[np.ndarray | None]] = [[None] * len(ps) for _, ps in prepared]
        waiting = [len(ps) for _, ps in prepared]
        pending = [i for i, n in enumerate(waiting) if n == 0]  # a release without passages is stored as is
        done: set[int] = set()

        bar = None
        if progress:
            from tqdm import tqdm

            bar = tqdm(total=len(todo), unit="release", desc="indexing on Ray", dynamic_ncols=True)

        def flush() -> None:
            if not pending:
                return
            batch = [prepared[i] for i in pending]
            report.passages += self.indexer.store_prepared(batch, [np.vstack(vectors[i]) if vectors[i]
                                                                   else np.zeros((0, store.stamp.dim), np.float32)
                                                                   for i in pending])
            report.releases += len(pending)
            done.update(pending)
            for i in pending:
                vectors[i] = []  # written: the driver keeps no vectors it no longer needs
            if bar is not None:
                bar.update(len(pending))
                bar.set_postfix(passages=report.passages)
            pending.clear()

        connected = False
        try:
            if rows:
                connected = connect(self.options)
                import ray
                from ray.data import DataContext

                context = DataContext.get_current()
                context.enable_progress_bars = False  # ours counts stored releases
                context.actor_task_retry_on_errors = True  # an error in a batch is retried too, up to `retries`
                dataset = ray.data.from_items(rows, override_num_blocks=max(1, math.ceil(len(rows) / self.options.batch_size)))
                with warnings.catch_warnings():  # Ray 2.60 names no parameter for an actor's task retries
                    warnings.simplefilter("ignore", category=DeprecationWarning)
                    embedded = self._embed(dataset)
                for out in embedded.iter_batches(batch_size=None, batch_format="numpy"):
                    for i, j, vector, encoder in zip(out["release"], out["passage"], out["vector"], out["encoder"]):
                        i, j = int(i), int(j)
                        if i not in done and vectors[i][j] is None:  # a retried batch may arrive twice: the first counts
                            vectors[i][j] = np.asarray(vector, dtype=np.float32)
                            report.encoders[str(encoder)] = report.encoders.get(str(encoder), 0) + 1
                            waiting[i] -= 1
                            if waiting[i] == 0:
                                pending.append(i)
                    if len(pending) >= write_batch:
                        flush()
            flush()
            report.encoded_sentences = self._embed_sentences(prepared)
        except Exception as exc:
            flush()
            missing = [prepared[i][0].key for i in range(len(prepared)) if i not in done]
            report.seconds = time.perf_counter() - started
            raise RayIngestError(
                f"the Ray run failed after storing {report.releases} of {len(todo)} releases; {len(missing)} are "
                f"not stored (run the same command again to embed only those): {exc}", report, missing) from exc
        finally:
            if bar is not None:
                bar.close()
            if connected:  # a local instance stops here; a cluster only loses this driver
                import ray

                ray.shutdown()
        report.translation_links = self.indexer.link(list(versions.latest))  # the skipped too (Indexer.link)
        self.indexer.settle(report.passages)
        report.seconds = time.perf_counter() - started
        return report

    def _embed_sentences(self, prepared: list[tuple[Release, list]]) -> int:
        """The sentence vectors of the stored releases' passages that are held nowhere, on the same pool
        (index/sentencevectors.py). A failure here loses no release: those sentences are encoded when
        an answer first needs them."""
        texts = self.indexer.sentences_to_encode(prepared)
        if not texts:
            return 0
        import ray

        rows = [{"release": -1, "passage": i, "text": t} for i, t in enumerate(texts)]
        try:
            dataset = ray.data.from_items(rows, override_num_blocks=max(1, math.ceil(len(rows) / self.options.batch_size)))
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", category=DeprecationWarning)
                embedded = self._embed(dataset)
            vectors: dict[int, np.ndarray] = {}
            for out in embedded.iter_batches(batch_size=None, batch_format="numpy"):
                for j, vector in zip(out["passage"], out["vector"]):
                    vectors.setdefault(int(j), np.asarray(vector, dtype=np.float32))
        except Exception as exc:  # noqa: BLE001 - the releases are stored; the sentences can wait
            log.warning("sentence vectors not encoded on Ray (%s): answers will encode them when first needed", exc)
            return 0
        done = sorted(vectors)
        self.indexer.sentences.keep([texts[j] for j in done], np.array([vectors[j] for j in done]))
        return len(done)

    def _embed(self, dataset):
        from ray.data import ActorPoolStrategy

        return dataset.map_batches(
            PassageEncoder, fn_constructor_kwargs={"spec": self._actor_spec()},
            batch_size=self.options.batch_size, batch_format="numpy",
            compute=ActorPoolStrategy(size=self.options.actors), num_cpus=self.options.cpus_per_actor,
            max_task_retries=self.options.retries)

    def _actor_spec(self) -> EmbedderSpec:
        """Each actor runs the model on the CPUs Ray gives it, not on every core of its node."""
        return dataclasses.replace(self.spec, threads=self.options.cpus_per_actor)

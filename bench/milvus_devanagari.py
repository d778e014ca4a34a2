"""Does Milvus's BM25 full-text search tokenise Devanagari? Measured on the bundled Hindi releases.

Two collections in a scratch Milvus Lite file, the same Hindi passages in both:
- `raw`: the passage text under Milvus's `standard` analyzer (what Milvus's BM25 does by itself);
- `keys`: our own terms (index/lexical.py), one ASCII key each (what index/stores/milvus.py stores).
For a sample of Hindi content words, each is searched in both; a hit is right when the passage
holds the word (its stem, by our terms). Reports: the share of Hindi words the analyzer keeps
whole, and precision@10 of each collection. No model is needed.

    python bench/milvus_devanagari.py [--words 200] [--passages 3000] [--json]
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=200)
    parser.add_argument("--passages", type=int, default=3000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    import regex
    from milvus_lite.analyzer.standard import StandardAnalyzer
    from pymilvus import DataType, Function, FunctionType, MilvusClient

    from corpus.readers import bundled_corpus_dir, read_paths
    from index.lexical import STOPWORDS, terms
    from index.segment import Segmenter, passages_of
    from index.stores.milvus import term_key

    segmenter = Segmenter()
    texts = []
    for r in read_paths([bundled_corpus_dir()], langs={"hi"}):
        texts += [p.text for p in passages_of(r.release_id, r.lang, r.text, segmenter)]
    texts = texts[:args.passages]
    words = sorted({w for t in texts for w in regex.findall(r"[\p{L}\p{M}]+", t)
                    if "\u0900" <= w[0] <= "\u097f" and w not in STOPWORDS and len(w) > 2})
    analyzer = StandardAnalyzer()
    whole = sum(analyzer.tokenize(w) == [w] for w in words) / len(words)

    with tempfile.TemporaryDirectory() as scratch:
        client = MilvusClient(str(Path(scratch) / "bm25.db"))
        for name, field in (("raw", "text"), ("keys", "keys")):
            schema = MilvusClient.create_schema(auto_id=False)
            schema.add_field("id", DataType.INT64, is_primary=True)
            schema.add_field(field, DataType.VARCHAR, max_length=65535, enable_analyzer=True)
            schema.add_field("sparse", DataType.SPARSE_FLOAT_VECTOR)
            schema.add_function(Function(name="bm25", function_type=FunctionType.BM25,
                                         input_field_names=[field], output_field_names=["sparse"]))
            index = client.prepare_index_params()
            index.add_index(field_name="sparse", index_type="SPARSE_INVERTED_INDEX", metric_type="BM25")
            client.create_collection(name, schema=schema, index_params=index)
            rows = [{"id": i, field: t if name == "raw" else " ".join(term_key(w) for w in terms(t))}
                    for i, t in enumerate(texts)]
            for at in range(0, len(rows), 500):
                client.insert(name, rows[at:at + 500])
            client.load_collection(name)
        held = [frozenset(terms(t)) for t in texts]
        sample = random.Random(13).sample(words, min(args.words, len(words)))
        right = {"raw": 0, "keys": 0}
        returned = {"raw": 0, "keys": 0}
        for word in sample:
            stem = terms(word)[0]
            for name, query in (("raw", word), ("keys", term_key(stem))):
                hits = client.search(name, data=[query], anns_field="sparse", limit=10,
                                     search_params={"metric_type": "BM25"})[0]
                returned[name] += len(hits)
                right[name] += sum(stem in held[h["id"]] for h in hits)
        client.close()
    out = {"passages": len(texts), "hindi_words": len(words), "kept_whole_by_standard_analyzer": round(whole, 3),
           "words_asked": len(sample),
           "precision_at_10_milvus_analyzer": round(right["raw"] / max(returned["raw"], 1), 3),
           "precision_at_10_our_term_keys": round(right["keys"] / max(returned["keys"], 1), 3)}
    if args.json:
        print(json.dumps(out))
    else:
        for key, value in out.items():
            print(f"{key:36} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

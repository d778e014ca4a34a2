"""The prepared model's int8 IR (index/openvino_export.py) run by OpenVINO's CPU plugin.

Only how a graph is loaded and run lives here; tokenizer, prompts, pooling and the one-passage runs
are :class:`index.onnx_embedder.GraphEmbedder`'s, so this path's vectors differ from ONNX Runtime's
only by what the graph computes.
"""
from __future__ import annotations

from pathlib import Path

from index.onnx_embedder import GraphEmbedder


class OpenVinoEmbedder(GraphEmbedder):
    """float32 inference precision: the CPU plugin would otherwise run what the IR leaves in float
    as bfloat16 wherever the CPU has it, which changes the vectors from one CPU to another. The
    LATENCY hint runs one request on all the given threads, the shape of one passage or question at
    a time (two throughput streams were not faster on 2 cores, docs/encoders.md).

    The CPU plugin prepares its kernels for each new input shape, about 30 ms a length on 2 cores
    and memory kept per shape; runs are padded to a multiple of 16 tokens so a corpus meets a few
    dozen shapes (docs/encoders.md, OpenVINO)."""

    length_step = 16

    def _load(self, path: Path, kind: str):
        import openvino as ov

        config = {"INFERENCE_PRECISION_HINT": "f32", "PERFORMANCE_HINT": "LATENCY"}
        if self.threads:
            config["INFERENCE_NUM_THREADS"] = self.threads
        return ov.Core().compile_model(str(path), "CPU", config)

    def _runner(self, compiled):
        request = compiled.create_infer_request()  # one per thread: a request is not thread-safe
        return lambda ids, mask: request.infer({"input_ids": ids, "attention_mask": mask})[0]

"""A prepared graph run by OpenVINO's CPU plugin: the int8 IR (index/openvino_export.py) for
passages on request, and the float32 ONNX graph for questions on an AMX CPU (index/encoders.py).

Only how a graph is loaded and run lives here; tokenizer, prompts, pooling and the one-passage runs
are :class:`index.onnx_embedder.GraphEmbedder`'s, so this path's vectors differ from ONNX Runtime's
only by what the graph computes.
"""
from __future__ import annotations

from pathlib import Path

from index.onnx_embedder import GraphEmbedder


class OpenVinoEmbedder(GraphEmbedder):
    """float32 inference precision by default: the CPU plugin would otherwise run what a graph
    leaves in float as bfloat16 wherever the CPU has it, which changes the vectors from one CPU to
    another. `precision="bf16"` asks for that on purpose, where only AMX CPUs are given it: a
    question in bf16 AMX tiles takes two thirds of ONNX Runtime's float32 time, and its vector stays
    within a cosine of 0.9999 of float32's (docs/encoders.md, Questions in bf16 on AMX). The
    LATENCY hint runs one request on all the given threads, the shape of one passage or question at
    a time (two throughput streams were not faster on 2 cores, docs/encoders.md).

    The CPU plugin prepares its kernels for each new input shape, about 30 ms a length on 2 cores
    and memory kept per shape; runs are padded to a multiple of 16 tokens so a corpus meets a few
    dozen shapes (docs/encoders.md, OpenVINO)."""

    length_step = 16

    def __init__(self, model_folder: Path, graph: Path, *, name: str, encoder: str, batch_size: int = 1,
                 threads: int | None = None, question_graph: Path | None = None, precision: str = "f32"):
        self.precision = precision  # read by _load, which the base's __init__ calls for questions
        super().__init__(model_folder, graph, name=name, encoder=encoder, batch_size=batch_size, threads=threads,
                         question_graph=question_graph)

    def _load(self, path: Path, kind: str):
        import openvino as ov

        config = {"INFERENCE_PRECISION_HINT": self.precision, "PERFORMANCE_HINT": "LATENCY"}
        if self.threads:
            config["INFERENCE_NUM_THREADS"] = self.threads
        return ov.Core().compile_model(str(path), "CPU", config)

    def _runner(self, compiled):
        request = compiled.create_infer_request()  # one per thread: a request is not thread-safe
        return lambda ids, mask: request.infer({"input_ids": ids, "attention_mask": mask})[0]

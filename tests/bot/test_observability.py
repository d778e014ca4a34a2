"""What /metrics says of the service itself, over real HTTP against the real app."""
from __future__ import annotations

import time

import httpx
from prometheus_client import generate_latest
from prometheus_client.parser import text_string_to_metric_families


def gauges(text: str) -> dict[str, float]:
    """The unlabelled gauges of an exposition, as Prometheus would parse them."""
    return {s.name: s.value for f in text_string_to_metric_families(text) if f.type == "gauge"
            for s in f.samples if not s.labels}


def test_uptime_is_on_metrics_by_the_rule_health_uses(tmp_path, embedder, serve_app):
    from bot.api import create_app
    from bot.service import Service
    from bot.settings import Settings

    service = Service(Settings(index_dir=tmp_path / "index", ask_rate=0), embedder=embedder)
    app = create_app(service)
    try:
        # Not served yet: nothing answers over HTTP before the lifespan marks the service ready, so the
        # app's own registry is read, as /metrics reads it.
        before = gauges(generate_latest(app.state.metrics.registry).decode())
        with httpx.Client(base_url=serve_app(app), timeout=60) as client:
            first = gauges(client.get("/metrics").text)
            time.sleep(0.5)
            later = gauges(client.get("/metrics").text)
            health = client.get("/health").json()
    finally:
        service.close()
    assert before["vigyapti_uptime_seconds"] == 0.0 and "vigyapti_ready_after_seconds" not in before
    assert 0.0 < first["vigyapti_uptime_seconds"] < 30
    assert later["vigyapti_uptime_seconds"] >= first["vigyapti_uptime_seconds"] + 0.5
    assert health["uptime_s"] >= round(later["vigyapti_uptime_seconds"], 1)  # /health read it after
    assert first["vigyapti_ready_after_seconds"] == later["vigyapti_ready_after_seconds"] > 0
    assert round(later["vigyapti_ready_after_seconds"], 1) == health["ready_after_s"]

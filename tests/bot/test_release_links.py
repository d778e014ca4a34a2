"""GET /releases/{id} and /ask name a release's other-language version by its translation link,
when the two were posted under their own ids (as pib.gov.in publishes them)."""
from __future__ import annotations

import httpx
import pytest

from ops_support import ADMIN_KEY, app_for, scratch_service

AUTH = {"Authorization": f"Bearer {ADMIN_KEY}"}
EN = ("The Ministry of Jal Shakti announced that 4,812 check dams were built in Rajasthan in 2024, "
      "storing 96,000 crore litres of water for 1,250 villages.")
HI = ("जल शक्ति मंत्रालय ने बताया कि 2024 में राजस्थान में 4,812 चेक डैम बनाए गए, "
      "जिनमें 1,250 गांवों के लिए 96,000 करोड़ लीटर पानी जमा हुआ।")


@pytest.fixture(scope="module")
def client(tmp_path_factory, embedder, corpus_slice, serve_app):
    svc = scratch_service(tmp_path_factory.mktemp("links-api"), embedder, corpus_slice)
    with httpx.Client(base_url=serve_app(app_for(svc, ask_rate=1000.0, ask_burst=1000)), timeout=120) as c:
        yield c
    svc.close()


def test_versions_posted_under_their_own_ids_name_each_other(client):
    body = [{"release_id": "930001", "lang": "en", "title": "Check dams in Rajasthan", "text": EN,
             "ministry": "Ministry of Jal Shakti", "date": "2025-02-03"},
            {"release_id": "930002", "lang": "hi", "title": "राजस्थान में चेक डैम", "text": HI,
             "ministry": "जल शक्ति मंत्रालय", "date": "2025-02-03"}]
    assert client.post("/releases", json=body, headers=AUTH).status_code == 200
    (en,) = client.get("/releases/930001").json()["languages"]
    assert [(t["release_id"], t["lang"]) for t in en["translations"]] == [("930002", "hi")]
    ask = client.post("/ask", json={"question": "How many check dams were built in Rajasthan in 2024?",
                                    "lang": "en"}).json()
    assert ask["passages"][0]["release_id"] == "930001"
    assert [t["release_id"] for t in ask["passages"][0]["translations"]] == ["930002"]

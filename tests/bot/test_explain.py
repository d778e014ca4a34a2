"""/ask with "explain": the parts of each passage's score; and how the question's time was read."""
import httpx
import pytest


@pytest.fixture(scope="module")
def client(live_url):
    with httpx.Client(base_url=live_url, timeout=60) as c:
        yield c


def test_explain_gives_the_parts_that_sum_to_each_score(client):
    body = client.post("/ask", json={"question": "How many EPFO subscribers got their KYC updated in April and May 2020?",
                                     "explain": True, "top_k": 3}).json()
    assert body["passages"]
    for p in body["passages"]:
        parts = p["components"]
        assert {"dense", "language", "keyword"} <= set(parts)
        assert abs(sum(parts.values()) - p["score"]) < 1e-3
    plain = client.post("/ask", json={"question": "EPFO KYC"}).json()
    assert all(p["components"] is None for p in plain["passages"])


def test_the_questions_time_is_in_the_reply(client):
    body = client.post("/ask", json={"question": "How many EPFO subscribers got their KYC updated in May 2020?"}).json()
    assert body["time"] == {"start": "2020-05-01", "end": "2020-05-31", "text": "May 2020",
                            "granularity": "month", "year_assumed": False, "year_answered": False}
    assert body["answer"]["in_title"] is False  # a sentence of the passage answers, not the release's title
    body = client.post("/ask", json={"question": "How many EPFO subscribers got their KYC updated in May?"}).json()
    assert body["time"]["text"] == "May" and body["time"]["year_assumed"] is True
    # ranked as the latest May, reported as the May the answer is of
    assert (body["time"]["start"], body["time"]["year_answered"]) == ("2020-05-01", True)
    assert client.post("/ask", json={"question": "EPFO KYC"}).json()["time"] is None
    assert client.post("/ask", json={"question": "EPFO KYC", "explain": "yes"}).status_code == 422

"""The one rule for a request body, over real HTTP on every endpoint that takes a JSON object: 415
when it is not sent as JSON, 400 when it cannot be read as JSON (a key named twice included), 422
when it is JSON but not the request; each with the ErrorOut body and a message saying what is wrong."""
import httpx
import pytest

from ops_support import assert_json_error

JSON = {"Content-Type": "application/json"}
CODES = {400: "bad_request", 415: "unsupported_media_type", 422: "invalid_request"}


@pytest.fixture(scope="module")
def client(live_url):
    with httpx.Client(base_url=live_url, timeout=60) as c:
        yield c


def assert_refused(r: httpx.Response, status: int, *words: str) -> None:
    assert assert_json_error(r, status, *words)["error"] == CODES[status]


@pytest.mark.parametrize("path", ["/ask", "/feedback"])
@pytest.mark.parametrize("content, headers, status, words", [
    (b'{"question": ', JSON, 400, ["cannot be read as JSON", "line 1 column 14"]),
    (b"", JSON, 400, ["cannot be read as JSON", "empty"]),
    (b"  \n", JSON, 400, ["empty"]),
    (b'\xff\xfe{"question": "GeM"}', JSON, 400, ["not UTF-8"]),
    (b'{"question": "GeM", "top_k": NaN}', JSON, 400, ["NaN is not a JSON value"]),
    (b"[" * 50_000 + b"]" * 50_000, JSON, 400, ["nested too deeply"]),
    (b'{"question": "a", "question": "b"}', JSON, 400, ["'question' stands twice"]),
    (b'{"helpful": true, "x": {"k": 1, "k": 2}}', JSON, 400, ["'k' stands twice"]),
    (b"[1, 2]", JSON, 422, ["must be a JSON object", "not an array"]),
    (b'"GeM"', JSON, 422, ["not a string"]),
    (b"null", JSON, 422, ["not null"]),
    (b"5", JSON, 422, ["not a number"]),
    (b'{"question": ', {}, 415, ["application/json", "no Content-Type"]),
    (b"", {}, 415, ["application/json"]),
    (b'{"question": ', {"Content-Type": "text/plain"}, 415, ["application/json", "text/plain"]),
])
def test_a_body_that_is_not_the_request_is_refused_by_one_rule(client, path, content, headers, status, words):
    assert_refused(client.post(path, content=content, headers=headers), status, *words)


@pytest.mark.parametrize("content, words", [
    (b'\xef\xbb\xbf{"question": "GeM"}', ["byte order mark", "without"]),
    (b'{"question": "GeM", "top_k": ' + b"9" * 5000 + b"}", ["a number of more than 4300 digits"]),
])
def test_a_400_says_what_the_client_can_change(client, content, words):
    """Python's own words reached the client: "decode using utf-8-sig" for a body that starts with a
    byte order mark, "use sys.set_int_max_str_digits() to increase the limit" for a long number:
    advice for the server's code, not for what the client sends."""
    r = client.post("/ask", content=content, headers=JSON)
    assert_refused(r, 400, "cannot be read as JSON", *words)
    assert not any(w in r.json()["detail"] for w in ("sys.", "utf-8-sig", "decode using"))


@pytest.mark.parametrize("path, body", [
    ("/ask", b'{"question": 5}'),
    ("/ask", b'{"question": "GeM", "top_k": "5"}'),
    ("/feedback", b'{"request_id": "abc", "helpful": "yes"}'),
    ("/feedback", b"{}"),
])
def test_json_of_the_wrong_shape_is_a_422_naming_the_field(client, path, body):
    r = client.post(path, content=body, headers=JSON)
    assert_refused(r, 422)
    assert all(e["loc"][0] == "body" and e["msg"] for e in r.json()["detail"])


def test_the_openapi_document_states_the_rule(client):
    spec = client.get("/openapi.json").json()["paths"]
    for path in ("/ask", "/feedback"):
        responses = spec[path]["post"]["responses"]
        assert {"400", "415", "422"} <= responses.keys()
        assert all(responses[c]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorOut")
                   for c in ("400", "415", "422"))


def test_a_single_key_of_each_name_is_still_answered(client):
    r = client.post("/ask", content=b'{"question": "GeM sellers", "top_k": 1, "lang": "en"}', headers=JSON)
    assert r.status_code == 200 and r.json()["passages"]

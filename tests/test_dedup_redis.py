"""The Redis index (datasketch's Redis storage) against a real local redis-server."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time

import pytest
from test_dedup_index import batches

from textclean.dedup.settings import DedupSettings
from textclean.dedup.stage import dedup_documents
from textclean.document import Document, Drop
from textclean.errors import ConfigError

redis = pytest.importorskip(
    "redis", reason="the redis client is not installed: pip install 'textclean[redis]'"
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def redis_url():
    server = shutil.which("redis-server")
    if server is None:
        pytest.skip(
            "redis-server is not installed (Debian: apt-get install redis-server); Redis index tests skipped"
        )
    port = free_port()
    proc = subprocess.Popen(
        [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    client = redis.Redis(host="127.0.0.1", port=port)
    try:
        for _ in range(100):
            try:
                client.ping()
                break
            except redis.ConnectionError:
                time.sleep(0.05)
        else:
            pytest.fail("redis-server did not start")
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def run(docs, url, **options):
    out = list(dedup_documents(docs, DedupSettings(**options), redis_url=url))
    return {(o.doc if isinstance(o, Drop) else o).id: o for o in out}


def test_second_batch_is_matched_against_the_shared_redis_index(redis_url):
    redis.Redis.from_url(redis_url).flushdb()
    first, second = batches(2)
    assert all(isinstance(o, Document) for o in run(first, redis_url).values())
    got = run(second, redis_url)
    dropped = {k for k, o in got.items() if isinstance(o, Drop)}
    assert dropped == {f"near{i}" for i in range(5)} | {f"exact{i}" for i in range(3)} | {
        "new0-again"
    }
    assert got["near3"].doc.record["duplicate_of"] == "old3"
    assert got["exact1"].reason == "exact_duplicate"


def test_buckets_are_datasketch_storage_and_nothing_is_pickled(redis_url):
    client = redis.Redis.from_url(redis_url)
    client.flushdb()
    first, _ = batches(3)
    run(first[:4], redis_url)
    assert any(b"_bucket_" in k for k in client.keys("*"))  # datasketch's MinHashLSH tables
    sig = next(iter(client.hgetall("textclean:sigs").values()))
    assert len(sig) == 128 * 4 and not sig.startswith(b"\x80")


def test_redis_index_refuses_other_settings(redis_url):
    redis.Redis.from_url(redis_url).flushdb()
    first, _ = batches(4)
    run(first[:2], redis_url)
    with pytest.raises(ConfigError, match="ngram"):
        run(first[:2], redis_url, ngram=3)


@pytest.mark.parametrize("url", ["notaurl", "redis://localhost:6379/x", "http://localhost:6379/0"])
def test_a_malformed_redis_url_is_refused_naming_the_option(url):
    from textclean.dedup.redis_index import redis_params
    from textclean.errors import OptionError

    with pytest.raises(OptionError, match="not a Redis URL") as info:
        redis_params(url)
    assert info.value.options == ("redis",)


def test_a_redis_server_that_cannot_be_reached_is_a_clear_error_not_a_traceback(tmp_path):
    from cli_runs import run_textclean

    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "one two three four five six"}\n', encoding="utf-8")
    url = f"redis://127.0.0.1:{free_port()}/0"  # nothing listens there
    proc = run_textclean("dedup", str(src), "-o", str(tmp_path / "out.jsonl"), "--redis", url)
    assert proc.returncode == 2, proc.stderr
    assert f"{url}: cannot use the Redis server there" in proc.stderr
    assert "Traceback" not in proc.stderr

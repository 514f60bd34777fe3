"""One server process: the web page at ``/``, the OpenAI-compatible API at ``/v1``, ``/health``.

    app = create_app(ServerSettings(target="runs/demo"))   # or pass engine= (tests)
    run_server(ServerSettings(target="runs/demo", port=7860))
"""

from __future__ import annotations

import contextlib
import functools
import logging
import threading
import time
from collections.abc import Iterator
from typing import Any

from fastapi import FastAPI

from mindtune.engine import is_run_dir, load_engine
from mindtune.serve import api, errors
from mindtune.serve.runtime import Runtime
from mindtune.serve.settings import ServerSettings

log = logging.getLogger("mindtune.serve")


def create_app(settings: ServerSettings, engine: Any = None, base_engine: Any = None) -> FastAPI:
    """The FastAPI app with the Gradio page mounted at ``/`` (unless ``settings.web`` is
    False: API only). ``engine`` defaults to ``load_engine(settings.target)``; the base engine
    of a run is loaded on first use."""
    settings.validate()
    if engine is None:
        engine = load_engine(settings.target, locale=settings.locale, fast=settings.fast)
    base_loader = None
    if base_engine is None and settings.compare and settings.target \
            and is_run_dir(settings.target):
        base_loader = functools.partial(load_engine, settings.target, base_only=True,
                                        locale=settings.locale)
    if settings.max_batch > 1 and hasattr(engine, "enable_batching") and engine.batcher is None:
        engine.enable_batching(settings.max_batch)  # test doubles without batching are served as is
    runtime = Runtime(settings, engine, base_loader=base_loader, base_engine=base_engine)
    app = FastAPI(title="mindtune", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.runtime = runtime
    errors.install(app)
    app.include_router(api.router)
    app.add_middleware(api.BodyLimit, limit=settings.max_body_bytes)
    if settings.web:
        from mindtune.serve import web  # gradio is heavy: import it only for the page

        web.mount(app, web.build(runtime))
    return app


def run_server(settings: ServerSettings) -> None:
    """Load the model, then serve until Ctrl-C."""
    import uvicorn

    if settings.host not in ("127.0.0.1", "localhost", "::1") and not settings.api_key:
        log.warning("listening on %s without --api-key: anyone who can reach this port can use "
                    "the API", settings.host)
    app = create_app(settings)
    url = f"http://{settings.host}:{settings.port}"
    page = f"web page {url}/  " if settings.web else "(no web page)  "
    print(f"mindtune serve: {page}API {url}/v1  health {url}/health", flush=True)
    if settings.log_conversations:
        print(f"conversations are appended to {settings.log_conversations}", flush=True)
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="info")


@contextlib.contextmanager
def serve_in_thread(app: FastAPI, host: str = "127.0.0.1", port: int = 0,
                    timeout: float = 30.0) -> Iterator[str]:
    """Run ``app`` with uvicorn on a background thread (port 0: a free one); yields the base
    URL and stops the server on exit. Used by the tests and handy in notebooks."""
    import uvicorn

    config = uvicorn.Config(app, host=host, port=port, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="mindtune-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the server did not start")
        time.sleep(0.05)
    bound = server.servers[0].sockets[0].getsockname()
    try:
        yield f"http://{bound[0]}:{bound[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout)

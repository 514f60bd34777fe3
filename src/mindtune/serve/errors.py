"""API errors in OpenAI's shape: ``{"error": {"message", "type", "param", "code"}}``.

Every error the API returns goes through here, so the official clients map statuses to their
exception classes (401 AuthenticationError, 400 BadRequestError, 429 RateLimitError, ...).
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from mindtune.serve.types import ErrorDetail, ErrorResponse

TYPES = {400: "invalid_request_error", 401: "invalid_request_error", 404: "invalid_request_error",
         405: "invalid_request_error", 413: "invalid_request_error", 422: "invalid_request_error",
         429: "rate_limit_error", 503: "server_error"}


class APIError(Exception):
    """An error response: status, one-line message, and OpenAI's param/code fields."""

    def __init__(self, status: int, message: str, *, code: str | None = None,
                 param: str | None = None, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code
        self.param = param
        self.headers = headers or {}

    def body(self) -> dict[str, Any]:
        detail = ErrorDetail(message=self.message, type=TYPES.get(self.status, "server_error"),
                             param=self.param, code=self.code)
        return ErrorResponse(error=detail).model_dump()

    def response(self) -> JSONResponse:
        return JSONResponse(self.body(), status_code=self.status, headers=self.headers)


def unauthorized() -> APIError:
    return APIError(401, "Incorrect or missing API key: send 'Authorization: Bearer <key>'.",
                    code="invalid_api_key", headers={"WWW-Authenticate": "Bearer"})


def _field(loc: tuple[Any, ...]) -> str:
    parts = [str(x) for x in loc if x != "body"]
    return ".".join(parts) or "body"


async def _api_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, APIError)
    return exc.response()


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = exc.errors()
    first = errors[0] if errors else {"loc": (), "msg": "invalid request"}
    param = _field(tuple(first.get("loc", ())))
    more = f" (+{len(errors) - 1} more)" if len(errors) > 1 else ""
    return APIError(422, f"{param}: {first.get('msg', 'invalid')}{more}", param=param,
                    code="invalid_value").response()


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    return APIError(exc.status_code, str(exc.detail), code=None,
                    headers=dict(exc.headers or {})).response()


def install(app: FastAPI) -> None:
    """Answer API errors, invalid bodies and HTTP errors of the app's own routes as OpenAI does
    (the mounted web page keeps its own handlers)."""
    app.add_exception_handler(APIError, _api_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)

"""Per-request facts the audit writer needs (request id, client address), set by middleware."""

from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True)
class RequestContext:
    request_id: str = ""
    client_address: str | None = None


current_request: ContextVar[RequestContext] = ContextVar(
    "current_request",
    default=RequestContext(),  # noqa: B039
)

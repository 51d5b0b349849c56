"""The HTTP layer below FastAPI: uvicorn's h11 protocol, answering a request it cannot parse in
the API's JSON error shape instead of a plain-text line."""

from __future__ import annotations

import json

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

# h11 refuses a request line plus headers larger than this (uvicorn's default)
MAX_HEAD_BYTES = 16 * 1024


class JsonErrorsH11Protocol(H11Protocol):
    def send_400_response(self, msg: str) -> None:
        body = json.dumps(
            {
                "error": {
                    "status": 400,
                    "code": "bad_request",
                    "message": "the HTTP request could not be read: it is malformed, or its request line and "
                    f"headers exceed {MAX_HEAD_BYTES:,} bytes",
                    "hint": "send long parameters in a POST body",
                    "details": [msg],
                }
            }
        ).encode()
        headers = [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
            (b"connection", b"close"),
        ]
        self.transport.write(self.conn.send(h11.Response(status_code=400, headers=headers, reason=b"Bad Request")))
        self.transport.write(self.conn.send(h11.Data(data=body)))
        self.transport.write(self.conn.send(h11.EndOfMessage()))
        self.transport.close()

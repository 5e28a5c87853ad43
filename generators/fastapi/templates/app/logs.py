"""One JSON line per event on stdout (warnings and errors on stderr), at LOG_LEVEL and above. It never logs
headers or bodies, so tokens, keys and report contents stay out of the logs."""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime
from typing import Any

LEVELS = {'debug': logging.DEBUG, 'info': logging.INFO, 'warn': logging.WARNING, 'error': logging.ERROR, 'silent': logging.CRITICAL + 10}
_STANDARD = set(logging.LogRecord('', 0, '', 0, '', None, None).__dict__) | {'message', 'asctime', 'taskName', 'color_message'}

log = logging.getLogger('app')


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            'time': datetime.fromtimestamp(record.created, UTC).isoformat(timespec='milliseconds').replace('+00:00', 'Z'),
            'level': {'WARNING': 'warn', 'CRITICAL': 'error'}.get(record.levelname, record.levelname.lower()),
            'message': record.getMessage(),
        }
        line.update({k: v for k, v in record.__dict__.items() if k not in _STANDARD and not k.startswith('_')})
        if record.exc_info and record.exc_info[0] is not None:
            line['error'] = record.exc_info[0].__name__
            line['stack'] = self.formatException(record.exc_info)
        return json.dumps(line, default=str)


class _Below(logging.Filter):
    def __init__(self, level: int) -> None:
        super().__init__()
        self.level = level

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno < self.level


def setup_logging(level: str) -> None:
    """JSON lines for our logs and uvicorn's; uvicorn's access log is off (we log each request ourselves)."""
    out = logging.StreamHandler(sys.stdout)
    out.addFilter(_Below(logging.WARNING))
    err = logging.StreamHandler(sys.stderr)
    err.setLevel(logging.WARNING)
    for handler in (out, err):
        handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [out, err]
    root.setLevel(LEVELS[level])
    for name in ('uvicorn', 'uvicorn.error'):
        logging.getLogger(name).handlers.clear()
        logging.getLogger(name).propagate = True
    logging.getLogger('uvicorn.access').disabled = True
    logging.getLogger('alembic').setLevel(max(LEVELS[level], logging.WARNING))  # its plugin chatter; we log the outcome

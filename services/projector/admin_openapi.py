"""The OpenAPI 3.1 description of the admin API; the read models' schemas come from their
own types, so the description cannot drift from what is served."""

from __future__ import annotations

from typing import Any

import msgspec

from services.projector.views import AppointmentView, ConsentRecord, SessionView

DEFAULT_LIMIT = 50
MAX_LIMIT = 200

_REF = "#/components/schemas/{name}"
_, _SCHEMAS = msgspec.json.schema_components(
    (SessionView, ConsentRecord, AppointmentView), ref_template=_REF
)


def _ref(name: str) -> dict[str, str]:
    return {"$ref": _REF.format(name=name)}


def _page_of(name: str) -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["items", "next_cursor"],
        "properties": {
            "items": {"type": "array", "items": _ref(name)},
            "next_cursor": {"type": ["string", "null"], "description": "null on the last page"},
        },
    }


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


_ERROR = _json(_ref("Error"), "the reason, in words")
_SUBJECT = {
    "name": "subject",
    "in": "path",
    "required": True,
    "description": "a chat key (c + 32 hex digits) or a WhatsApp chat id (5511…@c.us)",
    "schema": {"type": "string"},
}
_SESSION = {
    "name": "session",
    "in": "query",
    "description": "the WAHA session of a WhatsApp chat id",
    "schema": {"type": "string", "default": "default"},
}
_PAGE = [
    {
        "name": "limit",
        "in": "query",
        "schema": {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": DEFAULT_LIMIT},
    },
    {
        "name": "cursor",
        "in": "query",
        "description": "next_cursor of the previous page",
        "schema": {"type": "string"},
    },
]
_ERRORS = {"400": _ERROR, "401": _ERROR, "503": _ERROR}


def _get(summary: str, ok: dict[str, Any], *parameters: dict[str, Any]) -> dict[str, Any]:
    return {
        "get": {
            "summary": summary,
            "parameters": list(parameters),
            "responses": {"200": ok, **_ERRORS, "404": _ERROR},
        }
    }


def _post(summary: str, request: str, response: str) -> dict[str, Any]:
    return {
        "post": {
            "summary": summary,
            "parameters": [_SUBJECT, _SESSION],
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": _ref(request)}},
            },
            "responses": {
                "202": _json(_ref(response), "recorded; read models follow in seconds"),
                **_ERRORS,
                "404": _ERROR,
            },
        }
    }


OPENAPI: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {
        "title": "WhatsApp Session Manager — admin API",
        "version": "1",
        "description": "Read models (sessions, consent, appointments) and the LGPD rights "
        "of a data subject. Lists are paginated with limit and cursor.",
    },
    "security": [{"bearer": []}],
    "paths": {
        "/healthz": {
            "get": {
                "summary": "the API is up",
                "security": [],
                "responses": {"200": _json({"type": "object"}, "up")},
            }
        },
        "/v1/openapi.json": {
            "get": {
                "summary": "this description",
                "security": [],
                "responses": {"200": _json({"type": "object"}, "OpenAPI 3.1")},
            }
        },
        "/v1/sessions": _get(
            "sessions, most recently active first", _json(_page_of("SessionView"), "a page"), *_PAGE
        ),
        "/v1/sessions/{subject}": _get(
            "a subject's session: state, name, consent, last activity",
            _json(_ref("SessionView"), "the session"),
            _SUBJECT,
            _SESSION,
        ),
        "/v1/subjects/{subject}/consent": _get(
            "a subject's consent history, oldest first, with evidence (LGPD art. 8)",
            _json(_page_of("ConsentRecord"), "a page"),
            _SUBJECT,
            _SESSION,
            *_PAGE,
        ),
        "/v1/subjects/{subject}/appointments": _get(
            "a subject's appointments, by start",
            _json(_page_of("AppointmentView"), "a page"),
            _SUBJECT,
            _SESSION,
            *_PAGE,
        ),
        "/v1/subjects/{subject}/export": _get(
            "everything held about a subject, machine-readable (LGPD arts. 18 and 19)",
            _json({"type": "object"}, "session, consent, appointments, calendar bookings, events"),
            _SUBJECT,
            _SESSION,
        ),
        "/v1/subjects/{subject}/correction": _post(
            "correct a subject's name (LGPD art. 18, III)", "CorrectionRequest", "Correction"
        ),
        "/v1/subjects/{subject}/erasure": _post(
            "shred a subject's personal data (LGPD art. 18, VI)", "OperatorRequest", "Erasure"
        ),
        "/v1/subjects/{subject}/handoff/release": _post(
            "the bot answers a chat handed to a person again (409 if it is not)",
            "OperatorRequest",
            "Release",
        ),
        "/v1/appointments": _get(
            "a day's appointments, by start",
            _json(_page_of("AppointmentView"), "a page"),
            {
                "name": "day",
                "in": "query",
                "required": True,
                "description": "in the clinic's time zone",
                "schema": {"type": "string", "format": "date"},
            },
            *_PAGE,
        ),
        "/v1/appointments/{appointment}/no-show": {
            "post": {
                "summary": "the patient did not come (recorded once; 409 before it began, "
                "or for a cancelled appointment or a block)",
                "parameters": [
                    {
                        "name": "appointment",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string"},
                    }
                ],
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": _ref("OperatorRequest")}},
                },
                "responses": {
                    "202": _json(_ref("NoShow"), "recorded; read models follow in seconds"),
                    **_ERRORS,
                    "404": _ERROR,
                    "409": _ERROR,
                },
            }
        },
    },
    "components": {
        "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        "schemas": {
            **_SCHEMAS,
            "Error": {
                "type": "object",
                "required": ["error"],
                "properties": {"error": {"type": "string"}},
            },
            "OperatorRequest": {
                "type": "object",
                "required": ["requested_by"],
                "additionalProperties": False,
                "properties": {"requested_by": {"type": "string", "minLength": 1}},
            },
            "CorrectionRequest": {
                "type": "object",
                "required": ["name", "requested_by"],
                "additionalProperties": False,
                "properties": {
                    "name": {"type": "string", "minLength": 2, "maxLength": 60},
                    "requested_by": {"type": "string", "minLength": 1},
                },
            },
            "Correction": {
                "type": "object",
                "required": ["subject", "correction_entry_id"],
                "properties": {
                    "subject": {"type": "string"},
                    "correction_entry_id": {"type": "string"},
                },
            },
            "Release": {
                "type": "object",
                "required": ["subject", "release_entry_id"],
                "properties": {
                    "subject": {"type": "string"},
                    "release_entry_id": {"type": "string"},
                },
            },
            "NoShow": {
                "type": "object",
                "required": ["appointment_id", "no_show_entry_id"],
                "properties": {
                    "appointment_id": {"type": "string"},
                    "no_show_entry_id": {"type": "string"},
                },
            },
            "Erasure": {
                "type": "object",
                "required": ["subject", "erasure_entry_id"],
                "properties": {
                    "subject": {"type": "string"},
                    "erasure_entry_id": {"type": "string"},
                },
            },
        },
    },
}

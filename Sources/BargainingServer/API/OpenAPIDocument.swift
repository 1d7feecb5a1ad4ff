import Hummingbird

/// The API described as OpenAPI 3.1, served at `/openapi.json`. Kept true by the tests (every
/// route answers as described) and by schemathesis in CI; change it with ``API`` and the routes.
enum OpenAPIDocument {
    static var response: Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: json)))
    }

    static let json = #"""
    {
      "openapi": "3.1.0",
      "info": {
        "title": "bargain city server",
        "version": "1",
        "description": "Collective wage negotiations (工资集体协商): every party acts from its own seat. Errors are RFC 9457 problem documents; a refusal by the law carries its rule and article."
      },
      "servers": [{"url": "/"}],
      "security": [{"bearer": []}],
      "paths": {
        "/healthz": {
          "get": {
            "operationId": "health",
            "security": [],
            "summary": "Whether the server and its store answer",
            "responses": {
              "200": {"description": "up", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Health"}}}},
              "503": {"$ref": "#/components/responses/Problem"}
            }
          }
        },
        "/api/v1/me": {
          "get": {
            "operationId": "me",
            "summary": "The account and seat of the token",
            "responses": {
              "200": {"description": "the caller", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Me"}}}},
              "401": {"$ref": "#/components/responses/Problem"},
              "default": {"$ref": "#/components/responses/Problem"}
            }
          }
        },
        "/api/v1/negotiations": {
          "get": {
            "operationId": "listNegotiations",
            "summary": "The negotiations in the seat's scope as they stand on a date",
            "parameters": [
              {"$ref": "#/components/parameters/asOf"},
              {"name": "level", "in": "query", "schema": {"type": "string", "enum": ["enterprise", "industry", "regional"]}},
              {"name": "step", "in": "query", "schema": {"type": "string"}},
              {"name": "district", "in": "query", "schema": {"type": "string"}},
              {"name": "overdue", "in": "query", "schema": {"type": "string", "enum": ["true", "false", "1", "0", "yes", "no"]}}
            ],
            "responses": {
              "200": {"description": "the list", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/List"}}}},
              "400": {"$ref": "#/components/responses/Problem"},
              "401": {"$ref": "#/components/responses/Problem"},
              "default": {"$ref": "#/components/responses/Problem"}
            }
          }
        },
        "/api/v1/negotiations/{id}": {
          "get": {
            "operationId": "status",
            "summary": "Where one negotiation stands on a date (the shape of bargain status --json)",
            "parameters": [{"$ref": "#/components/parameters/id"}, {"$ref": "#/components/parameters/asOf"}],
            "responses": {
              "200": {"description": "its status", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Status"}}}},
              "400": {"$ref": "#/components/responses/Problem"},
              "401": {"$ref": "#/components/responses/Problem"},
              "404": {"$ref": "#/components/responses/Problem"},
              "422": {"$ref": "#/components/responses/Problem"},
              "default": {"$ref": "#/components/responses/Problem"}
            }
          }
        },
        "/api/v1/negotiations/{id}/actions": {
          "get": {
            "operationId": "actions",
            "summary": "The acts possible now, their fields, and whether this seat may take each",
            "parameters": [{"$ref": "#/components/parameters/id"}, {"$ref": "#/components/parameters/asOf"}],
            "responses": {
              "200": {"description": "the acts", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Actions"}}}},
              "400": {"$ref": "#/components/responses/Problem"},
              "401": {"$ref": "#/components/responses/Problem"},
              "404": {"$ref": "#/components/responses/Problem"},
              "422": {"$ref": "#/components/responses/Problem"},
              "default": {"$ref": "#/components/responses/Problem"}
            }
          }
        },
        "/api/v1/negotiations/{id}/timeline": {
          "get": {
            "operationId": "timeline",
            "summary": "Every recorded event",
            "parameters": [{"$ref": "#/components/parameters/id"}],
            "responses": {
              "200": {"description": "the events", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Timeline"}}}},
              "401": {"$ref": "#/components/responses/Problem"},
              "404": {"$ref": "#/components/responses/Problem"},
              "default": {"$ref": "#/components/responses/Problem"}
            }
          }
        },
        "/api/v1/negotiations/{id}/events": {
          "get": {
            "operationId": "events",
            "summary": "The history as stored, with each event's hash in the chain (for bargain log and status against the server)",
            "parameters": [{"$ref": "#/components/parameters/id"}],
            "responses": {
              "200": {"description": "the events", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Events"}}}},
              "401": {"$ref": "#/components/responses/Problem"},
              "404": {"$ref": "#/components/responses/Problem"},
              "default": {"$ref": "#/components/responses/Problem"}
            }
          }
        },
        "/api/v1/negotiations/{id}/acts": {
          "post": {
            "operationId": "act",
            "summary": "Take an act from the caller's seat; the actor recorded is the account",
            "parameters": [{"$ref": "#/components/parameters/id"}],
            "requestBody": {
              "required": true,
              "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ActRequest"}}}
            },
            "responses": {
              "201": {"description": "recorded", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ActResult"}}}},
              "400": {"$ref": "#/components/responses/Problem"},
              "401": {"$ref": "#/components/responses/Problem"},
              "403": {"$ref": "#/components/responses/Problem"},
              "404": {"$ref": "#/components/responses/Problem"},
              "409": {"$ref": "#/components/responses/Problem"},
              "413": {"$ref": "#/components/responses/Problem"},
              "422": {"$ref": "#/components/responses/Problem"},
              "default": {"$ref": "#/components/responses/Problem"}
            }
          }
        },
        "/api/v1/tokens": {
          "post": {
            "operationId": "token",
            "security": [],
            "summary": "An API token for an account's password (bargain login); 30 days",
            "requestBody": {
              "required": true,
              "content": {"application/json": {"schema": {"type": "object", "required": ["name", "password"], "additionalProperties": false,
                "properties": {"name": {"type": "string"}, "password": {"type": "string"}}}}}
            },
            "responses": {
              "201": {"description": "the token, shown once", "content": {"application/json": {"schema": {"type": "object",
                "required": ["token", "account", "seat", "expiresIn"],
                "properties": {"token": {"type": "string"}, "account": {"type": "string"}, "seat": {"type": "string"}, "expiresIn": {"type": "integer"}}}}}},
              "400": {"$ref": "#/components/responses/Problem"},
              "401": {"$ref": "#/components/responses/Problem"},
              "429": {"$ref": "#/components/responses/Problem"},
              "default": {"$ref": "#/components/responses/Problem"}
            }
          }
        },
        "/api/v1/coverage": {
          "get": {
            "operationId": "coverage",
            "summary": "Coverage rates against the targets for the seat's scope as of a date (the shape of bargain coverage --json)",
            "description": "Staff, upper-level union and labour administration of a district see that district; the administrator sees the city, or the district asked for. Another district answers 404, as one that does not exist.",
            "parameters": [
              {"$ref": "#/components/parameters/asOf"},
              {"name": "district", "in": "query", "description": "a district (区) as the registry names it; the seat's own when absent", "schema": {"type": "string"}},
              {"name": "by", "in": "query", "description": "break the figures down; the total only when absent", "schema": {"type": "string", "enum": ["district", "street", "industry", "chamber"]}},
              {"name": "from", "in": "query", "description": "first day of the renewal period (default 1 January of asOf's year)", "schema": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}},
              {"name": "to", "in": "query", "description": "last day of the renewal period, on or before asOf (default asOf)", "schema": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}}
            ],
            "responses": {
              "200": {"description": "the report", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CoverageReport"}}}},
              "400": {"$ref": "#/components/responses/Problem"},
              "401": {"$ref": "#/components/responses/Problem"},
              "403": {"$ref": "#/components/responses/Problem"},
              "404": {"$ref": "#/components/responses/Problem"},
              "default": {"$ref": "#/components/responses/Problem"}
            }
          }
        },
        "/api/v1/audit": {
          "get": {
            "operationId": "audit",
            "summary": "The audit log, newest first (administrator only)",
            "parameters": [{"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 10000}}],
            "responses": {
              "200": {"description": "entries", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/AuditLine"}}}}},
              "401": {"$ref": "#/components/responses/Problem"},
              "403": {"$ref": "#/components/responses/Problem"},
              "default": {"$ref": "#/components/responses/Problem"}
            }
          }
        }
      },
      "components": {
        "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer", "description": "bargain accounts token NAME, or bargain login"}},
        "parameters": {
          "id": {"name": "id", "in": "path", "required": true, "schema": {"type": "string", "minLength": 1}},
          "asOf": {"name": "asOf", "in": "query", "description": "YYYY-MM-DD; today when absent", "schema": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}}
        },
        "responses": {
          "Problem": {"description": "a problem (RFC 9457)", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}
        },
        "schemas": {
          "Problem": {
            "type": "object",
            "required": ["type", "title", "status", "detail"],
            "properties": {
              "type": {"type": "string"}, "title": {"type": "string"}, "status": {"type": "integer"}, "detail": {"type": "string"},
              "rule": {"type": "string"}, "article": {"type": "string"}, "problems": {"type": "array", "items": {"type": "string"}},
              "expectedVersion": {"type": "integer", "description": "On a conflict (409): the version the act was decided on."},
              "actualVersion": {"type": "integer", "description": "On a conflict (409): the version another writer left."}
            }
          },
          "Health": {"type": "object", "required": ["status", "version"], "properties": {"status": {"type": "string"}, "version": {"type": "string"}}},
          "Me": {
            "type": "object", "required": ["account", "seat", "seatName"],
            "properties": {"account": {"type": "string"}, "seat": {"type": "string"}, "seatName": {"type": "string"}, "role": {"type": "string"}}
          },
          "List": {
            "type": "object", "required": ["asOf", "negotiations"],
            "properties": {
              "asOf": {"type": "string"},
              "negotiations": {"type": "array", "items": {"$ref": "#/components/schemas/Summary"}}
            }
          },
          "Summary": {
            "type": "object",
            "required": ["id", "level", "workflow", "title", "employeeParty", "employerParty", "step", "version", "lastDay", "deadlines"],
            "properties": {
              "id": {"type": "string"}, "level": {"type": "string"},
              "workflow": {"type": "object", "required": ["name", "version", "digest"],
                "properties": {"name": {"type": "string"}, "version": {"type": "integer"}, "digest": {"type": "string"}}},
              "title": {"type": "string"}, "employeeParty": {"type": "string"}, "employerParty": {"type": "string"},
              "district": {"type": "string"}, "street": {"type": "string"}, "step": {"type": "string"},
              "version": {"type": "integer"}, "lastDay": {"type": "string"},
              "deadlines": {"type": "array", "items": {"type": "object", "required": ["name", "due"],
                "properties": {"name": {"type": "string"}, "due": {"type": "string"}}}},
              "contract": {"type": "object"}
            }
          },
          "Events": {
            "type": "object", "required": ["id", "events"],
            "properties": {
              "id": {"type": "string"},
              "events": {"type": "array", "items": {"type": "object", "required": ["event", "recordedAt", "hash"],
                "properties": {"event": {"type": "object"}, "recordedAt": {"type": "string"}, "hash": {"type": "string"}}}},
              "brokenChain": {"$ref": "#/components/schemas/ChainBreak"}
            }
          },
          "ChainBreak": {
            "type": "object", "required": ["sequence", "reason"],
            "properties": {"sequence": {"type": "integer"}, "reason": {"type": "string"}}
          },
          "Status": {
            "type": "object",
            "required": ["id", "title", "level", "workflow", "asOf", "version", "lastDay", "step", "parties", "enterprises", "lapses", "late", "deadlines", "next"],
            "properties": {
              "id": {"type": "string"}, "title": {"type": "string"}, "level": {"type": "string"},
              "workflow": {"type": "object", "required": ["name", "version", "digest"],
                "properties": {"name": {"type": "string"}, "version": {"type": "integer"}, "digest": {"type": "string"}}},
              "asOf": {"type": "string"}, "version": {"type": "integer"}, "lastDay": {"type": "string"},
              "step": {"type": "object", "required": ["name", "title", "about", "terminal"],
                "properties": {"name": {"type": "string"}, "title": {"type": "string"}, "about": {"type": "string"}, "terminal": {"type": "boolean"}}},
              "parties": {"type": "object", "required": ["employeeSide", "employerSide"],
                "properties": {"employeeSide": {"type": "string"}, "employerSide": {"type": "string"}}},
              "enterprises": {"type": "array", "items": {"type": "object", "required": ["creditCode", "name"],
                "properties": {"creditCode": {"type": "string"}, "name": {"type": "string"}, "employees": {"type": "integer"}}}},
              "district": {"type": "string"}, "street": {"type": "string"}, "renews": {"type": "string"}, "renewal": {"type": "string"},
              "amends": {"type": "string"}, "amendment": {"type": "string"},
              "effectiveOn": {"type": "string"}, "expiresOn": {"type": "string"},
              "lapses": {"type": "array", "items": {"type": "object"}},
              "late": {"type": "array", "items": {"type": "object"}},
              "deadlines": {"type": "array", "items": {"type": "object", "required": ["name", "title", "article", "due", "daysLeft", "overdue"],
                "properties": {"name": {"type": "string"}, "title": {"type": "string"}, "article": {"type": "string"}, "due": {"type": "string"},
                  "daysLeft": {"type": "integer"}, "overdue": {"type": "boolean"}}}},
              "next": {"type": "array", "items": {"type": "object", "required": ["action", "title", "roles", "waitingFor", "rules"],
                "properties": {"action": {"type": "string"}, "title": {"type": "string"}, "roles": {"type": "array", "items": {"type": "string"}},
                  "waitingFor": {"type": "array", "items": {"type": "string"}}, "rules": {"type": "array", "items": {"type": "object"}}}}},
              "brokenChain": {"$ref": "#/components/schemas/ChainBreak"}
            }
          },
          "Actions": {
            "type": "object", "required": ["id", "asOf", "actions"],
            "properties": {
              "id": {"type": "string"}, "asOf": {"type": "string"},
              "actions": {"type": "array", "items": {
                "type": "object", "required": ["action", "title", "article", "roles", "waitingFor", "mine", "fields"],
                "properties": {
                  "action": {"type": "string"}, "title": {"type": "string"}, "article": {"type": "string"},
                  "roles": {"type": "array", "items": {"type": "string"}}, "waitingFor": {"type": "array", "items": {"type": "string"}},
                  "mine": {"type": "boolean"}, "refusal": {"type": "string"},
                  "fields": {"type": "array", "items": {"type": "object", "required": ["name", "type", "required", "help", "hint"],
                    "properties": {"name": {"type": "string"}, "type": {"type": "string"}, "required": {"type": "boolean"},
                      "help": {"type": "string"}, "hint": {"type": "string"}}}}
                }
              }}
            }
          },
          "ActRequest": {
            "type": "object", "required": ["action"], "additionalProperties": false,
            "properties": {
              "action": {"type": "string", "description": "an act of the negotiation's workflow, e.g. send-notice"},
              "on": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "description": "the day it was taken; today when absent"},
              "fields": {"type": "object", "additionalProperties": {"type": "string"}},
              "requestId": {"type": "string", "description": "idempotency key"}
            }
          },
          "TimelineEntry": {
            "type": "object", "required": ["sequence", "on", "role", "roleName", "actor", "kind", "title", "fields", "notes"],
            "properties": {
              "sequence": {"type": "integer"}, "on": {"type": "string"}, "role": {"type": "string"}, "roleName": {"type": "string"},
              "actor": {"type": "string"}, "kind": {"type": "string", "enum": ["opened", "acted", "lapsed"]}, "action": {"type": "string"},
              "title": {"type": "string"}, "fields": {"type": "array", "items": {"type": "string"}},
              "notes": {"type": "array", "items": {"type": "string"}}
            }
          },
          "Timeline": {
            "type": "object", "required": ["id", "events"],
            "properties": {"id": {"type": "string"}, "events": {"type": "array", "items": {"$ref": "#/components/schemas/TimelineEntry"}}}
          },
          "ActResult": {
            "type": "object", "required": ["recorded", "warnings", "replayed", "status"],
            "properties": {
              "recorded": {"type": "array", "items": {"$ref": "#/components/schemas/TimelineEntry"}},
              "warnings": {"type": "array", "items": {"type": "string"}},
              "explanation": {"type": "string"}, "opened": {"type": "string"},
              "replayed": {"type": "boolean", "description": "The requestId was already recorded; this is its first outcome again."},
              "status": {"$ref": "#/components/schemas/Status"}
            }
          },
          "CoverageReport": {
            "type": "object", "required": ["asOf", "from", "to", "groupBy", "groups", "total"],
            "properties": {
              "asOf": {"type": "string"}, "from": {"type": "string"}, "to": {"type": "string"},
              "groupBy": {"type": "string", "enum": ["district", "street", "industry", "chamber", "none"]},
              "groups": {"type": "array", "items": {"$ref": "#/components/schemas/CoverageFigures"}},
              "total": {"$ref": "#/components/schemas/CoverageFigures"}
            }
          },
          "CoverageFigures": {
            "type": "object",
            "required": ["key", "unionised", "signed", "signingRate", "employees", "employeesCovered", "employeeCoverage", "due", "renewed",
              "renewalRate", "chamberMembers", "chamberSigned", "chamberRate", "congressEstablished", "congressRate", "shortfall"],
            "properties": {
              "key": {"type": "string"}, "district": {"type": "string"},
              "unionised": {"type": "integer"}, "signed": {"type": "integer"}, "signingRate": {"type": ["number", "null"]},
              "employees": {"type": "integer"}, "employeesCovered": {"type": "integer"}, "employeeCoverage": {"type": ["number", "null"]},
              "due": {"type": "integer"}, "renewed": {"type": "integer"}, "renewalRate": {"type": ["number", "null"]},
              "chamberMembers": {"type": "integer"}, "chamberSigned": {"type": "integer"}, "chamberRate": {"type": ["number", "null"]},
              "congressEstablished": {"type": "integer"}, "congressRate": {"type": ["number", "null"]},
              "shortfall": {"type": "object", "required": ["signing", "renewal", "chamber"],
                "properties": {"signing": {"type": ["integer", "null"]}, "renewal": {"type": ["integer", "null"]}, "chamber": {"type": ["integer", "null"]}}}
            }
          },
          "AuditLine": {
            "type": "object", "required": ["at", "account", "event", "detail"],
            "properties": {"at": {"type": "integer"}, "account": {"type": "string"}, "event": {"type": "string"}, "detail": {"type": "string"}, "remote": {"type": "string"}}
          }
        }
      }
    }
    """#
}

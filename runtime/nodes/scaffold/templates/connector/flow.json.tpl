{
  "schemaVersion": 1,
  "id": "__FILE__-fixture",
  "name": "__LABEL__ fixture",
  "nodes": [
    { "id": "api", "type": "__CHANNEL__.fixture-transport", "version": 1, "config": {} },
    { "id": "read", "type": "__TYPE__", "version": 1, "config": { "resource": "persons" } },
    {
      "id": "to-person",
      "type": "core.field-mapper",
      "version": 1,
      "config": {
        "entityType": "person",
        "originId": "id",
        "fields": [
          { "target": "firstName", "source": "firstName", "coerce": "trim" },
          { "target": "lastName", "source": "lastName", "coerce": "trim" },
          { "target": "email", "source": "email", "coerce": ["trim", "lower"] }
        ]
      }
    },
    { "id": "store", "type": "core.entity-store", "version": 1, "config": {} }
  ],
  "connections": [
    { "from": { "node": "api", "port": "transport" }, "to": { "node": "read", "port": "transport" } },
    { "from": { "node": "read", "port": "records" }, "to": { "node": "to-person", "port": "records" } },
    { "from": { "node": "to-person", "port": "entities" }, "to": { "node": "store", "port": "entities" } }
  ]
}

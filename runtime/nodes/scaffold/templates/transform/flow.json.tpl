{
  "schemaVersion": 1,
  "id": "__FILE__-fixture",
  "name": "__LABEL__ fixture",
  "nodes": [
    { "id": "files", "type": "file.transport", "version": 1, "config": { "baseDir": "." } },
    { "id": "rows", "type": "file.jsonl", "version": 1, "config": { "glob": "records.jsonl" } },
    { "id": "clean", "type": "__TYPE__", "version": 1, "config": {} },
    {
      "id": "to-person",
      "type": "core.field-mapper",
      "version": 1,
      "config": {
        "entityType": "person",
        "originId": "id",
        "fields": [
          { "target": "firstName", "source": "firstName" },
          { "target": "lastName", "source": "lastName" },
          { "target": "email", "source": "email", "coerce": "lower" }
        ]
      }
    },
    { "id": "store", "type": "core.entity-store", "version": 1, "config": {} }
  ],
  "connections": [
    { "from": { "node": "files", "port": "transport" }, "to": { "node": "rows", "port": "transport" } },
    { "from": { "node": "rows", "port": "records" }, "to": { "node": "clean", "port": "records" } },
    { "from": { "node": "clean", "port": "records" }, "to": { "node": "to-person", "port": "records" } },
    { "from": { "node": "to-person", "port": "entities" }, "to": { "node": "store", "port": "entities" } }
  ]
}

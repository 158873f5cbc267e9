{
  "schemaVersion": 1,
  "id": "__FILE__-fixture",
  "name": "__LABEL__ fixture",
  "nodes": [
    { "id": "files", "type": "file.transport", "version": 1, "config": { "baseDir": "." } },
    { "id": "rows", "type": "file.jsonl", "version": 1, "config": { "glob": "records.jsonl" } },
    { "id": "map", "type": "__TYPE__", "version": 1, "config": {} },
    { "id": "store", "type": "core.entity-store", "version": 1, "config": {} }
  ],
  "connections": [
    { "from": { "node": "files", "port": "transport" }, "to": { "node": "rows", "port": "transport" } },
    { "from": { "node": "rows", "port": "records" }, "to": { "node": "map", "port": "records" } },
    { "from": { "node": "map", "port": "entities" }, "to": { "node": "store", "port": "entities" } }
  ]
}

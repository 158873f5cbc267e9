# `__TYPE__` (__CATEGORY__)

Made by `tributary new-node __TYPE__ --category __CATEGORY__`. The node type lives in one file,
`__FILE__.ts` (so `tributary serve --watch-nodes` can reload it), beside its test:

- `__FILE__.ts`: the definition (`defineNode` from `tributary/contract`), its default export.
- `__FILE__.test.ts`: unit tests through the node test harness (`tributary/testing`) and a fixture flow
  run by the real runtime (`tributary run`), compared with `fixtures/expected-entities.json`.
- `fixtures/`: the fixture flow (`flow.json`), its input data and the entities it must store.

Run the test with `npx vitest run <this folder>`. Load the node type beside the built-ins with
`TRIBUTARY_NODE_PATHS=<this folder>/__FILE__.ts`, or publish it in a package (docs/custom-nodes.md).
Bump `version` whenever the meaning of the config or of the output changes.

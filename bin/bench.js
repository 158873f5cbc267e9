#!/usr/bin/env node
// `npm run bench -- [suite] [--records N]`: see bench/main.ts.
import { register } from 'tsx/esm/api';

register();
await import('../bench/main.ts');

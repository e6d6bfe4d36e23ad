import { z } from 'zod/mini';

// zod 4 compiles parsers into functions at run time (`Function` constructor), which MV3's CSP forbids in every
// extension context. Every module imports `z` from here so the switch is made
// before the first schema is built. `zod/mini` is zod's tree-shakeable API: the
// content script carries only the schemas and checks it uses.
z.config({ jitless: true });

export { z };

import { z } from 'zod';

// zod 4 compiles parsers with `new Function`, which MV3's CSP forbids in every
// extension context. Every module imports `z` from here so the switch is made
// before the first schema is built.
z.config({ jitless: true });

export { z };

import { z } from 'zod/mini';

// zod 4 compiles parsers into functions at run time (`Function` constructor), which MV3's CSP forbids in every
// extension context. Every module imports `z` from here so the switch is made
// before the first schema is built. `zod/mini` is zod's tree-shakeable API: the
// content script carries only the schemas and checks it uses.
z.config({ jitless: true });

// The helpers below are marked free of side effects, so a schema a bundle drops (one only the
// background or the view uses) leaves no call to them behind.

/**
 * One of `values`, as z.enum checks it and with its `options`, but built on z.literal: the
 * schemas the page's world carries use this, so it carries no enum class (content_script_gzip_kb).
 */
export const oneOf = /* @__NO_SIDE_EFFECTS__ */ <const T extends readonly [string, ...string[]]>(
  values: T,
) => Object.assign(z.literal(values), { options: [...values] as T[number][] });

/**
 * A string that is not empty, as z.minLength(1) checks it, but with a check of its own (zod's
 * `.check(fn)`): the page's world then carries no minLength check (content_script_gzip_kb).
 */
export const nonEmptyString = /* @__NO_SIDE_EFFECTS__ */ () =>
  z.string().check((payload) => {
    if (payload.value === '')
      payload.issues.push({
        code: 'too_small',
        origin: 'string',
        minimum: 1,
        inclusive: true,
        input: payload.value,
      });
  });

/** A boolean, as z.boolean() checks it, but built on z.literal: the page's world then carries no boolean class. */
export const bool = /* @__NO_SIDE_EFFECTS__ */ () => z.literal([true, false]);

export { z };

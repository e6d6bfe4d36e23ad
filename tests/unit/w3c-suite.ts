import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv from 'ajv-draft-04';

/**
 * The W3C Web Annotation test suite (w3c/web-annotation-tests), run as its harness does
 * (web-platform-tests `annotation-model/scripts/JSONtest.js`): a `.test` file lists assertion
 * schemas (nested lists recurse), each is compiled with a draft-04 validator, its
 * `expectedResult` ('valid' unless said) is compared with the outcome, and an unexpected outcome
 * turns into the action its `onUnexpectedResult` names (continue, skip the rest of this level,
 * or abort everything after it).
 */
export const SUITE = resolve(process.cwd(), '../shared/real/w3c-web-annotation-tests');

interface Assertion {
  id?: string;
  title?: string;
  assertionType?: 'must' | 'should' | 'may';
  expectedResult?: 'valid' | 'invalid';
  onUnexpectedResult?: string;
  errorMessage?: string;
  message?: string;
}
type AssertionList = (Assertion | AssertionList)[];

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

// As JSONtest.js: one validator for the run, schemas not validated against the meta-schema. The
// suite's files carry keys of their own (assertionType, title…), so ajv's strict mode is off.
const ajv = new Ajv({ allErrors: true, validateSchema: false, strict: false });
// The suite's two formats, as ajv's "fast" format checks (the harness's ajv had them built in):
// an absolute IRI with no white space, and an RFC 3339 date-time.
ajv.addFormat('uri', /^[a-z][a-z0-9+\-.]*:[^\s]*$/i);
ajv.addFormat(
  'date-time',
  /^\d{4}-[01]\d-[0-3]\dt(?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)$/i,
);
for (const file of readdirSync(resolve(SUITE, 'definitions')).filter((f) => f.endsWith('.json'))) {
  ajv.addSchema(readJson(resolve(SUITE, 'definitions', file)) as object);
}

/** A list entry: a file name (relative to the suite's root), an inline schema, or one naming its file. */
function load(entry: unknown): Assertion | AssertionList {
  if (Array.isArray(entry)) return entry.map(load);
  if (typeof entry === 'string') return readJson(resolve(SUITE, entry)) as Assertion;
  const { assertionFile, ...rest } = entry as { assertionFile?: string };
  return assertionFile ? { ...(readJson(resolve(SUITE, assertionFile)) as object), ...rest } : rest;
}

export interface Outcome {
  /** The assertion's file name (its schema id). */
  id: string;
  title: string;
  assertionType: string;
  /** Whether the outcome was the expected one. */
  passed: boolean;
  skipped: boolean;
  errors: string;
}

const ACTIONS: Record<string, 'continue' | 'skip' | 'abort'> = {
  failAndContinue: 'continue',
  failAndSkip: 'skip',
  failAndAbort: 'abort',
  passAndContinue: 'continue',
  passAndSkip: 'skip',
  passAndAbort: 'abort',
};

const compiled = new Map<Assertion, ReturnType<typeof ajv.compile>>();

function run(
  list: AssertionList,
  content: unknown,
  outcomes: Outcome[],
  action: 'continue' | 'skip' | 'abort' = 'continue',
): 'continue' | 'skip' | 'abort' {
  let next = action;
  for (const assertion of list) {
    if (Array.isArray(assertion)) {
      if (run(assertion, content, outcomes, next) === 'abort') next = 'abort';
      continue;
    }
    if (next === 'abort') return 'abort';
    const id = assertion.id ?? 'inline assertion';
    const title = assertion.title ?? id;
    const assertionType = assertion.assertionType ?? 'must';
    if (next !== 'continue') {
      outcomes.push({ id, title, assertionType, passed: true, skipped: true, errors: '' });
      continue;
    }
    let validate = compiled.get(assertion);
    if (!validate) {
      validate = ajv.compile(assertion);
      compiled.set(assertion, validate);
    }
    const valid = validate(content) as boolean;
    const passed = (assertion.expectedResult ?? 'valid') === (valid ? 'valid' : 'invalid');
    if (!passed) next = ACTIONS[assertion.onUnexpectedResult ?? 'failAndContinue'] ?? 'continue';
    outcomes.push({
      id,
      title,
      assertionType,
      passed,
      skipped: false,
      errors: passed ? '' : `${assertion.errorMessage ?? ''} ${ajv.errorsText(validate.errors)}`,
    });
  }
  return next;
}

const tests = new Map<string, AssertionList>();

/** Runs one `.test` file (path relative to the suite's root) on a JSON value. */
export function runSuiteTest(testFile: string, content: unknown): Outcome[] {
  let list = tests.get(testFile);
  if (!list) {
    const test = readJson(resolve(SUITE, testFile)) as { assertions: unknown[] };
    list = test.assertions.map(load);
    tests.set(testFile, list);
  }
  const outcomes: Outcome[] = [];
  run(list, content, outcomes);
  return outcomes;
}

/** The MUST and SHOULD assertions that did not give their expected result, by id, with why. */
export const failedMustsAndShoulds = (outcomes: Outcome[]) =>
  Object.fromEntries(
    outcomes
      .filter((o) => !o.passed && o.assertionType !== 'may')
      .map((o) => [o.id, `${o.assertionType}: ${o.title} —${o.errors}`]),
  );

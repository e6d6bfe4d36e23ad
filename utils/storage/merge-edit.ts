import { z } from '../zod';
import { Annotation } from './records';

/** What a person edits on a note; the passage and the page never change after it is made. */
export const EditableField = z.enum(['note', 'tags', 'colour']);
export type EditableField = z.infer<typeof EditableField>;

/** What became of an edit: written as it was, merged with another view's edit, or refused. */
export const EditOutcome = z.discriminatedUnion('status', [
  z.object({ status: z.literal('saved'), annotation: Annotation }),
  z.object({ status: z.literal('merged'), annotation: Annotation }),
  /** `current` is the stored version (null: deleted meanwhile); `fields` both sides changed. */
  z.object({
    status: z.literal('conflict'),
    current: z.nullable(Annotation),
    fields: z.array(EditableField),
  }),
]);
export type EditOutcome = z.infer<typeof EditOutcome>;

const revisionOf = (annotation: Annotation) => annotation.revision ?? 0;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Resolves an edit made from `base` against what is stored now. Unchanged since `base`: the edit
 * is written. Changed by another view: the two merge field by field where they changed different
 * fields, and are refused where both changed the same one, so neither is lost.
 */
export function resolveEdit(base: Annotation, mine: Annotation, stored: Annotation): EditOutcome {
  const revision = revisionOf(stored) + 1;
  if (revisionOf(stored) === revisionOf(base)) {
    return { status: 'saved', annotation: { ...mine, revision } };
  }
  const fields = EditableField.options.filter(
    (field) =>
      !same(mine[field], base[field]) &&
      !same(stored[field], base[field]) &&
      !same(mine[field], stored[field]),
  );
  if (fields.length > 0) return { status: 'conflict', current: stored, fields };
  const merged: Annotation = {
    ...stored,
    revision,
    updatedAt: Math.max(mine.updatedAt, stored.updatedAt),
  };
  for (const field of EditableField.options) {
    if (!same(mine[field], base[field])) Object.assign(merged, { [field]: mine[field] });
  }
  return { status: 'merged', annotation: merged };
}

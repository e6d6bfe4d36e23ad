import { passageFromHypothesis, toHypothesis } from '../library/hypothesis';
import type { Annotation } from '../storage/records';
import type { GroupNote } from '../storage/sharing-records';
import { type AnnotationCreate, type ApiAnnotation, apiTime } from './api';

/** A note with this tag is never sent anywhere. */
const PRIVATE_TAG = 'private';

export const isPrivate = (note: Pick<Annotation, 'tags'>) =>
  note.tags.some((tag) => tag.toLowerCase() === PRIVATE_TAG);

interface PrivateRefusal {
  kind: 'private';
  noteId: string;
  message: string;
}

/**
 * A note as it is posted to a group: what our Hypothesis file gives (`toHypothesis`: the page,
 * quote and Hypothesis's position, text and tags), in the group and readable by the group only
 * (`group:<id>`: h's `_shared` in h/schemas/annotation.py). Refused for a note tagged private.
 */
export function toGroupAnnotation(
  note: Annotation,
  groupId: string,
): { ok: true; annotation: AnnotationCreate } | { ok: false; refusal: PrivateRefusal } {
  if (isPrivate(note)) {
    return {
      ok: false,
      refusal: {
        kind: 'private',
        noteId: note.id,
        message: 'This note is tagged “private”, so it is never published.',
      },
    };
  }
  const { uri, text, tags, target } = toHypothesis(note);
  return {
    ok: true,
    annotation: {
      uri,
      document: { title: note.pageTitle === null ? [] : [note.pageTitle] },
      text,
      tags,
      group: groupId,
      permissions: { read: [`group:${groupId}`] },
      target,
    },
  };
}

/** One of the group's annotations, as the view lists it and the page paints it. */
export function fromGroupAnnotation(a: ApiAnnotation, me: string | null): GroupNote {
  const [first] = a.target;
  return {
    id: a.id,
    user: a.user,
    displayName: a.user_info?.display_name ?? null,
    created: apiTime(a.created),
    updated: apiTime(a.updated),
    uri: a.uri,
    title: a.document.title?.[0] ?? null,
    text: a.text,
    tags: a.tags,
    target: passageFromHypothesis(first?.selector ?? []).passage,
    mine: me !== null && a.user === me,
  };
}

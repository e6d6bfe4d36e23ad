import { useCallback, useEffect, useState } from 'preact/hooks';
import { sendRequest } from '../../utils/messaging/client';
import { watchSharingChanges } from '../../utils/messaging/page-channel';
import { plural } from '../../utils/plural';
import type { PublishSelection, SharingStatus } from '../../utils/sharing/messages';

/** Said before anything is sent: in settings and beside the view's publish button. */
export const SEND_WARNING =
  "Notes you publish are sent to hypothes.is and readable by the group's members.";

/**
 * The sharing status, read again whenever the background says it changed (a job sent, the
 * queue stopped, another view connected): `problem` when it cannot be read.
 */
export function useSharingStatus(
  send: typeof sendRequest = sendRequest,
  watch: typeof watchSharingChanges = watchSharingChanges,
) {
  const [status, setStatus] = useState<SharingStatus | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const refresh = useCallback(async () => {
    const answer = await send({ type: 'sharing/status' });
    if (answer.ok) setStatus(answer.data);
    else setProblem(answer.error.message);
  }, [send]);
  useEffect(() => {
    void refresh();
    return watch(() => void refresh());
  }, [refresh, watch]);
  return { status, problem, refresh };
}

/** Publishing from the view and the library: null until an account and a group are chosen. */
export interface Sharing {
  groupName: string;
  /** The ids of the notes the group has. */
  published: Set<string>;
  /** What the last publish or unpublish did, or why it could not. */
  message: string | null;
  publish(selection: PublishSelection): Promise<void>;
  unpublish(noteIds: string[]): Promise<void>;
}

export function useSharing(send: typeof sendRequest = sendRequest): Sharing | null {
  const { status, refresh } = useSharingStatus(send);
  const [message, setMessage] = useState<string | null>(null);
  const account = status?.account;
  const group = account?.groups.find((g) => g.id === account.groupId);
  if (!status || !group) return null;
  return {
    groupName: group.name,
    published: new Set(status.published.map((p) => p.noteId)),
    message,
    publish: async (selection) => {
      const answer = await send({ type: 'sharing/publish', selection });
      if (!answer.ok) setMessage(answer.error.message);
      else if (answer.data.status === 'not-connected') setMessage(answer.data.message);
      else
        setMessage(
          publishMessage(answer.data.queued.length, answer.data.privateIds.length, group.name),
        );
      await refresh();
    },
    unpublish: async (noteIds) => {
      const answer = await send({ type: 'sharing/unpublish', noteIds });
      setMessage(
        answer.ok
          ? `${plural(noteIds.length, 'note', 'notes')} will be removed from ${group.name}.`
          : answer.error.message,
      );
      await refresh();
    },
  };
}

/** "2 notes queued for SEND funding campaign; 1 tagged private was left out." */
export function publishMessage(queued: number, privates: number, groupName: string): string {
  const sent =
    queued === 0
      ? 'Nothing to publish'
      : `${plural(queued, 'note', 'notes')} queued for ${groupName}`;
  return privates === 0
    ? `${sent}.`
    : `${sent}; ${privates} tagged private ${privates === 1 ? 'was' : 'were'} left out.`;
}

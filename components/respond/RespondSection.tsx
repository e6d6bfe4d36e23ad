import { useEffect, useState } from 'preact/hooks';
import type { sendRequest } from '../../utils/messaging/client';
import { watchPageChanges } from '../../utils/messaging/page-channel';
import type { ResponseData, Result } from '../../utils/messaging/protocol';
import { MARKS } from '../marks';
import { type RespondingTo, Workspace } from './Workspace';

/** "Respond to this consultation": the response workspace, behind a disclosure button. */
export function RespondSection({
  context,
  send,
}: {
  context: RespondingTo;
  send: typeof sendRequest;
}) {
  const [open, setOpen] = useState(false);
  // The stored draft is read as the view opens (one small read), and again when the page's
  // "Add as question" changes it, so pressing the button draws it without a round trip.
  const { key } = context;
  const [early, setEarly] = useState<Promise<Result<ResponseData<'responses/get'>>>>();
  useEffect(() => {
    const ask = () => setEarly(send({ type: 'responses/get', key }));
    ask();
    return watchPageChanges(key, ask);
  }, [send, key]);
  return (
    <section class="section respond" aria-labelledby="ct-respond-heading">
      <h3 id="ct-respond-heading">
        <button
          type="button"
          class="disclosure"
          aria-expanded={open}
          aria-controls="ct-respond-workspace"
          onClick={() => {
            if (!open) performance.mark(MARKS.responseOpened);
            setOpen(!open);
          }}
        >
          Respond to this consultation
        </button>
      </h3>
      <div id="ct-respond-workspace" hidden={!open}>
        {open && <Workspace context={context} send={send} early={early} />}
      </div>
    </section>
  );
}

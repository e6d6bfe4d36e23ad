import { useState } from 'preact/hooks';
import type { sendRequest } from '../../utils/messaging/client';
import type { ConsultationContext } from '../../utils/pages/context';
import { Workspace } from './Workspace';

/** "Respond to this consultation": the response workspace, behind a disclosure button. */
export function RespondSection({
  context,
  send,
}: {
  context: ConsultationContext;
  send: typeof sendRequest;
}) {
  const [open, setOpen] = useState(false);
  return (
    <section class="section respond" aria-labelledby="ct-respond-heading">
      <h3 id="ct-respond-heading">
        <button
          type="button"
          class="disclosure"
          aria-expanded={open}
          aria-controls="ct-respond-workspace"
          onClick={() => setOpen(!open)}
        >
          Respond to this consultation
        </button>
      </h3>
      <div id="ct-respond-workspace" hidden={!open}>
        {open && <Workspace context={context} send={send} />}
      </div>
    </section>
  );
}

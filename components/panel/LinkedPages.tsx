import type { LinkedPage, PageKind } from '../../utils/pages/context';
import { KIND_LABEL, KIND_PLURAL } from './format';

const ORDER: PageKind[] = ['petition', 'consultation', 'debate'];

/** The page's links to other supported pages, grouped by kind. */
export function LinkedPages({ links }: { links: LinkedPage[] }) {
  return (
    <section class="section" aria-labelledby="ct-links-heading">
      <h3 id="ct-links-heading">Linked from this page</h3>
      {links.length === 0 ? (
        <p class="muted">This page links to no other petitions, consultations or debates.</p>
      ) : (
        ORDER.map((kind) => {
          const ofKind = links.filter((link) => link.kind === kind);
          if (ofKind.length === 0) return null;
          return (
            <div class="link-group" key={kind}>
              <h4>
                {KIND_PLURAL[kind]} ({ofKind.length})
              </h4>
              <ul class="plain-list link-list">
                {ofKind.map((link) => (
                  <li key={link.key}>
                    <span class={`badge badge-${kind}`}>{KIND_LABEL[kind]}</span>{' '}
                    <a href={link.url}>{link.label}</a>
                  </li>
                ))}
              </ul>
            </div>
          );
        })
      )}
    </section>
  );
}

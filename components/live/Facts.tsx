import type { ComponentChildren } from 'preact';

export interface Fact {
  label: string;
  value: ComponentChildren;
}

/** A definition list of facts; `false` and `null` entries (facts the page lacks) are left out. */
export function Facts({ facts }: { facts: (Fact | false | null)[] }) {
  return (
    <dl class="facts">
      {facts.flatMap((fact) =>
        fact
          ? [
              <div class="fact" key={fact.label}>
                <dt>{fact.label}</dt>
                <dd>{fact.value}</dd>
              </div>,
            ]
          : [],
      )}
    </dl>
  );
}

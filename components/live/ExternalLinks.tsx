/** A list of links that leave the page (debate transcripts, videos, research). Nothing when empty. */
export function ExternalLinks({
  links,
  label,
  inline = false,
}: {
  links: { label: string; url: string }[];
  /** The list's accessible name. */
  label: string;
  inline?: boolean;
}) {
  if (links.length === 0) return null;
  return (
    <ul class={inline ? 'plain-list inline-list' : 'plain-list'} aria-label={label}>
      {links.map((link) => (
        <li key={link.url}>
          <a href={link.url} rel="noopener noreferrer">
            {link.label}
          </a>
        </li>
      ))}
    </ul>
  );
}

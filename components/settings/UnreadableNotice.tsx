import { plural } from '../../utils/plural';

/** Says that some stored records could not be read, and where the user can remove them. */
export function UnreadableNotice({ count, what }: { count: number; what: string }) {
  return (
    <p role="status" class="notice">
      {plural(count, what, `${what}s`)} could not be read and {count === 1 ? 'is' : 'are'} not
      listed. You can remove {count === 1 ? 'it' : 'them'} under{' '}
      <a href="/options.html#data-heading">Settings: Your data</a>.
    </p>
  );
}

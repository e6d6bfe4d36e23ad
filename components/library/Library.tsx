import { Watchlist } from '../watchlist/Watchlist';

/** The library: everything the user keeps. */
export function Library() {
  return (
    <main>
      <h1>Civic Thread library</h1>
      <Watchlist />
    </main>
  );
}

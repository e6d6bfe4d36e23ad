import { Watchlist } from '../watchlist/Watchlist';
import { NotesLibrary } from './NotesLibrary';

/** The library (a tab, from the toolbar button on other pages or from the view): everything the user keeps. */
export function Library() {
  return (
    <main class="library">
      <h1>Civic Thread library</h1>
      <NotesLibrary />
      <Watchlist />
    </main>
  );
}

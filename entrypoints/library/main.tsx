import { render } from 'preact';
import { Library } from '../../components/library/Library';
import { LIBRARY_MARKS } from '../../components/library/NotesLibrary';
import '../../components/extension-page.css';

// The bench times the library from here (its code starting) to the list drawn.
performance.mark(LIBRARY_MARKS.start);
const root = document.getElementById('app');
if (root) render(<Library />, root);

import { render } from 'preact';
import { Library } from '../../components/library/Library';
import '../../components/extension-page.css';

const root = document.getElementById('app');
if (root) render(<Library />, root);

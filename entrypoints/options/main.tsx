import { render } from 'preact';
import { Settings } from '../../components/settings/Settings';
import '../../components/extension-page.css';

const root = document.getElementById('app');
if (root) render(<Settings />, root);

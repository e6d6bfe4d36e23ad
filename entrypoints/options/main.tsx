import { render } from 'preact';
import { Settings } from '../../components/settings/Settings';
import '../../components/settings/settings.css';

const root = document.getElementById('app');
if (root) render(<Settings />, root);

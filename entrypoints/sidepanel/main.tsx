import { render } from 'preact';
import { View } from '../../components/view/View';
import { tabOfViewUrl } from '../../utils/view/tab-state';
import '../../components/view/sections.css';
import '../../components/view/view.css';
import '../../components/respond/respond.css';

// The view beside the page: Chromium's side panel, Firefox's sidebar, or (`?tab=<id>`, for the
// tests and screenshots) a page showing one tab.
const root = document.getElementById('app');
if (root) render(<View fixedTab={tabOfViewUrl(location.href)} />, root);

import { browser } from 'wxt/browser';
import { API_PERMISSION } from './api';

type Permissions = Pick<typeof browser.permissions, 'request' | 'contains'>;

/**
 * Asks the user for access to the Hypothesis API's host: the optional host permission, granted
 * only when they connect an account. Call it straight from the click's handler: the browser
 * shows the prompt only within the user's gesture, and an `await` before it loses that.
 */
export function requestApiAccess(permissions: Permissions = browser.permissions): Promise<boolean> {
  return permissions.request({ origins: [API_PERMISSION] });
}

export function hasApiAccess(permissions: Permissions = browser.permissions): Promise<boolean> {
  return permissions.contains({ origins: [API_PERMISSION] });
}

// Firefox for the E2E suite, without geckodriver: Firefox's own WebDriver BiDi endpoint
// (`--remote-debugging-port`) installs the built add-on as a temporary one, opens pages and
// evaluates script in them. The real hostnames reach the fixture site through a local CONNECT
// proxy, since Firefox has no equivalent of Chromium's --host-resolver-rules.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import WebSocket from 'ws';
import { type FixtureSite, startFixtureSite } from '../fixture-site/server';

/** WebDriver's code points for the modifier keys (WebDriver spec, "keyboard actions"). */
const KEY: Record<string, string> = { Alt: '\uE00A', Shift: '\uE008', Control: '\uE009' };

export const FIREFOX_EXTENSION_DIR = resolve('.output/firefox-mv2');
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export interface FirefoxHarness {
  site: FixtureSite;
  /** Opens `url` in the tab and waits for its load event. */
  open(url: string): Promise<void>;
  /** Evaluates `expression` in the page (its main world), awaits it, and returns its JSON value. */
  evaluate<T>(expression: string): Promise<T>;
  /**
   * The text under the extension's host, its closed shadow root included, as WebDriver BiDi
   * serialises it (`includeShadowTree: 'all'`): what the browser itself, not page script, sees.
   */
  extensionText(): Promise<string>;
  /** Presses the keys together, as a chord ('Alt', 'Shift' and a letter). */
  press(keys: string[]): Promise<void>;
  /** Types `text` as key presses into whatever has focus. */
  type(text: string): Promise<void>;
  /** Clicks the middle of the element `element` (an expression) evaluates to, with the mouse. */
  click(element: string): Promise<void>;
  /**
   * Presses the keys together in Firefox's window, as the window receives a key press (a trusted
   * event through `nsITextInputProcessor`, how Firefox's own tests press its shortcuts): the
   * extension's `commands` are the browser's shortcuts, which key events sent to the page's
   * document (`press`) never reach.
   */
  pressInWindow(keys: string[]): Promise<void>;
  /**
   * The window's sidebar: whether it shows this extension's panel, and the text of that panel as
   * the accessibility tree gives it (the panel is an extension page in another process, which
   * WebDriver BiDi does not list; assistive technology reads it this way).
   */
  sidebar(): Promise<{ open: boolean; text: string }>;
  close(): Promise<void>;
}

/** A tunnel for every CONNECT request, whatever host it names, to the fixture site's port. */
async function startTunnel(port: number): Promise<Server> {
  const tunnel = createServer((client) => {
    client.once('data', () => {
      const upstream = connect(port, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.pipe(client);
        client.pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
  });
  await new Promise<void>((done) => tunnel.listen(0, '127.0.0.1', done));
  return tunnel;
}

function writePrefs(profile: string, tunnelPort: number): void {
  const prefs: Record<string, string | number | boolean> = {
    'network.proxy.type': 1,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': tunnelPort,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': tunnelPort,
  };
  const lines = Object.entries(prefs).map(
    ([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});`,
  );
  writeFileSync(join(profile, 'user.js'), `${lines.join('\n')}\n`);
}

/** The BiDi address Firefox prints on stderr once it is listening. */
function bidiAddress(firefox: ChildProcess): Promise<string> {
  return new Promise((found, failed) => {
    let printed = '';
    firefox.stderr?.on('data', (chunk) => {
      printed += String(chunk);
      const match = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(printed);
      if (match?.[1]) found(match[1]);
    });
    firefox.once('exit', (code) => failed(new Error(`Firefox exited (${code}): ${printed}`)));
  });
}

function bidiSession(socket: WebSocket) {
  let lastId = 0;
  const waiting = new Map<number, { done: (value: unknown) => void; failed: (e: Error) => void }>();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as {
      id?: number;
      type: string;
      result?: unknown;
      error?: string;
      message?: string;
    };
    if (message.id === undefined) return;
    const caller = waiting.get(message.id);
    if (!caller) return;
    waiting.delete(message.id);
    if (message.type === 'success') caller.done(message.result);
    else caller.failed(new Error(`${message.error}: ${message.message}`));
  });
  // A call still waiting when Firefox goes away fails, rather than holding its test to the timeout.
  socket.on('close', () => {
    for (const caller of waiting.values()) caller.failed(new Error('The BiDi session closed.'));
    waiting.clear();
  });
  return <T>(method: string, params: object): Promise<T> =>
    new Promise((done, failed) => {
      lastId += 1;
      waiting.set(lastId, { done: done as (value: unknown) => void, failed });
      socket.send(JSON.stringify({ id: lastId, method, params }));
    });
}

/** The fixture site and headless Firefox ESR with the Firefox build installed. */
export async function launchFirefox(): Promise<FirefoxHarness> {
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No Firefox build in ${FIREFOX_EXTENSION_DIR}: run \`npm run build:firefox\`.`);
  }
  if (!existsSync(FIREFOX)) {
    throw new Error(
      `E2E tests need Firefox ESR at ${FIREFOX} (Debian: apt-get install firefox-esr).`,
    );
  }
  const site = await startFixtureSite();
  const tunnel = await startTunnel(site.port);
  const profile = mkdtempSync(join(tmpdir(), 'civic-thread-firefox-'));
  writePrefs(profile, (tunnel.address() as { port: number }).port);
  const firefox = spawn(
    FIREFOX,
    [
      '--headless',
      '--no-remote',
      '--profile',
      profile,
      '--remote-debugging-port',
      '0',
      // The browser window's own document ('moz:scope': 'chrome'), for the sidebar and shortcuts.
      '--remote-allow-system-access',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const socket = new WebSocket(`${await bidiAddress(firefox)}/session`);
  await new Promise((opened) => socket.once('open', opened));
  const send = bidiSession(socket);
  // The fixture site's certificate is self-signed.
  await send('session.new', { capabilities: { alwaysMatch: { acceptInsecureCerts: true } } });
  await send('webExtension.install', {
    extensionData: { type: 'path', path: FIREFOX_EXTENSION_DIR },
  });
  const { contexts } = await send<{ contexts: { context: string }[] }>(
    'browsingContext.getTree',
    {},
  );
  const tab = contexts[0]?.context;
  if (!tab) throw new Error('Firefox opened no tab');

  // Wide enough for the card beside the petition pages (at 1400 px they get its tab).
  await send('browsingContext.setViewport', {
    context: tab,
    viewport: { width: 1920, height: 900 },
  });
  const { contexts: windows } = await send<{ contexts: { context: string; url: string }[] }>(
    'browsingContext.getTree',
    { 'moz:scope': 'chrome' },
  );
  const browserWindow = windows.find((w) => w.url === 'chrome://browser/content/browser.xhtml');
  if (!browserWindow) throw new Error('Firefox showed no browser window');
  const evaluateIn = async <T>(context: string, expression: string): Promise<T> => {
    const answer = await send<{
      type: string;
      result?: { value?: string };
      exceptionDetails?: { text: string };
    }>('script.evaluate', {
      expression: `Promise.resolve(${expression}).then((value) => JSON.stringify(value ?? null))`,
      target: { context },
      awaitPromise: true,
    });
    if (answer.type === 'exception') throw new Error(answer.exceptionDetails?.text);
    return JSON.parse(answer.result?.value ?? 'null') as T;
  };
  const evaluate = <T>(expression: string) => evaluateIn<T>(tab, expression);

  return {
    site,
    async extensionText() {
      type Remote = {
        type: string;
        value?: {
          nodeType?: number;
          localName?: string;
          nodeValue?: string;
          children?: Remote[];
          shadowRoot?: Remote;
        };
      };
      const { result } = await send<{ result: Remote }>('script.evaluate', {
        expression: `document.querySelector('[data-civic-thread-panel]')`,
        target: { context: tab },
        awaitPromise: false,
        serializationOptions: { includeShadowTree: 'all', maxDomDepth: 30 },
      });
      const text = (node: Remote | undefined): string =>
        !node?.value || node.value.localName === 'style'
          ? ''
          : node.value.nodeType === 3
            ? (node.value.nodeValue ?? '')
            : [node.value.shadowRoot, ...(node.value.children ?? [])].map(text).join(' ');
      return text(result).replace(/\s+/g, ' ').trim();
    },
    async open(url) {
      await send('browsingContext.navigate', { context: tab, url, wait: 'complete' });
    },
    evaluate,
    async type(text) {
      const keys = [...text].flatMap((value) => [
        { type: 'keyDown', value },
        { type: 'keyUp', value },
      ]);
      await send('input.performActions', {
        context: tab,
        actions: [{ type: 'key', id: 'keyboard', actions: keys }],
      });
    },
    async press(keys) {
      // Held down in order, then let go in reverse: a chord such as Alt+Shift+H.
      const down = keys.map((value) => ({ type: 'keyDown', value: KEY[value] ?? value }));
      const up = [...down].reverse().map((action) => ({ ...action, type: 'keyUp' }));
      await send('input.performActions', {
        context: tab,
        actions: [{ type: 'key', id: 'keyboard', actions: [...down, ...up] }],
      });
    },
    async click(element) {
      const { x, y } = await evaluate<{ x: number; y: number }>(
        `(() => { const target = ${element}; target.scrollIntoView({ block: 'center' });
          const box = target.getBoundingClientRect();
          return { x: Math.round(box.x + box.width / 2), y: Math.round(box.y + box.height / 2) }; })()`,
      );
      await send('input.performActions', {
        context: tab,
        actions: [
          {
            type: 'pointer',
            id: 'mouse',
            actions: [
              { type: 'pointerMove', x, y },
              { type: 'pointerDown', button: 0 },
              { type: 'pointerUp', button: 0 },
            ],
          },
        ],
      });
    },
    async pressInWindow(keys) {
      const events = keys
        .map((key) =>
          key.length === 1
            ? `{ key: '${key}', code: 'Key${key.toUpperCase()}', keyCode: ${key.toUpperCase().charCodeAt(0)} }`
            : `{ key: '${key}', code: '${key}Left' }`,
        )
        .map((init) => `new KeyboardEvent('', ${init})`);
      await evaluateIn(
        browserWindow.context,
        `(() => {
          const input = Cc['@mozilla.org/text-input-processor;1'].createInstance(Ci.nsITextInputProcessor);
          if (!input.beginInputTransactionForTests(window)) throw new Error('no key input');
          const keys = [${events.join(', ')}];
          for (const key of keys) input.keydown(key);
          for (const key of [...keys].reverse()) input.keyup(key);
        })()`,
      );
    },
    sidebar() {
      return evaluateIn(
        browserWindow.context,
        `(() => {
          const box = document.getElementById('sidebar-box');
          const ours = !box.hidden && (box.getAttribute('sidebarcommand') ?? '').startsWith('civic-thread');
          const panel = ours && document.getElementById('sidebar').contentDocument?.getElementById('webext-panels-browser');
          const access = Cc['@mozilla.org/accessibilityService;1'].getService(Ci.nsIAccessibilityService);
          const names = [];
          const walk = (node) => {
            if (!node) return;
            // Leaves only: a container's name repeats its children's text.
            if (node.childCount === 0 && node.name) names.push(node.name);
            for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
          };
          if (panel) walk(access.getAccessibleFor(panel));
          return { open: ours, text: names.join(' ').replace(/\\s+/g, ' ').trim() };
        })()`,
      );
    },
    async close() {
      socket.close();
      const exited =
        firefox.exitCode === null && firefox.signalCode === null
          ? new Promise((done) => firefox.once('exit', done))
          : Promise.resolve();
      firefox.kill();
      await exited;
      rmSync(profile, { recursive: true, force: true });
      await new Promise((done) => tunnel.close(done));
      await site.close();
    },
  };
}

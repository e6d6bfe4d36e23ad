import 'fake-indexeddb/auto';

// happy-dom has no idle callbacks; the browsers the extension runs in all have them.
globalThis.requestIdleCallback ??= (callback) =>
  setTimeout(() => callback({ didTimeout: false, timeRemaining: () => 0 })) as unknown as number;
globalThis.cancelIdleCallback ??= (id) => clearTimeout(id);

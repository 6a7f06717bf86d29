/**
 * The update prompt through vite-plugin-pwa's own client code (`virtual:pwa-register` as a
 * production build ships it) and a fake `workbox-window`, whose events are the browser's
 * service-worker lifecycle: what the app does when a new version waits, and when it takes control
 * of the page (`controlling`, from `controllerchange`), asked for in this tab or in another.
 */
/// <reference types="vite-plugin-pwa/vanillajs" />
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (event: Record<string, unknown>) => void;

/** Stands for workbox-window's `Workbox`: the test dispatches its lifecycle events. */
class FakeWorkbox {
  static last: FakeWorkbox | null = null;
  readonly listeners = new Map<string, Set<Listener>>();
  readonly messageSkipWaiting = vi.fn();

  constructor() {
    FakeWorkbox.last = this;
  }

  addEventListener(type: string, listener: Listener): void {
    const set = this.listeners.get(type) ?? new Set();
    set.add(listener);
    this.listeners.set(type, set);
  }

  removeEventListener(type: string, listener: Listener): void {
    this.listeners.get(type)?.delete(listener);
  }

  register(): Promise<object> {
    return Promise.resolve({});
  }

  dispatch(type: string, props: Record<string, unknown> = {}): void {
    for (const listener of this.listeners.get(type) ?? []) listener({ type, ...props });
  }
}

// The plugin's production client, with `import("workbox-window")` pointed at the fake; its
// placeholders stay as they are, and `"__SW_AUTO_UPDATE__" === "true"` is false: prompt mode.
vi.mock('virtual:pwa-register', async () => {
  const file = createRequire(import.meta.url).resolve(
    'vite-plugin-pwa/dist/client/build/register.js',
    { paths: [process.cwd()] },
  );
  const source = readFileSync(file, 'utf8');
  const patched = source.replace(
    'import("workbox-window")',
    'Promise.resolve({ Workbox: globalThis.__FakeWorkbox })',
  );
  expect(patched, 'the plugin still loads workbox-window this way').not.toBe(source);
  return import(`data:text/javascript,${encodeURIComponent(patched)}`);
});

const { AppUpdate } = await import('../../../../src/state/AppUpdate.svelte');

/** Lets the plugin's registration (an awaited dynamic import) and Svelte's effects run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

let busy = false;
const reload = vi.fn();

beforeEach(() => {
  busy = false;
  FakeWorkbox.last = null;
  reload.mockClear();
  vi.stubGlobal('__FakeWorkbox', FakeWorkbox);
  vi.stubGlobal('navigator', { serviceWorker: {} });
  vi.stubGlobal('location', { reload });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

async function started() {
  const update = new AppUpdate({ busy: () => busy });
  update.start();
  await settle();
  const workbox = FakeWorkbox.last;
  if (!workbox) throw new Error('the plugin did not create a Workbox');
  return { update, workbox };
}

describe('a new version of the app', () => {
  it('reloads this tab when its own user accepted it, once it controls the page', async () => {
    const { update, workbox } = await started();
    workbox.dispatch('waiting');
    expect(update.needRefresh).toBe(true);
    await update.reload();
    expect(workbox.messageSkipWaiting).toHaveBeenCalledOnce();
    expect(reload).not.toHaveBeenCalled();
    workbox.dispatch('controlling', { isUpdate: true, isExternal: false });
    await settle();
    expect(reload).toHaveBeenCalledOnce();
  });

  it('activated in another tab, is offered here and never reloads this tab by itself', async () => {
    const { update, workbox } = await started();
    workbox.dispatch('waiting');
    // The other tab's user accepted it: it controls this page too.
    workbox.dispatch('controlling', { isUpdate: true, isExternal: false });
    await settle();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(reload).not.toHaveBeenCalled();
    expect(update.needRefresh).toBe(true);
    expect(update.activatedElsewhere).toBe(true);

    // This tab's user says so: it reloads into the version already active.
    await update.reload();
    expect(workbox.messageSkipWaiting).not.toHaveBeenCalled();
    expect(reload).toHaveBeenCalledOnce();
  });

  it('installed from another tab (external) and activated there, is offered again if dismissed', async () => {
    const { update, workbox } = await started();
    workbox.dispatch('installed', { isExternal: true });
    expect(update.needRefresh).toBe(true);
    update.dismissUpdate();
    workbox.dispatch('controlling', { isUpdate: true, isExternal: true });
    await settle();
    expect(reload).not.toHaveBeenCalled();
    expect(update.needRefresh).toBe(true);
  });

  it('does not reload when a run started between the click and the switch, and offers it again', async () => {
    const { update, workbox } = await started();
    workbox.dispatch('waiting');
    await update.reload();
    busy = true;
    workbox.dispatch('controlling', { isUpdate: true, isExternal: false });
    await settle();
    busy = false;
    await settle();
    expect(reload).not.toHaveBeenCalled();
    expect(update.needRefresh).toBe(true);
    await update.reload();
    expect(reload).toHaveBeenCalledOnce();
  });
});

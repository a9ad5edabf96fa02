/**
 * Renders a management page the way the app does — inside antd's App and a signed-in session — with
 * the api and router stand-ins (mocked by each test file with jest.mock). jsdom lacks matchMedia and
 * ResizeObserver, which antd's responsive parts and tables ask.
 */
import { render } from '@testing-library/react';
import { App } from 'antd';
import type { ReactElement } from 'react';
import { SessionContext } from '../../../../admin/src/session';
import type { Me } from '../../../../src/core/api';

if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({ matches: false, media: query, onchange: null, addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {}, dispatchEvent: () => false }) as MediaQueryList;
}

class NoResizes {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= NoResizes;

// rc-component's form and select post to a MessageChannel to batch updates; jsdom has none. A task later is the same.
class TaskChannel {
  readonly port1: { onmessage: ((e: { data: unknown }) => void) | null; postMessage(d: unknown): void; close(): void };
  readonly port2: { onmessage: ((e: { data: unknown }) => void) | null; postMessage(d: unknown): void; close(): void };
  constructor() {
    const port = (other: () => { onmessage: ((e: { data: unknown }) => void) | null }) => ({
      onmessage: null,
      postMessage: (data: unknown) => void setTimeout(() => other().onmessage?.({ data })),
      close() {},
    });
    this.port1 = port(() => this.port2);
    this.port2 = port(() => this.port1);
  }
}
(globalThis as { MessageChannel?: unknown }).MessageChannel ??= TaskChannel;

// antd writes its styles into <style> tags (CSS-in-JS); jsdom's getComputedStyle cascades every one of them for
// each element Testing Library asks about, which takes a minute a test. The tests read words, not styles: the
// element's own style is enough.
window.getComputedStyle = ((el: Element) => (el as HTMLElement).style ?? document.createElement('div').style) as typeof window.getComputedStyle;

export const COMMUNITY = { id: 'u_comm', name: '阳光社区', kind: 'community' as const, path: '/u_street/u_comm/' };
export const COMPOUND = { id: 'u_cmp', name: '幸福里小区', kind: 'compound' as const, path: '/u_street/u_comm/u_cmp/' };

export function staffMe(bindings: { role: string; unit: typeof COMMUNITY }[] = [{ role: 'community_staff', unit: COMMUNITY }]): Me {
  return {
    registered: true,
    isStaff: true,
    person: { id: 'p_staff', name: '李娟' },
    bindings: bindings.map((b) => ({ ...b, roleLabel: '社区工作人员' })),
  } as unknown as Me;
}

export function renderPage(page: ReactElement, me: Me = staffMe()) {
  return render(
    <App>
      <SessionContext.Provider value={{ me, signOut: async () => undefined }}>{page}</SessionContext.Provider>
    </App>,
  );
}

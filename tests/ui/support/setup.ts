import '@testing-library/jest-dom';
import { cleanup } from '@testing-library/react';
import { __resetTaro } from './taro';

afterEach(() => {
  cleanup();
  jest.clearAllMocks();
  __resetTaro();
});

// Taro's jsdom Input does not know onConfirm (the keyboard's 完成 key); the real components do.
const consoleError = console.error.bind(console);
jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].includes('Unknown event handler property') && String(args[1]).includes('onConfirm')) return;
  consoleError(...args);
});

// jsdom has no IntersectionObserver; Taro's Image uses one for lazyLoad. Everything is "visible".
class VisibleEverything {
  constructor(private readonly callback: (entries: Array<{ isIntersecting: boolean; target: Element }>) => void) {}
  observe(target: Element) {
    this.callback([{ isIntersecting: true, target }]);
  }
  unobserve() {}
  disconnect() {}
}
(globalThis as { IntersectionObserver?: unknown }).IntersectionObserver ??= VisibleEverything;

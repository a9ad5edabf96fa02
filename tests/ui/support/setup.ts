import '@testing-library/jest-dom';
import { cleanup } from '@testing-library/react';
import { __resetTaro } from './taro';

afterEach(() => {
  cleanup();
  jest.clearAllMocks();
  __resetTaro();
});

// Taro's jsdom Input does not know onConfirm (the keyboard's 完成 key), nor its Button WeChat's open
// abilities (openType, getPhoneNumber, agreeing to the privacy terms) nor placeholderClass and
// catchMove; the real components do.
const MINI_PROGRAM_ONLY = ['onConfirm', 'onGetPhoneNumber', 'onAgreePrivacyAuthorization', 'openType', 'placeholderClass', 'catchMove'];
const consoleError = console.error.bind(console);
jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
  const known = typeof args[0] === 'string' && (args[0].includes('Unknown event handler property') || args[0].includes('React does not recognize the'));
  if (known && MINI_PROGRAM_ONLY.some((p) => String(args[1]).includes(p))) return;
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

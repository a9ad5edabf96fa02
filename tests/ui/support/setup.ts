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

/**
 * WeChat's open abilities in jsdom: Taro's browser Button passes openType and its handlers
 * (onGetPhoneNumber, onAgreePrivacyAuthorization) through to an element that never fires them, so a
 * test plays WeChat by calling the handler the nearest element carries, with the event WeChat sends.
 */
import { act } from '@testing-library/react';

export function fireWechat(el: Element, handler: string, detail: Record<string, unknown> = {}): void {
  for (let n: Element | null = el; n; n = n.parentElement) {
    const key = Object.keys(n).find((k) => k.startsWith('__reactProps$'));
    const fn = key ? (n as unknown as Record<string, Record<string, unknown>>)[key][handler] : undefined;
    if (typeof fn === 'function') {
      act(() => {
        fn({ type: handler.replace(/^on/, '').toLowerCase(), detail });
      });
      return;
    }
  }
  throw new Error(`nothing around "${el.textContent}" handles ${handler}`);
}

/** The openType the nearest element carries (what WeChat would open when it is tapped). */
export function openTypeOf(el: Element): string | undefined {
  for (let n: Element | null = el; n; n = n.parentElement) {
    const key = Object.keys(n).find((k) => k.startsWith('__reactProps$'));
    const v = key ? (n as unknown as Record<string, Record<string, unknown>>)[key].openType : undefined;
    if (typeof v === 'string') return v;
  }
  return undefined;
}

/** The h5 session token, kept in Taro storage (localStorage in a browser). */
import Taro from '@tarojs/taro';

const KEY = 'jinlin.session';

interface Stored {
  token: string;
  expiresAt: number;
}

export function getToken(now: number = Date.now()): string | null {
  let stored: Stored | '' | undefined;
  try {
    stored = Taro.getStorageSync(KEY) as Stored | '';
  } catch {
    return null;
  }
  if (!stored || typeof stored.token !== 'string') return null;
  if (typeof stored.expiresAt === 'number' && stored.expiresAt <= now) {
    clearSession();
    return null;
  }
  return stored.token;
}

export function saveSession(token: string, expiresAt: number): void {
  Taro.setStorageSync(KEY, { token, expiresAt } satisfies Stored);
}

export function clearSession(): void {
  try {
    Taro.removeStorageSync(KEY);
  } catch {
    // Nothing stored: nothing to remove.
  }
}

/**
 * What a person was typing survives a lost session: forms save their values here as they change
 * (sessionStorage: this browser tab only), the login page says so, and the same form fills itself
 * again after signing in. A successful submit clears the draft.
 */
const PREFIX = 'jinlin.admin.draft.';
const RETURN_KEY = 'jinlin.admin.returnTo';

export function loadDraft<T>(key: string): Partial<T> | undefined {
  try {
    const raw = sessionStorage.getItem(PREFIX + key);
    return raw ? (JSON.parse(raw) as Partial<T>) : undefined;
  } catch {
    return undefined;
  }
}

export function saveDraft(key: string, values: unknown): void {
  try {
    const meaningful = values && typeof values === 'object' && Object.values(values).some((v) => v !== undefined && v !== null && v !== '');
    if (meaningful) sessionStorage.setItem(PREFIX + key, JSON.stringify(values));
    else sessionStorage.removeItem(PREFIX + key);
  } catch {
    // storage full or disabled: the form still works, only without the safety net
  }
}

export function clearDraft(key: string): void {
  try {
    sessionStorage.removeItem(PREFIX + key);
  } catch {
    // ignore
  }
}

export function hasDrafts(): boolean {
  try {
    return Object.keys(sessionStorage).some((k) => k.startsWith(PREFIX));
  } catch {
    return false;
  }
}

/** Where to return after signing in again ("desk?unit=…&report=…"). */
export function rememberReturn(location: string): void {
  try {
    sessionStorage.setItem(RETURN_KEY, location);
  } catch {
    // ignore
  }
}

export function takeReturn(): string | null {
  try {
    const v = sessionStorage.getItem(RETURN_KEY);
    sessionStorage.removeItem(RETURN_KEY);
    return v;
  } catch {
    return null;
  }
}

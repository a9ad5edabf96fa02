/**
 * A deliberation page that could not load: the server's words (offline, not a resident here:
 * TOPIC.NOT_YOURS) and one way on — sign in, for a browser that neither signed in nor stands in for
 * WeChat; the reader's own topics, for a topic that is not theirs or is gone (trying again would not
 * help); else try again. A lost session is sent to sign in with its reason.
 */
import { useEffect } from 'react';
import { StatusFailed } from '../components/StatusCard';
import { isSessionLost, usesPasswordSignIn, type ClientFailure } from '../services/api';
import { goToLogin, open } from '../utils/nav';
import { DELIBERATION_PAGES } from './urls';

/** Refusals that another try cannot change. */
const ELSEWHERE = new Set<string>(['TOPIC.NOT_YOURS', 'TOPIC.NOT_FOUND']);

export function Failed({ code, message, onRetry }: { code: ClientFailure['code']; message: string; onRetry: () => void }) {
  useEffect(() => {
    if (isSessionLost({ code })) goToLogin(message);
  }, [code, message]);
  const nobody = code === 'AUTH.REQUIRED' && usesPasswordSignIn();
  const instead = nobody ? { words: '去登录', onClick: () => goToLogin() } : ELSEWHERE.has(code) ? { words: '看看我的小区议事', onClick: () => open(DELIBERATION_PAGES.index) } : null;
  return <StatusFailed message={message} instead={instead} onRetry={onRetry} />;
}

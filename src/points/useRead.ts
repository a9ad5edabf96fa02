/**
 * A points page's read as it shows (utils/useLoadOnShow), and the way out when the session is gone: a
 * browser whose token expired is sent to sign in with the reason, as every page does.
 */
import { useEffect } from 'react';
import { isSessionLost, type ClientFailure, type ClientResult } from '../services/api';
import { goToLogin } from '../utils/nav';
import { useReadOnShow } from '../utils/useLoadOnShow';

export function useRead<T>(read: () => Promise<ClientResult<T>>) {
  const r = useReadOnShow(read);
  const { state } = r;
  useEffect(() => {
    if (state.status === 'failed' && isSessionLost({ code: state.code as ClientFailure['code'] })) goToLogin(state.message);
  }, [state]);
  return r;
}

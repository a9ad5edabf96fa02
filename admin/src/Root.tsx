import { App, Spin } from 'antd';
import { Suspense, lazy, useCallback, useEffect, useMemo, useState } from 'react';
import { api, getToken, isAuthLost, setSessionLostListener, setToken, SESSION_LOST_MESSAGE } from './api';
import type { Me } from './api';
import { currentLocation, navigate, restoreLocation, useRoute } from './router';
import { rememberReturn, takeReturn } from './drafts';
import { SessionContext } from './session';
import type { Session } from './session';
import { NOT_STAFF_MESSAGE } from './staffOnly';

const Login = lazy(() => import('./pages/Login'));
const Shell = lazy(() => import('./pages/Shell'));

type State = { status: 'loading' } | { status: 'out'; notice?: string } | { status: 'in'; me: Me };

const fullPage = (
  <div style={{ height: '100%', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
    <Spin size="large" />
  </div>
);

export function Root() {
  const [state, setState] = useState<State>(() => (getToken() ? { status: 'loading' } : { status: 'out' }));
  const route = useRoute();
  const { message } = App.useApp();

  const signedOut = useCallback((notice?: string) => {
    // "已办结" from the page behind must not float over the login page.
    message.destroy();
    setToken(null);
    setState({ status: 'out', notice });
    navigate('login', { replace: true });
  }, [message]);

  useEffect(
    () =>
      setSessionLostListener((message) => {
        // Come back to the same page (and filter, and open report) after signing in again.
        rememberReturn(currentLocation());
        signedOut(message);
      }),
    [signedOut],
  );

  // Resume a stored session.
  useEffect(() => {
    if (state.status !== 'loading') return;
    api.auth
      .whoAmI({})
      // A session always belongs to a registered person; 'registered: false' answers WeChat callers only.
      .then((me) => ('isStaff' in me && me.isStaff ? setState({ status: 'in', me }) : signedOut(NOT_STAFF_MESSAGE)))
      .catch((e) => {
        if (isAuthLost(e)) rememberReturn(currentLocation());
        signedOut(isAuthLost(e) ? SESSION_LOST_MESSAGE : (e as Error).message);
      });
  }, [state.status, signedOut]);

  // Keep the address bar honest: signed-out people are on /admin/login, signed-in ones never are.
  useEffect(() => {
    if (state.status === 'out' && route !== 'login') {
      // A link to a page (a desk filter someone shared) opens after signing in.
      if (route !== 'home' && route !== 'unknown') rememberReturn(currentLocation());
      navigate('login', { replace: true });
    }
    if (state.status === 'in' && (route === 'login' || route === 'home')) navigate('dashboard', { replace: true });
  }, [state.status, route]);

  const session = useMemo<Session | null>(
    () =>
      state.status === 'in'
        ? {
            me: state.me,
            async signOut() {
              await api.auth.signOut({}).catch(() => undefined);
              signedOut();
            },
          }
        : null,
    [state, signedOut],
  );

  if (state.status === 'loading') return fullPage;
  return (
    <Suspense fallback={fullPage}>
      {state.status === 'out' || !session ? (
        <Login
          notice={state.status === 'out' ? state.notice : undefined}
          onSignedIn={(me) => {
            setState({ status: 'in', me });
            const back = takeReturn();
            if (!back || !restoreLocation(back)) navigate('dashboard', { replace: true });
          }}
        />
      ) : (
        <SessionContext.Provider value={session}>
          <Shell route={route} />
        </SessionContext.Provider>
      )}
    </Suspense>
  );
}

/**
 * The door of the handler pages (待办, a report to handle, 替居民登记, 入住审核). It asks who this is
 * (whoAmI) as the page opens and shows the page only to someone it is for; anyone else reads, in
 * place of the page, that it is not theirs and what to do instead, with a way back — never a whole
 * form that is refused when they send it. The page's own loading runs alongside the question, so a
 * handler (nearly everyone who opens these pages) waits for one round trip, not two; nothing it
 * loaded shows until the answer is in.
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import type { Me } from '../core/api';
import { NOT_A_HANDLER } from '../core/access';
import { hasSession, isSessionLost, whoAmI } from '../services/api';
import { goHome, goToLogin } from '../utils/nav';
import { Button } from './nut';
import { Failed, Loading } from './PageStatus';
import { Screen } from './Screen';
import './handlers-only.scss';

/** Whom a page is for, and what it tells everyone else. */
export interface Door {
  allow: (me: Me) => boolean;
  /** The heading of the refusal: what this page is. */
  title: string;
  /** Whose page it is and what to do instead (one wording with the server's refusal where there is one). */
  refusal: string;
}

/** The pages that handle reports: anyone holding a handler's role somewhere (Me.isHandler). */
export const HANDLERS: Door = {
  allow: (me) => me.isHandler,
  title: '这是办理反映的页面',
  refusal: NOT_A_HANDLER,
};

type Check =
  | { status: 'checking' }
  | { status: 'failed'; message: string }
  | { status: 'refused'; title: string; message: string }
  | { status: 'allowed'; me: Me };

export function HandlersOnly({ door = HANDLERS, children }: { door?: Door; children: (me: Me) => ReactNode }) {
  const [check, setCheck] = useState<Check>({ status: 'checking' });

  const ask = useCallback(async () => {
    if (!hasSession()) return goToLogin();
    setCheck({ status: 'checking' });
    const who = await whoAmI();
    if (!who.ok) {
      if (isSessionLost(who)) return goToLogin(who.message);
      return setCheck({ status: 'failed', message: who.message });
    }
    if (!who.data.registered) return setCheck({ status: 'refused', title: '您还没有登记', message: who.data.howToRegister });
    setCheck(door.allow(who.data) ? { status: 'allowed', me: who.data } : { status: 'refused', title: door.title, message: door.refusal });
  }, [door]);

  useEffect(() => {
    void ask();
  }, [ask]);

  if (check.status === 'checking') return <Loading />;
  if (check.status === 'failed') return <Failed message={check.message} onRetry={() => void ask()} />;
  if (check.status === 'refused') {
    return (
      <Screen className='refused'>
        <View className='card' role='alert'>
          <Text className='refused__title page-title'>{check.title}</Text>
          <Text className='refused__text'>{check.message}</Text>
        </View>
        <Button className='refused__home' type='primary' size='large' block onClick={goHome}>
          回首页
        </Button>
      </Screen>
    );
  }
  return <>{children(check.me)}</>;
}

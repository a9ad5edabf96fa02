/**
 * One report, loaded each time its page shows (coming back from another page must show what changed
 * there), for the resident's detail page and the handler's report page alike.
 */
import { useCallback, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import type { ReportDetail } from '../core/api';
import { hasSession, isSessionLost } from '../services/api';
import { reportDetail } from '../services/reports';
import { goToLogin } from './nav';

export type ReportState = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; report: ReportDetail };

export function useReportDetail(id: string | undefined) {
  const [state, setState] = useState<ReportState>({ status: 'loading' });

  const load = useCallback(async () => {
    if (!hasSession()) return goToLogin();
    if (!id) return setState({ status: 'failed', message: '找不到这条反映' });
    const result = await reportDetail(id);
    if (result.ok) setState({ status: 'ready', report: result.data });
    else if (isSessionLost(result)) goToLogin(result.message);
    else setState({ status: 'failed', message: result.message });
  }, [id]);

  useDidShow(() => {
    void load();
  });

  return { state, setState, load };
}

import { App } from 'antd';
import type { FormInstance } from 'antd';
import { useCallback } from 'react';
import { ApiError, isAuthLost } from './api';

/**
 * Shows a failed call to the person: next to the form field the server named, or as a message.
 * Returns the ApiError (or undefined for a lost session, which the app already handles by
 * returning to the login page).
 */
export function useFailure() {
  const { message } = App.useApp();
  return useCallback(
    (e: unknown, form?: FormInstance): ApiError | undefined => {
      if (isAuthLost(e)) return undefined;
      if (!(e instanceof ApiError)) {
        console.error(e);
        message.error('页面出了点问题，请刷新后重试');
        return undefined;
      }
      const name = e.field ? e.field.split('.') : undefined;
      if (form && name && name[0] in form.getFieldsValue()) {
        form.setFields([{ name, errors: [e.message] }]);
        form.scrollToField(name);
      } else {
        message.error(e.requestId ? `${e.message}（编号 ${e.requestId}）` : e.message);
      }
      return e;
    },
    [message],
  );
}

import { App } from 'antd';
import { api, ApiError } from '../../api';
import type { CodeView } from '../../api';
import { ReasonModal } from '../../components/ReasonModal';
import { useFailure } from '../../feedback';

interface Props {
  code: CodeView;
  onRevoked(code: CodeView): void;
  /** The list was out of date (someone else revoked it first): reload it. */
  onStale(): void;
  onClose(): void;
}

const STALE: readonly string[] = ['CODE.ALREADY_REVOKED', 'CODE.NOT_FOUND'];

/** 作废: a code stops working for good; the reason is kept with it and shown in the list. */
export function RevokeCode({ code, onRevoked, onStale, onClose }: Props) {
  const { message } = App.useApp();
  const fail = useFailure();
  const name = `${code.purposeLabel}${code.label ? `「${code.label}」` : ''}`;

  return (
    <ReasonModal
      title={`作废${name}`}
      okText="作废"
      name="revokeCode"
      width={520}
      context={`${code.trail}${code.person ? ` · 为${code.person.name}` : ''} · 码号 ${code.id}`}
      notice={{ type: 'warning', text: '作废后不能恢复：再扫这个码会提示“此码已作废”。已贴出的海报请及时撤下，需要时重新生成一个码。' }}
      label="作废原因"
      required="请填写作废原因"
      placeholder="如：海报被撕毁，已换新码"
      onSubmit={async (v) => {
        const revoked = await api.codes.revoke({ id: code.id, reason: v.reason });
        message.success(`已作废${name}`);
        onRevoked(revoked);
      }}
      onFailed={(e, form) => {
        fail(e, form);
        if (e instanceof ApiError && STALE.includes(e.code)) onStale();
      }}
      onClose={onClose}
    />
  );
}

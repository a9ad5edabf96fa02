import { App } from 'antd';
import { api, ApiError } from '../../api';
import type { ApiKeyView } from '../../api';
import { ReasonModal } from '../../components/ReasonModal';
import { useFailure } from '../../feedback';

interface Props {
  apiKey: ApiKeyView;
  onRevoked(key: ApiKeyView): void;
  /** Someone else revoked it first: reload the list. */
  onStale(): void;
  onClose(): void;
}

const STALE: readonly string[] = ['APIKEY.ALREADY_REVOKED', 'APIKEY.NOT_FOUND'];

/** 撤销: the key stops working at once, for good; the reason is kept and audited. */
export function RevokeKey({ apiKey, onRevoked, onStale, onClose }: Props) {
  const { message } = App.useApp();
  const fail = useFailure();

  return (
    <ReasonModal
      title={`撤销${apiKey.partner}的密钥`}
      okText="撤销"
      name="revokeKey"
      width={520}
      notice={{ type: 'warning', text: `撤销后立即失效，不能恢复：用 ${apiKey.shown} 的查询和提交都会被拒绝。已提交的反映照常办理。` }}
      label="撤销原因"
      required="请填写撤销原因"
      placeholder="如：合作结束；密钥可能已外泄"
      onSubmit={async (v) => {
        const revoked = await api.open311.revokeKey({ id: apiKey.id, reason: v.reason });
        message.success(`已撤销${apiKey.partner}的密钥`);
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

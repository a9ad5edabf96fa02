/**
 * 提供资源 (`?partner=<partnerId>`) or a resource to change (`&id=<resourceId>`): what the partner offers
 * its communities — of what kind, its name, a description, how much and when — for the community to ask
 * for (a project our side then accepts). A resource still offered can be withdrawn. A new one carries a
 * client request id made once for this form (a retried tap is one resource); a change carries the version
 * read, so a change made meanwhile is refused rather than overwritten.
 */
import { useCallback, useState } from 'react';
import Taro, { useLoad, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { MyPartner, ResourceView } from '../../core/api';
import { RESOURCE_KIND_LABEL, RESOURCE_KINDS, type ResourceKind } from '../../core/partners';
import { Button } from '../../components/nut';
import { StatusFailed } from '../../components/StatusCard';
import { BigInput } from '../../components/BigInput';
import { Choices } from '../../components/Choices';
import { TextBox } from '../../components/Field';
import { Loading } from '../../components/PageStatus';
import { Screen } from '../../components/Screen';
import { isSessionLost, usesPasswordSignIn, type ClientFailure } from '../../services/api';
import { editResource, myPartners, offerResource, withdrawResource } from '../../services/partners';
import { goToLogin, readParam, replaceWith } from '../../utils/nav';
import { newRequestId } from '../../utils/request-id';
import { PARTNER_PAGES } from '../urls';
import { AMOUNT_MAX, AVAILABILITY_MAX, checkResource, DESCRIPTION_MAX, emptyResource, fieldOf, fieldsOf, formOf, TITLE_MAX, type Problems, type ResourceForm } from './form';
import '../partners.scss';

type Load = { status: 'loading' } | { status: 'failed'; code: string; message: string } | { status: 'ready'; mine: MyPartner; resource: ResourceView | null };

const SAY_FIX = '还有内容没有填好，请看红字提示';

/** Back to 我的共建单位, which reads itself again; opened straight (a link), there is nothing to go back to. */
function backToList(): void {
  if (Taro.getCurrentPages().length > 1) Taro.navigateBack({ delta: 1 }).catch(() => replaceWith(PARTNER_PAGES.index));
  else replaceWith(PARTNER_PAGES.index);
}

export default function ResourcePage() {
  const router = useRouter();
  const partnerId = readParam(router.params?.partner) ?? '';
  const resourceId = readParam(router.params?.id) ?? '';
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [form, setForm] = useState<ResourceForm>(emptyResource);
  const [problems, setProblems] = useState<Problems>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Made once for this form: every retry of the same offer carries the same id.
  const [requestId] = useState(newRequestId);

  const start = useCallback(async () => {
    setLoad({ status: 'loading' });
    if (!partnerId) return setLoad({ status: 'failed', code: 'INPUT.INVALID', message: '没有指明是哪家共建单位，请从“我的共建单位”里点开' });
    const r = await myPartners();
    if (!r.ok) {
      if (isSessionLost(r)) return goToLogin(r.message);
      return setLoad({ status: 'failed', code: r.code, message: r.message });
    }
    const mine = r.data.partners.find((m) => m.partner.id === partnerId);
    if (!mine) return setLoad({ status: 'failed', code: 'PARTNER.NOT_YOURS', message: '您不是这家共建单位的联络人或在职党员，不能替它提供资源' });
    let resource: ResourceView | null = null;
    if (resourceId) {
      resource = mine.resources.find((x) => x.id === resourceId) ?? null;
      if (!resource) return setLoad({ status: 'failed', code: 'RESOURCE.NOT_FOUND', message: '找不到这项资源，可能已被撤回，请回到“我的共建单位”刷新后再看' });
      setForm(formOf(resource));
    }
    setLoad({ status: 'ready', mine, resource });
  }, [partnerId, resourceId]);

  useLoad(() => {
    void start();
  });

  if (load.status === 'loading') return <Loading />;
  if (load.status === 'failed') {
    const nobody = load.code === 'AUTH.REQUIRED' && usesPasswordSignIn();
    return <StatusFailed message={load.message} instead={nobody ? { words: '去登录', onClick: () => goToLogin() } : null} onRetry={() => void start()} />;
  }

  const { mine, resource } = load;
  const editing = resource !== null;
  const editable = !editing || resource.can.edit;

  const set = <K extends keyof ResourceForm>(field: K, value: ResourceForm[K]) => {
    setForm((f) => ({ ...f, [field]: value }));
    if (problems[field]) setProblems((p) => ({ ...p, [field]: undefined }));
    setError((m) => (m === SAY_FIX ? null : m));
  };

  const refused = (r: ClientFailure) => {
    if (isSessionLost(r)) return goToLogin(r.message);
    const field = fieldOf(r.field);
    if (field) setProblems((p) => ({ ...p, [field]: r.message }));
    setError(r.message);
    void Taro.pageScrollTo({ scrollTop: 0, duration: 200 }).catch(() => undefined);
  };

  const finished = (words: string) => {
    void Taro.showToast({ title: words, icon: 'success', duration: 1500 });
    backToList();
  };

  const submit = async () => {
    if (busy) return;
    const found = checkResource(form);
    setProblems(found);
    if (Object.keys(found).length > 0) {
      setError(SAY_FIX);
      void Taro.pageScrollTo({ scrollTop: 0, duration: 200 }).catch(() => undefined);
      return;
    }
    setError(null);
    setBusy(true);
    const r = editing
      ? await editResource({ id: resource.id, version: resource.version, ...fieldsOf(form) })
      : await offerResource({ clientRequestId: requestId, partnerId: mine.partner.id, ...fieldsOf(form) });
    setBusy(false);
    if (r.ok) finished(editing ? '已保存' : '已提供');
    else refused(r);
  };

  const withdraw = async () => {
    if (busy || !resource) return;
    const asked = await Taro.showModal({ title: '撤回资源', content: `撤回“${resource.title}”后，社区不能再申请它。确定撤回吗？`, confirmText: '撤回', cancelText: '再想想', confirmColor: '#c62f2f' });
    if (!asked.confirm) return;
    setBusy(true);
    const r = await withdrawResource({ id: resource.id, version: resource.version });
    setBusy(false);
    if (r.ok) finished('已撤回');
    else refused(r);
  };

  return (
    <Screen className='partners'>
      <Text className='partners__title page-title'>{editing ? '修改资源' : '提供资源'}</Text>
      <Text className='partners__lead'>{`“${mine.partner.name}”能为社区提供什么：场地、专家、志愿者、资金、设备物资都可以。社区看到后会来申请，由我方确认。`}</Text>
      {error && <Text className='message message--error'>{error}</Text>}
      {!editable && <Text className='message message--info'>这项资源现在不能修改。</Text>}

      <View className='card'>
        <Choices<ResourceKind>
          label='资源类型'
          options={RESOURCE_KINDS.map((k) => ({ value: k, label: RESOURCE_KIND_LABEL[k] }))}
          columns={2}
          value={form.kind}
          onChange={(v) => set('kind', v)}
          error={problems.kind}
        />
      </View>

      <View className='card'>
        <BigInput label='资源名称' value={form.title} onChange={(v) => set('title', v)} error={problems.title} placeholder='例如：党群活动室' maxLength={TITLE_MAX} />
        <TextBox label='资源说明' value={form.description} onChange={(v) => set('description', v)} maxLength={DESCRIPTION_MAX} placeholder='例如：一楼活动室，有桌椅和投影，可开讲座、办活动' error={problems.description} />
        <BigInput label='数量' hint='多大、多少人、多少钱' value={form.amount} onChange={(v) => set('amount', v)} error={problems.amount} placeholder='例如：251 平方米' maxLength={AMOUNT_MAX} />
        <BigInput label='什么时候可以用' value={form.availability} onChange={(v) => set('availability', v)} error={problems.availability} placeholder='例如：工作日 9:00–17:00' maxLength={AVAILABILITY_MAX} />
      </View>

      {editable && (
        <Button className='partners__action' type='primary' size='large' block disabled={busy} onClick={() => void submit()}>
          {busy ? '正在提交…' : editing ? '保存修改' : '提供这项资源'}
        </Button>
      )}
      {editing && resource.can.withdraw && (
        <Button className='partners__plain' size='large' block disabled={busy} onClick={() => void withdraw()}>
          撤回这项资源
        </Button>
      )}
    </Screen>
  );
}

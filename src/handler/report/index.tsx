/**
 * A report as its handler works on it: the same detail the resident sees plus who reported it,
 * and one button per action the server says this person may take now (`can`). Each action
 * opens its own short form; every call carries the version that was read, and when someone
 * else got there first the page says so and reloads.
 */
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ReportDetail, ReportSummary } from '../../core/api';
import { Button } from '../../components/nut';
import { Choices } from '../../components/Choices';
import { LineInput, TextBox } from '../../components/Field';
import { HandlersOnly } from '../../components/HandlersOnly';
import { Failed, Loading } from '../../components/PageStatus';
import { PhotoPicker, usePhotos } from '../../components/Photos';
import { ReportBody } from '../../components/ReportBody';
import { Screen } from '../../components/Screen';
import { isSessionLost } from '../../services/api';
import { handle, HANDLER_ACTIONS, inbox, type HandlerAction } from '../../services/reports';
import { askForNotices } from '../../services/subscribe';
import { goToLogin, readParam } from '../../utils/nav';
import { checkNote, CONFLICT_MESSAGE, isOpenStatus } from '../../utils/report';
import { formatWhen } from '../../utils/time';
import { useReportDetail } from '../../utils/useReportDetail';
import './index.scss';

interface Spec {
  label: string;
  hint: string;
  /** What the toast and the notice say once done. */
  done: string;
  primary?: boolean;
}

const SPECS: Record<HandlerAction, Spec> = {
  respond: { label: '响应', hint: '告诉居民：已收到，马上处理', done: '已响应', primary: true },
  resolve: { label: '办结', hint: '问题解决了：写下结果，拍张照片', done: '已办结，等居民评价', primary: true },
  decideExtension: { label: '审批延期', hint: '下级申请了延期，请同意或不同意', done: '已审批延期', primary: true },
  closeFollowUp: { label: '回访', hint: '居民不满意：回访后记下情况', done: '回访已记录', primary: true },
  requestInfo: { label: '请居民补充', hint: '情况不清楚，问问居民', done: '已请居民补充' },
  transfer: { label: '转办', hint: '交给城管、派出所、住建等部门', done: '已转办' },
  escalate: { label: '上报', hint: '超出本级能力，交给上一级', done: '已上报上一级' },
  requestExtension: { label: '申请延期', hint: '需要更多时间，由上一级审批', done: '已申请延期' },
  reject: { label: '不予受理', hint: '重复反映，或不归我们管', done: '已不予受理' },
  comment: { label: '备注', hint: '记一笔办理情况，居民也能看到', done: '已备注' },
  describe: { label: '写下语音内容', hint: '听了居民的语音，把说的事写成文字', done: '已写下语音内容' },
};

const DEPARTMENTS = ['城管', '派出所', '住建', '市场监管', '供水', '供电', '燃气', '其他'] as const;
const DAYS = ['1', '2', '3', '5', '10'] as const;

interface Form {
  note: string;
  department: string | null;
  departmentOther: string;
  days: string | null;
  approve: 'yes' | 'no' | null;
  kind: 'duplicate' | 'notActionable' | null;
  duplicateOf: string;
}

const EMPTY: Form = { note: '', department: null, departmentOther: '', days: null, approve: null, kind: null, duplicateOf: '' };


type Built = { input: Record<string, unknown> } | { error: string };

/** The call's input from the form, or the first thing the person still has to fill in. */
function build(action: HandlerAction, f: Form, photos: string[]): Built {
  const note = f.note.trim();
  const need = (what: string) => checkNote(note, what);
  const withPhotos = photos.length ? { photos } : {};
  switch (action) {
    case 'respond':
      return { input: note ? { note } : {} };
    case 'resolve':
      return need('办理结果') ? { error: need('办理结果')! } : { input: { note, ...withPhotos } };
    case 'requestInfo':
      return need('需要居民补充的内容') ? { error: need('需要居民补充的内容')! } : { input: { question: note } };
    case 'transfer': {
      const department = f.department === '其他' ? f.departmentOther.trim() : f.department;
      if (!department) return { error: f.department === '其他' ? '请写下转办的部门' : '请选择转办的部门' };
      return { input: note ? { department, note } : { department } };
    }
    case 'escalate':
      return need('上报理由') ? { error: need('上报理由')! } : { input: { reason: note } };
    case 'requestExtension':
      if (!f.days) return { error: '请选择延期几个工作日' };
      return need('延期理由') ? { error: need('延期理由')! } : { input: { days: Number(f.days), reason: note } };
    case 'decideExtension':
      if (!f.approve) return { error: '请选择同意或不同意' };
      return { input: { approve: f.approve === 'yes', ...(note ? { note } : {}) } };
    case 'reject': {
      if (!f.kind) return { error: '请选择不受理的原因' };
      if (need('原因')) return { error: '请写下原因，居民会看到' };
      const dup = f.kind === 'duplicate' && f.duplicateOf.trim() ? { duplicateOf: f.duplicateOf.trim() } : {};
      return { input: { kind: f.kind, reason: note, ...dup } };
    }
    case 'comment':
      return need('备注') ? { error: need('备注')! } : { input: { note, ...withPhotos } };
    case 'closeFollowUp':
      return need('回访情况') ? { error: need('回访情况')! } : { input: { note } };
    case 'describe':
      return need('语音里说的事') ? { error: need('语音里说的事')! } : { input: { text: note } };
  }
}

/** Handlers only: anyone else reads whose page this is before the report and its actions. */
export default function HandlerReport() {
  const router = useRouter();
  const id = readParam(router.params?.id) ?? '';
  // Loaded with the page, alongside the door's question (a handler waits once), and again on each show.
  const detail = useReportDetail(id);
  return <HandlersOnly>{() => <ReportAtWork {...detail} />}</HandlersOnly>;
}

function ReportAtWork({ state, setState, load }: ReturnType<typeof useReportDetail>) {
  const [action, setAction] = useState<HandlerAction | null>(null);
  const [form, setForm] = useState<Form>(EMPTY);
  const [formError, setFormError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Open reports of the same kind and place: what a duplicate can be linked to (null: not looked up yet).
  const [originals, setOriginals] = useState<ReportSummary[] | null>(null);
  const photos = usePhotos();

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <Failed message={state.message} onRetry={() => void load()} />;

  const { report } = state;
  const actions = HANDLER_ACTIONS.filter((a) => report.can.includes(a)).sort((a, b) => Number(!!SPECS[b].primary) - Number(!!SPECS[a].primary));
  const set = (patch: Partial<Form>) => {
    setForm((f) => ({ ...f, ...patch }));
    setFormError(null);
  };

  /** A lead cannot know a report's id: offer the open reports it may repeat, to pick by their words. */
  const lookUpOriginals = async () => {
    if (originals !== null) return;
    const result = await inbox({ view: 'all', limit: 100 });
    const same = (r: ReportSummary) => r.id !== report.id && r.category === report.category && r.place === report.place && isOpenStatus(r.status);
    setOriginals(result.ok ? result.data.reports.filter(same) : []);
  };

  const start = (a: HandlerAction) => {
    setAction(a);
    // What was heard before is corrected, not typed again.
    setForm(a === 'describe' ? { ...EMPTY, note: report.voice?.heard ?? '' } : EMPTY);
    setFormError(null);
    setError(null);
    setNotice(null);
    photos.reset();
    void Taro.pageScrollTo({ selector: '.hr__panel', duration: 200 }).catch(() => undefined);
  };

  const submit = async () => {
    // Taking a report (响应) is when a handler expects news of it: WeChat asks only from the tap itself.
    if (action === 'respond') void askForNotices('reportTaken');
    if (!action || busy) return;
    const built = build(action, form, photos.ids);
    if ('error' in built) return setFormError(built.error);
    if (photos.uploading) return setFormError('照片还在上传，请稍等一下');
    setBusy(true);
    const result = await handle(action, { id: report.id, version: report.version, ...built.input } as never);
    setBusy(false);
    if (result.ok) {
      const done = SPECS[action].done;
      setState({ status: 'ready', report: result.data as ReportDetail });
      setAction(null);
      setNotice(done);
      photos.reset();
      void Taro.showToast({ title: done.slice(0, 7), icon: 'success', duration: 1500 });
      return;
    }
    if (isSessionLost(result)) return goToLogin(result.message);
    if (result.code === 'CONFLICT.VERSION') {
      setAction(null);
      setError(CONFLICT_MESSAGE);
      await load();
      return;
    }
    setFormError(result.message);
  };

  const spec = action ? SPECS[action] : null;

  const panel = action && spec && (
    <View className='card hr__panel'>
      <Text className='section-title'>{spec.label}</Text>
      <Text className='muted hr__panel-hint'>{spec.hint}</Text>

      {action === 'decideExtension' && report.extension && (
        <Text className='hr__ext'>
          申请延期 {report.extension.days} 个工作日。理由：{report.extension.reason}
        </Text>
      )}
      {action === 'decideExtension' && (
        <Choices
          options={[
            { value: 'yes', label: '同意延期' },
            { value: 'no', label: '不同意' },
          ]}
          columns={2}
          value={form.approve}
          onChange={(v) => set({ approve: v })}
        />
      )}
      {action === 'transfer' && (
        <Choices
          label='转给哪个部门'
          options={DEPARTMENTS.map((d) => ({ value: d, label: d }))}
          columns={2}
          value={form.department}
          onChange={(v) => set({ department: v })}
        />
      )}
      {action === 'transfer' && form.department === '其他' && (
        <LineInput label='部门名称' value={form.departmentOther} onChange={(v) => set({ departmentOther: v })} maxLength={30} placeholder='例如：环保局' />
      )}
      {action === 'requestExtension' && (
        <Choices
          label='延期几个工作日'
          options={DAYS.map((d) => ({ value: d, label: `${d} 天` }))}
          columns={3}
          value={form.days}
          onChange={(v) => set({ days: v })}
        />
      )}
      {action === 'reject' && (
        <Choices
          label='为什么不受理'
          options={[
            { value: 'duplicate', label: '重复反映', hint: '已有同样的反映在办' },
            { value: 'notActionable', label: '不归我们管', hint: '或无法办理' },
          ]}
          columns={2}
          value={form.kind}
          onChange={(v) => {
            set({ kind: v });
            if (v === 'duplicate') void lookUpOriginals();
          }}
        />
      )}
      {action === 'reject' && form.kind === 'duplicate' && originals !== null && originals.length > 0 && (
        <Choices
          label='和哪一条重复（可不选）'
          options={originals.map((r) => ({ value: r.id, label: r.description.length > 24 ? `${r.description.slice(0, 24)}…` : r.description, hint: `${formatWhen(r.createdAt)}提交 · ${r.statusLabel}` }))}
          value={form.duplicateOf || null}
          onChange={(v) => set({ duplicateOf: v })}
        />
      )}
      {action === 'reject' && form.kind === 'duplicate' && originals !== null && originals.length === 0 && (
        <Text className='muted hr__panel-hint'>没有找到同一地点同一类的其他反映，写清原因即可。</Text>
      )}

      <TextBox
        label={NOTE_LABEL[action]}
        optional={action === 'respond' || action === 'transfer' || action === 'decideExtension'}
        value={form.note}
        onChange={(v) => set({ note: v })}
        maxLength={500}
        placeholder={NOTE_PLACEHOLDER[action]}
      />
      {(action === 'resolve' || action === 'comment') && <PhotoPicker state={photos} label={action === 'resolve' ? '办好后的照片' : '照片'} />}

      {formError && <Text className='message message--error'>{formError}</Text>}
      <View className='actions'>
        <Button type='primary' size='large' block disabled={busy} onClick={() => void submit()}>
          {busy ? '正在提交…' : `确定${spec.label}`}
        </Button>
        <Button size='large' block disabled={busy} onClick={() => setAction(null)}>
          取消
        </Button>
      </View>
    </View>
  );

  return (
    <Screen className='hr'>
      {notice && <Text className='message message--info'>{notice}</Text>}
      {error && <Text className='message message--error'>{error}</Text>}
      {/* A watcher (关注) has no deadline to meet: not the handler's next step, nor the resident's ("…会联系您"), but whose move it is. */}
      <ReportBody report={report.watching && report.nextStepForStaff ? { ...report, nextStep: report.nextStepForStaff } : report} audience={report.watching ? 'resident' : 'handler'}>
        {panel ||
          (actions.length > 0 ? (
            <View className='card hr__bar' aria-label='我要办理'>
              <Text className='section-title'>我要办理</Text>
              {actions.map((a) => (
                <View
                  key={a}
                  className={`hr__action${SPECS[a].primary ? ' hr__action--primary' : ''}`}
                  hoverClass='hr__action--pressed'
                  onClick={() => start(a)}
                >
                  <Text className='hr__action-label'>{SPECS[a].label}</Text>
                  <Text className='hr__action-hint'>{SPECS[a].hint}</Text>
                </View>
              ))}
            </View>
          ) : (
            <View className='card'>
              {/* A watcher (关注) reads why it is here; anyone else that there is nothing to do now. */}
              {report.watchNote ? <Text className='hr__watch'>{`关注：${report.watchNote}`}</Text> : <Text className='muted'>这条反映现在不需要您办理。</Text>}
            </View>
          ))}
      </ReportBody>
    </Screen>
  );
}

const NOTE_LABEL: Record<HandlerAction, string> = {
  respond: '给居民说一句',
  resolve: '办理结果',
  requestInfo: '想请居民补充什么',
  transfer: '转办说明',
  escalate: '上报理由',
  requestExtension: '延期理由',
  decideExtension: '审批意见',
  reject: '原因（居民会看到）',
  comment: '备注',
  closeFollowUp: '回访情况',
  describe: '语音里说了什么',
};

const NOTE_PLACEHOLDER: Record<HandlerAction, string> = {
  respond: '例如：已联系物业，明天上午来修',
  resolve: '例如：电梯已修好，物业检查过可以正常使用',
  requestInfo: '例如：请问是几单元几楼？',
  transfer: '可以不写',
  escalate: '例如：需要更换主机，楼栋解决不了',
  requestExtension: '例如：配件要从厂家调货',
  decideExtension: '可以不写',
  reject: '例如：这个问题已有邻居反映，正在办理',
  comment: '例如：已电话联系居民',
  closeFollowUp: '例如：已上门回访，居民表示理解',
  describe: '例如：3单元电梯停在5楼，按了没反应',
};

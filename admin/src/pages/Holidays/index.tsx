import { Alert, App, Card, Empty, Flex, Segmented, Skeleton, Tabs, Tag, Typography } from 'antd';
import { InfoCircleOutlined } from '@ant-design/icons';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, ApiError } from '../../api';
import type { HolidayFilePreview, HolidayYearStatus, HolidayYearView, StreetHolidays } from '../../api';
import { parseHolidayNotice } from '../../../../src/core/holidays-notice';
import { dayKey } from '../../../../src/core/time';
import { PageHeader } from '../../components/PageHeader';
import { clearDraft, loadDraft, saveDraft } from '../../drafts';
import { useFailure } from '../../feedback';
import { dateTime } from '../../format';
import { replaceSearch, useSearch } from '../../router';
import { changesBetween } from './dates';
import { FileImport } from './FileImport';
import { NoticeEntry } from './NoticeEntry';
import { CalendarLegend, YearCalendar } from './YearCalendar';

const STATUS_LABEL: Record<HolidayYearStatus, string> = { entered: '已录入', library: '内置日历', missing: '未录入' };
const SOURCE_LABEL = { notice: '国务院通知', spreadsheet: '表格导入', ics: '日历文件导入' } as const;
/** Errors the person fixes in what they entered: shown where they entered it, not as a passing toast. */
const INLINE = /^(HOLIDAYS|INPUT|IMPORT)\./;

function statusLine(y: HolidayYearView): string {
  if (y.status === 'entered') {
    const who = [y.updatedByName, y.updatedAt ? dateTime(y.updatedAt) : null].filter(Boolean).join(' ');
    return `已录入 · ${y.source ? SOURCE_LABEL[y.source] : ''} · 第 ${y.version} 版${who ? ` · ${who} 保存` : ''}${y.note ? ` · ${y.note}` : ''}`;
  }
  if (y.status === 'library') return '未单独录入：使用内置日历的安排。如与国务院通知不符，可以录入，录入后以录入的为准';
  return '未录入：这一年的办理时限只按周末放假计算';
}

/** 节假日: the street's off days and swapped workdays, year by year; street staff enter next year from the notice. */
export default function HolidaysPage() {
  const { message } = App.useApp();
  const fail = useFailure();
  const search = useSearch();
  const [data, setData] = useState<StreetHolidays | null>(null);
  const [tab, setTab] = useState<'notice' | 'file'>('notice');
  const [text, setText] = useState('');
  const [filePreview, setFilePreview] = useState<HolidayFilePreview | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setData(await api.management.holidays({}));
    } catch (e) {
      fail(e);
    }
  }, [fail]);

  useEffect(() => {
    void load();
  }, [load]);

  const asked = Number(new URLSearchParams(search).get('year')) || null;
  const year = data ? (data.years.some((y) => y.year === asked) ? asked! : data.missingNextYear ? data.thisYear + 1 : data.thisYear) : null;
  const current = data?.years.find((y) => y.year === year) ?? null;
  const editable = !!data && !!current && data.canEdit && data.editableYears.includes(current.year);
  const draftKey = data && year ? `holidays.${data.street.id}.${year}` : '';

  // Each year keeps its own pasted text while the person switches between years.
  useEffect(() => {
    if (!draftKey) return;
    setText(loadDraft<{ text: string }>(draftKey)?.text ?? '');
    setFilePreview(null);
    setError(null);
  }, [draftKey]);

  const parsed = useMemo(() => (year && text.trim() ? parseHolidayNotice(year, text) : null), [year, text]);
  const pending = editable ? (tab === 'notice' ? (parsed && parsed.offDays.length + parsed.workdays.length > 0 ? parsed : null) : filePreview) : null;
  const shown = pending ?? current;
  const blocked = tab === 'notice' && !!parsed?.unreadable.length;
  // Against a missing year every day is new: outlining them all would say nothing.
  const changes = useMemo(() => (!pending || !current || current.status === 'missing' ? null : changesBetween(current, pending)), [pending, current]);
  const changed = useMemo(() => (changes ? new Set([...changes.addedOff, ...changes.removedOff, ...changes.addedWork, ...changes.removedWork]) : undefined), [changes]);
  // What a save would take away is said in words: a file with one festival replaces the whole year.
  const changeWords = changes
    ? [
        [changes.addedOff.length, '新增放假'],
        [changes.removedOff.length, '取消放假'],
        [changes.addedWork.length, '新增调休上班'],
        [changes.removedWork.length, '取消调休上班'],
      ]
        .filter(([n]) => n)
        .map(([n, what]) => `${what} ${n} 天`)
        .join('、') || '与现在相同'
    : null;

  useEffect(() => {
    if (!text.trim()) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [text]);

  function onText(t: string) {
    setText(t);
    setError(null);
    saveDraft(draftKey, { text: t });
  }

  async function save() {
    if (!data || !current) return;
    setSaving(true);
    setError(null);
    try {
      const common = { streetId: data.street.id, year: current.year, version: current.version };
      const s =
        tab === 'notice'
          ? await api.management.saveHolidays({ ...common, source: 'notice', text })
          : await api.management.saveHolidays({ ...common, source: filePreview!.source, offDays: filePreview!.offDays, workdays: filePreview!.workdays });
      setData(s);
      clearDraft(draftKey);
      setText('');
      setFilePreview(null);
      message.success(`已保存${current.year}年节假日安排。之后开始计时的反映按新安排计算，已在计时的不受影响`);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'CONFLICT.VERSION') {
        message.warning(`${current.year}年的节假日安排刚被其他人修改过，已加载最新安排，请核对后再保存`);
        void load();
      } else if (e instanceof ApiError && INLINE.test(e.code)) setError(e.message);
      else fail(e);
    } finally {
      setSaving(false);
    }
  }

  if (!data || !current || year === null) {
    return (
      <Flex vertical gap={16}>
        <PageHeader title="节假日" />
        <Card>
          <Skeleton active />
        </Card>
      </Flex>
    );
  }

  return (
    <Flex vertical gap={16}>
      <PageHeader title={`节假日 · ${data.street.name}`} hint="办理时限按本街道的放假和调休上班日计算" wrap>
        <Segmented
          aria-label="年份"
          value={year}
          onChange={(v) => replaceSearch(new URLSearchParams({ year: String(v) }).toString())}
          options={data.years.map((y) => ({ value: y.year, label: `${y.year}年 · ${STATUS_LABEL[y.status]}` }))}
        />
      </PageHeader>
      <Alert type="info" showIcon icon={<InfoCircleOutlined />} title="修改只影响之后开始计时的反映，已在计时的不受影响。" />
      {current.status === 'missing' && (
        <Alert
          type="warning"
          showIcon
          data-testid="holidays-missing"
          title={`${current.year}年节假日安排尚未录入，截止时间计算将只按周末放假。`}
          description={editable ? '国务院办公厅通知发布后，请在右侧粘贴通知全文，或导入表格、日历文件。' : '请街道工作人员在本页录入国务院办公厅通知；如已发布，请联系街道工作人员。'}
        />
      )}
      <Flex gap={16} align="flex-start">
        <Card
          size="small"
          style={{ flex: '0 0 600px', width: 600 }}
          title={
            <Flex gap={8} align="center">
              <span>{current.year}年</span>
              {pending ? <Tag color="orange">{blocked ? '预览：有读不懂的行，还不能保存' : '预览：尚未保存'}</Tag> : <Tag>{STATUS_LABEL[current.status]}</Tag>}
            </Flex>
          }
          extra={<CalendarLegend withChanges={!!changed} />}
        >
          <Flex vertical gap={8}>
            <Typography.Text type="secondary" data-testid="holidays-status">
              {pending
                ? `${blocked ? '已读到' : '保存后'}：放假 ${shown!.offDays.length} 天，调休上班 ${shown!.workdays.length} 天${changeWords ? `。与现在相比：${changeWords}（虚线框）` : ''}`
                : statusLine(current)}
              {!pending && current.status !== 'missing' ? `（放假 ${current.offDays.length} 天，调休上班 ${current.workdays.length} 天）` : ''}
            </Typography.Text>
            <YearCalendar year={current.year} offDays={shown!.offDays} workdays={shown!.workdays} changed={changed} today={dayKey(Date.now())} />
          </Flex>
        </Card>
        <Card size="small" title="录入" style={{ flex: 1, minWidth: 360 }}>
          {editable ? (
            <Tabs
              activeKey={tab}
              onChange={(k) => {
                setTab(k as 'notice' | 'file');
                setError(null);
              }}
              items={[
                {
                  key: 'notice',
                  label: '粘贴通知',
                  children: <NoticeEntry year={current.year} text={text} onText={onText} parsed={parsed} error={tab === 'notice' ? error : null} saving={saving} onSave={() => void save()} />,
                },
                {
                  key: 'file',
                  label: '导入表格或日历文件',
                  children: (
                    <FileImport
                      year={current.year}
                      streetId={data.street.id}
                      preview={filePreview}
                      onPreview={(p) => {
                        setFilePreview(p);
                        setError(null);
                      }}
                      error={tab === 'file' ? error : null}
                      saving={saving}
                      onSave={() => void save()}
                    />
                  ),
                },
              ]}
            />
          ) : (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={
                data.canEdit
                  ? `${current.year}年已经过去，不能再修改；可以录入今年和明年的安排。`
                  : '节假日安排由街道工作人员录入。您可以查看；如发现与国务院通知不符，请联系街道工作人员。'
              }
            />
          )}
        </Card>
      </Flex>
    </Flex>
  );
}

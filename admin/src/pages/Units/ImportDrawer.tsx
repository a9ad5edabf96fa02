import { Alert, App, Button, Drawer, Flex, Progress, Radio, Result, Steps, Table, Typography, Upload } from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useEffect, useRef, useState } from 'react';
import { api, ApiError, sendUpload } from '../../api';
import type { ImportJobView, ImportKind, ImportPreview, ImportRowError, Unit } from '../../api';
import { saveDownload } from '../../download';
import { useFailure } from '../../feedback';

const MAX_BYTES = 10 * 1024 * 1024;
const KIND_LABEL: Record<ImportKind, string> = { units: '单位（小区、楼栋、网格）', residents: '居民' };
const STAGES = ['上传', '校验', '写入'] as const;
type Stage = 0 | 1 | 2;
/** Pause before asking again when a call moved nothing (another run holds the job for a moment). */
const IDLE_POLL_MS = 1_000;

interface Progressing {
  stage: Stage;
  /** 0..1 within the stage; null while the server works (no figure to show). */
  fraction: number | null;
  /** What the bar says instead of the stage's name. */
  text?: string;
}

interface Props {
  unit: Unit;
  onClose(): void;
  /** Something was written: reload the tree and the bindings. */
  onImported(): void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Imports units or residents from .xlsx/.csv under a unit: the file is uploaded first, previewed
 * with per-row errors, and on confirmation becomes an import job that the server checks and writes
 * a chunk at a time; the bar follows the job. All rows or none: a row found bad while the job runs
 * rolls back everything, and the reason is shown here.
 */
export function ImportDrawer({ unit, onClose, onImported }: Props) {
  const { message } = App.useApp();
  const fail = useFailure();
  const [kind, setKind] = useState<ImportKind>('residents');
  const [file, setFile] = useState<{ name: string; ref: string } | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [progress, setProgress] = useState<Progressing | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [job, setJob] = useState<ImportJobView | null>(null);
  // The drawer closed: stop following the job (the server's timer finishes it).
  const open = useRef(true);
  useEffect(() => {
    open.current = true;
    return () => {
      open.current = false;
    };
  }, []);

  function reset() {
    setFile(null);
    setPreview(null);
    setProblem(null);
    setJob(null);
    setProgress(null);
  }

  async function template() {
    try {
      saveDownload(await api.management.importTemplate({ kind }));
    } catch (e) {
      fail(e);
    }
  }

  async function choose(f: File) {
    reset();
    if (!/\.(xlsx|csv)$/i.test(f.name)) {
      setProblem(`「${f.name}」不是 .xlsx 或 .csv 文件。请用 Excel 另存为 .xlsx 或 .csv 后再上传。`);
      return;
    }
    if (f.size > MAX_BYTES) {
      setProblem(`「${f.name}」有 ${(f.size / 1024 / 1024).toFixed(1)} MB，超过 10 MB 的上限。请分成几个文件分别导入。`);
      return;
    }
    if (f.size === 0) {
      setProblem(`「${f.name}」是空文件。`);
      return;
    }
    try {
      setProgress({ stage: 0, fraction: 0 });
      const ticket = await api.management.importUpload({ fileName: f.name });
      await sendUpload(ticket, f, (x) => setProgress({ stage: 0, fraction: x }));
      setFile({ name: f.name, ref: ticket.file });
      setProgress({ stage: 1, fraction: null });
      setPreview(await api.management.importPreview({ kind, unitId: unit.id, fileName: f.name, file: ticket.file }));
      setProgress(null);
    } catch (e) {
      setProgress(null);
      if (e instanceof ApiError && e.code !== 'NETWORK' && !e.code.startsWith('AUTH.')) setProblem(e.message);
      else fail(e);
    }
  }

  function showJob(j: ImportJobView) {
    setJob(j);
    const text = j.state === 'publishing' ? '正在写入…' : j.state === 'checking' ? `正在逐批核对（共 ${j.rows} 行）…` : '正在保存文件内容…';
    setProgress(j.finished ? null : { stage: 2, fraction: j.progress, text });
  }

  async function commit() {
    if (!file || !preview) return;
    setProgress({ stage: 2, fraction: 0, text: '正在保存文件内容…' });
    try {
      let j = await api.management.importCommit({ kind, unitId: unit.id, fileName: file.name, file: file.ref, digest: preview.digest });
      showJob(j);
      // Each call runs the job a few seconds further; the bar shows where it is after each.
      while (!j.finished && open.current) {
        const before = j.progress;
        j = await api.management.importContinue({ jobId: j.id });
        if (!open.current) return;
        showJob(j);
        if (!j.finished && j.progress === before) await sleep(IDLE_POLL_MS);
      }
      if (j.state === 'done') {
        message.success(`导入完成：新增 ${j.created.units} 个单位、${j.created.people} 位人员、${j.created.bindings} 个角色`);
        onImported();
      }
    } catch (e) {
      setProgress(null);
      if (e instanceof ApiError && e.code !== 'NETWORK' && !e.code.startsWith('AUTH.')) setProblem(`没有导入任何数据：${e.message}`);
      else fail(e);
    }
  }

  // Uploading cannot be left halfway; a job under way can: the server finishes it (or rolls it back) by itself.
  const uploading = progress !== null && progress.stage < 2;
  const running = progress !== null && progress.stage === 2;
  const busy = progress !== null;
  const errors = preview?.errors ?? [];
  const sampleColumns = preview?.sample[0] ? Object.keys(preview.sample[0]) : [];
  const finished = job?.finished ? job : null;

  return (
    <Drawer open rootClassName="import-drawer" size={900} title={`批量导入到「${unit.name}」`} onClose={uploading ? undefined : onClose} closable={!uploading} maskClosable={!busy}>
      <Flex vertical gap={16}>
        <Flex align="center" gap={16} wrap>
          <span>导入什么：</span>
          <Radio.Group
            value={kind}
            disabled={busy}
            onChange={(e) => {
              setKind(e.target.value);
              reset();
            }}
            optionType="button"
            options={(Object.keys(KIND_LABEL) as ImportKind[]).map((k) => ({ value: k, label: KIND_LABEL[k] }))}
          />
          <Button icon={<DownloadOutlined />} onClick={() => void template()} style={{ marginLeft: 'auto' }}>
            下载{kind === 'units' ? '单位' : '居民'}导入模板
          </Button>
        </Flex>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          请按模板填写，每行一条，一次最多 20,000 行。上级单位按名称在「{unit.name}」之下查找。先预览检查，没有错误才能导入；只要有一行有错，整个文件都不会导入。
        </Typography.Paragraph>

        <Upload.Dragger
          accept=".xlsx,.csv"
          multiple={false}
          showUploadList={false}
          disabled={busy}
          beforeUpload={(f) => {
            void choose(f);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{file ? `已选择：${file.name}（点击或拖入可换一个文件）` : '点击选择，或把 .xlsx / .csv 文件拖到这里'}</p>
          <p className="ant-upload-hint">最大 10 MB</p>
        </Upload.Dragger>

        {progress && <ProgressBar p={progress} />}
        {running && (
          <Typography.Text type="secondary" data-testid="import-running">
            大文件需要几分钟。可以关闭这个窗口，导入会在服务器上继续完成；完成前新数据不会出现，出错则全部撤回。
          </Typography.Text>
        )}
        {problem && <Alert type="error" showIcon title="无法导入这个文件" description={problem} data-testid="import-problem" />}

        {finished ? (
          <JobResult job={finished} onAgain={reset} onClose={onClose} />
        ) : (
          preview &&
          !job && (
            <>
              {errors.length > 0 ? (
                <Alert
                  type="error"
                  showIcon
                  title={`发现 ${errors.length} 处问题，整个文件都不会导入`}
                  description="请在 Excel 中按下表改正后重新上传。"
                  data-testid="import-errors-summary"
                />
              ) : (
                <Alert
                  type="success"
                  showIcon
                  title={`共 ${preview.rows} 行，检查通过`}
                  description={`导入后将新增 ${preview.willCreate.units} 个单位、${preview.willCreate.people} 位人员、${preview.willCreate.bindings} 个角色绑定。`}
                  action={
                    <Button type="primary" onClick={() => void commit()} loading={busy}>
                      确认导入
                    </Button>
                  }
                  data-testid="import-ok"
                />
              )}
              {errors.length > 0 && <ErrorTable errors={errors} />}
              {preview.sample.length > 0 && (
                <>
                  <Typography.Text strong>文件前几行（请核对各列是否对应）</Typography.Text>
                  <Table
                    size="small"
                    bordered
                    pagination={false}
                    rowKey={(_, i) => String(i)}
                    dataSource={preview.sample}
                    columns={[
                      { title: '行号', width: 64, render: (_, __, i) => i + 2 },
                      ...sampleColumns.map((c) => ({ title: c, dataIndex: c, ellipsis: true })),
                    ]}
                    scroll={{ x: 'max-content' }}
                  />
                </>
              )}
            </>
          )
        )}
      </Flex>
    </Drawer>
  );
}

function JobResult({ job, onAgain, onClose }: { job: ImportJobView; onAgain(): void; onClose(): void }) {
  const actions = [
    <Button key="again" onClick={onAgain}>
      {job.state === 'done' ? '再导入一个文件' : '重新选择文件'}
    </Button>,
    <Button key="close" type="primary" onClick={onClose}>
      完成
    </Button>,
  ];
  if (job.state === 'done')
    return (
      <div data-testid="import-done">
        <Result status="success" title="导入完成" subTitle={`新增 ${job.created.units} 个单位、${job.created.people} 位人员、${job.created.bindings} 个角色绑定`} extra={actions} />
      </div>
    );
  const f = job.failure;
  const where = f && f.row > 0 ? `第 ${f.row} 行${f.column ? `“${f.column}”` : ''}：` : '';
  return (
    <div data-testid="import-rolled-back">
      <Result status="error" title="导入已全部撤回，没有写入任何数据" subTitle={f ? `${where}${f.message}` : '导入没有完成'} extra={actions} />
    </div>
  );
}

/** The three steps, and the bar of the one under way: the upload's bytes, then the job's own progress. */
function ProgressBar({ p }: { p: Progressing }) {
  const text = p.text ?? (p.fraction === null ? '服务器正在逐行校验…' : `正在${STAGES[p.stage]}…`);
  return (
    <Flex vertical gap={8} data-testid="import-progress">
      <Steps size="small" current={p.stage} items={STAGES.map((title) => ({ title }))} />
      <Progress percent={p.fraction === null ? 50 : Math.round(p.fraction * 100)} status="active" showInfo={p.fraction !== null} />
      <Typography.Text>{text}</Typography.Text>
    </Flex>
  );
}

function ErrorTable({ errors }: { errors: ImportRowError[] }) {
  const columns: TableColumnsType<ImportRowError> = [
    { title: '行号', dataIndex: 'row', width: 80, render: (r: number) => (r > 0 ? `第 ${r} 行` : '整个文件') },
    { title: '列', dataIndex: 'column', width: 140, render: (c: string | null) => c ?? '—' },
    { title: '问题', dataIndex: 'message' },
  ];
  return (
    <Table
      size="small"
      rowKey={(e, i) => `${e.row}.${e.column}.${i}`}
      columns={columns}
      dataSource={errors}
      pagination={errors.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      data-testid="import-errors"
    />
  );
}

import { Alert, App, Button, Drawer, Flex, Progress, Radio, Result, Steps, Table, Typography, Upload } from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { api, ApiError } from '../../api';
import type { ImportKind, ImportPreview, ImportRowError, Unit } from '../../api';
import { readAsBase64, saveDownload } from '../../download';
import { useFailure } from '../../feedback';

const MAX_BYTES = 10 * 1024 * 1024;
const KIND_LABEL: Record<ImportKind, string> = { units: '单位（小区、楼栋、网格）', residents: '居民' };
const STAGES = ['读取文件', '上传', '校验', '写入'] as const;
type Stage = 0 | 1 | 2 | 3;

interface Progressing {
  stage: Stage;
  /** 0..1 within the stage; null while the server works (no figure to show). */
  fraction: number | null;
}

interface Props {
  unit: Unit;
  onClose(): void;
  /** Something was written: reload the tree and the bindings. */
  onImported(): void;
}

/**
 * Imports units or residents from .xlsx/.csv under a unit: preview with per-row errors first;
 * the server writes all rows or none, so a file with one bad row changes nothing.
 */
export function ImportDrawer({ unit, onClose, onImported }: Props) {
  const { message } = App.useApp();
  const fail = useFailure();
  const [kind, setKind] = useState<ImportKind>('residents');
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [progress, setProgress] = useState<Progressing | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<{ units: number; people: number; bindings: number } | null>(null);

  function reset() {
    setFile(null);
    setPreview(null);
    setProblem(null);
    setDone(null);
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
      const base64 = await readAsBase64(f, (x) => setProgress({ stage: 0, fraction: x }));
      setFile({ name: f.name, base64 });
      setProgress({ stage: 1, fraction: 0 });
      const p = await api.management.importPreview({ kind, unitId: unit.id, fileName: f.name, base64 }, (x) =>
        setProgress(x < 1 ? { stage: 1, fraction: x } : { stage: 2, fraction: null }),
      );
      setPreview(p);
      setProgress(null);
    } catch (e) {
      setProgress(null);
      if (e instanceof ApiError && e.code !== 'NETWORK' && !e.code.startsWith('AUTH.')) setProblem(e.message);
      else fail(e);
    }
  }

  async function commit() {
    if (!file || !preview) return;
    setProgress({ stage: 3, fraction: 0 });
    try {
      const r = await api.management.importCommit({ kind, unitId: unit.id, fileName: file.name, base64: file.base64, digest: preview.digest }, (x) =>
        setProgress({ stage: 3, fraction: x < 1 ? x * 0.5 : null }),
      );
      setDone(r.created);
      setProgress(null);
      message.success(`导入完成：新增 ${r.created.units} 个单位、${r.created.people} 位人员、${r.created.bindings} 个角色`);
      onImported();
    } catch (e) {
      setProgress(null);
      if (e instanceof ApiError && e.code !== 'NETWORK' && !e.code.startsWith('AUTH.')) setProblem(`没有导入任何数据：${e.message}`);
      else fail(e);
    }
  }

  const busy = progress !== null;
  const errors = preview?.errors ?? [];
  const sampleColumns = preview?.sample[0] ? Object.keys(preview.sample[0]) : [];

  return (
    <Drawer open rootClassName="import-drawer" size={900} title={`批量导入到「${unit.name}」`} onClose={busy ? undefined : onClose} closable={!busy} maskClosable={!busy}>
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
          请按模板填写，每行一条。上级单位按名称在「{unit.name}」之下查找。先预览检查，没有错误才能导入；只要有一行有错，整个文件都不会导入。
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
        {problem && <Alert type="error" showIcon title="无法导入这个文件" description={problem} data-testid="import-problem" />}

        {done ? (
          <Result
            status="success"
            title="导入完成"
            subTitle={`新增 ${done.units} 个单位、${done.people} 位人员、${done.bindings} 个角色绑定`}
            extra={[
              <Button key="again" onClick={reset}>
                再导入一个文件
              </Button>,
              <Button key="close" type="primary" onClick={onClose}>
                完成
              </Button>,
            ]}
          />
        ) : (
          preview && (
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

function ProgressBar({ p }: { p: Progressing }) {
  const percent = Math.round(((p.stage + (p.fraction ?? 0.5)) / STAGES.length) * 100);
  const text = p.fraction === null ? (p.stage === 3 ? '正在写入，请勿关闭页面…' : '服务器正在逐行校验…') : `${STAGES[p.stage]} ${Math.round(p.fraction * 100)}%`;
  return (
    <Flex vertical gap={8} data-testid="import-progress">
      <Steps size="small" current={p.stage} items={STAGES.map((title) => ({ title }))} />
      <Progress percent={percent} status="active" format={() => text} />
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

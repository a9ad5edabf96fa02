import { Alert, Button, Flex, List, Progress, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { api } from '../../api';
import type { HolidayFilePreview } from '../../api';
import { readAsBase64 } from '../../download';
import { useFailure } from '../../feedback';
import { describeDays, describeWorkdays } from './dates';

const MAX_BYTES = 2 * 1024 * 1024;

interface Props {
  year: number;
  streetId: string;
  preview: HolidayFilePreview | null;
  onPreview(p: HolidayFilePreview | null): void;
  error: string | null;
  saving: boolean;
  onSave(): void;
}

/**
 * 导入文件: a spreadsheet (日期, 类型 放假/上班) or an .ics calendar, read by the server into a preview —
 * what saving would enter and every row it could not read — and saved only from that preview.
 */
export function FileImport({ year, streetId, preview, onPreview, error, saving, onSave }: Props) {
  const fail = useFailure();
  const [progress, setProgress] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function choose(f: File) {
    onPreview(null);
    setProblem(null);
    if (!/\.(xlsx|csv|ics)$/i.test(f.name)) return setProblem(`「${f.name}」不是 .xlsx、.csv 或 .ics 文件。表格请用 Excel 另存为 .xlsx，日历请导出为 .ics。`);
    if (f.size > MAX_BYTES) return setProblem(`「${f.name}」超过 2 MB。一年的节假日用不了这么大的文件，请只保留放假和调休上班的日子。`);
    if (f.size === 0) return setProblem(`「${f.name}」是空文件。`);
    try {
      setProgress(0);
      const base64 = await readAsBase64(f, (x) => setProgress(x / 2));
      onPreview(await api.management.previewHolidayFile({ streetId, year, fileName: f.name, base64 }, (x) => setProgress(0.5 + x / 2)));
    } catch (e) {
      const err = fail(e);
      if (err) setProblem(err.message);
    } finally {
      setProgress(null);
    }
  }

  const blocked = !preview || preview.problems.length > 0 || preview.offDays.length + preview.workdays.length === 0;
  return (
    <Flex vertical gap={12}>
      <Upload.Dragger
        accept=".xlsx,.csv,.ics"
        multiple={false}
        showUploadList={false}
        disabled={progress !== null}
        beforeUpload={(f) => {
          void choose(f);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">点击或拖入文件</p>
        <p className="ant-upload-hint">表格（.xlsx 或 .csv）第一行为“日期”“类型”，类型填“放假”或“上班”，可再加一列“名称”；日历文件（.ics）中标题含“班”的为调休上班，其余为放假。</p>
      </Upload.Dragger>
      {progress !== null && <Progress percent={Math.round(progress * 100)} size="small" />}
      {problem && <Alert type="error" showIcon title="无法读取这个文件" description={problem} />}
      {error && <Alert type="error" showIcon title="没有保存" description={error} />}
      {preview && (
        <Flex vertical gap={8} data-testid="file-preview">
          <Typography.Text strong>
            「{preview.fileName}」：{year}年放假 {preview.offDays.length} 天，调休上班 {preview.workdays.length} 天
          </Typography.Text>
          {preview.offDays.length > 0 && <Typography.Text>放假：{describeDays(preview.offDays, year)}</Typography.Text>}
          {preview.workdays.length > 0 && <Typography.Text>上班：{describeWorkdays(preview.workdays, year)}</Typography.Text>}
          {preview.otherYears > 0 && <Typography.Text type="secondary">文件中另有其他年份的 {preview.otherYears} 天，未导入。</Typography.Text>}
          {preview.problems.length > 0 && (
            <Alert
              type="error"
              showIcon
              title={`有 ${preview.problems.length} 处读不懂，请在文件中改正后重新选择文件`}
              description={<List size="small" dataSource={preview.problems} renderItem={(p) => <List.Item>{p.where}：{p.message}</List.Item>} />}
            />
          )}
        </Flex>
      )}
      <div>
        <Button type="primary" onClick={onSave} loading={saving} disabled={blocked}>
          保存{year}年节假日安排
        </Button>
      </div>
    </Flex>
  );
}

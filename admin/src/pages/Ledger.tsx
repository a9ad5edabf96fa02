import { Alert, App, Button, Card, DatePicker, Flex, Form, List, TreeSelect, Typography } from 'antd';
import { DownloadOutlined, FileExcelOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { dayKey } from '../../../src/core/time';
import { api } from '../api';
import { saveDownload } from '../download';
import { useFailure } from '../feedback';
import { STAFF_ROLES } from '../core';
import { useSession } from '../session';
import { useUnits } from '../units';

interface Values {
  unitId: string;
  range: [Dayjs, Dayjs];
}

/** 台账导出: the reports of a unit and date range as the .xlsx staff keep. */
export default function LedgerPage() {
  const { me } = useSession();
  const { message } = App.useApp();
  const fail = useFailure();
  const { treeData } = useUnits();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ fileName: string; at: number }[]>([]);
  const home = me.bindings.find((b) => STAFF_ROLES.includes(b.role))?.unit.id;

  async function exportLedger(v: Values) {
    setBusy(true);
    try {
      const file = await api.management.ledger({ unitId: v.unitId, from: v.range[0].format('YYYY-MM-DD'), to: v.range[1].format('YYYY-MM-DD') });
      saveDownload(file);
      setDone((d) => [{ fileName: file.fileName, at: Date.now() }, ...d].slice(0, 5));
      message.success(`已生成「${file.fileName}」，请在浏览器的下载中查看`);
    } catch (e) {
      fail(e, form);
    } finally {
      setBusy(false);
    }
  }

  // Whole months, quarters and years of China's calendar, whatever the browser's zone: today's China
  // date read as a plain calendar date. This month is the default: a ledger is kept by the month.
  const today = dayjs(dayKey(Date.now()));
  const quarter = today.startOf('month').subtract(today.month() % 3, 'month');
  const presets: { label: string; value: [Dayjs, Dayjs] }[] = [
    { label: '本月', value: [today.startOf('month'), today.endOf('month')] },
    { label: '上月', value: [today.subtract(1, 'month').startOf('month'), today.subtract(1, 'month').endOf('month')] },
    { label: '本季度', value: [quarter, quarter.add(2, 'month').endOf('month')] },
    { label: '今年', value: [today.startOf('year'), today.endOf('year')] },
  ];

  return (
    <Flex vertical gap={16} style={{ maxWidth: 880 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        台账导出
      </Typography.Title>
      <Card>
        <Typography.Paragraph type="secondary">
          导出选定单位（含下级）在这段时间内登记的全部反映，每件一行，附办理过程摘要；另有一张表列出各单位的响应率、按时办结率和满意率。文件为 Excel（.xlsx）格式。
        </Typography.Paragraph>
        <Form
          form={form}
          name="ledger"
          layout="vertical"
          onFinish={exportLedger}
          initialValues={{ unitId: home, range: presets[0].value }}
          requiredMark={false}
        >
          <Flex gap={16} align="flex-start" wrap>
            <Form.Item name="unitId" label="单位" rules={[{ required: true, message: '请选择单位' }]} style={{ width: 300 }}>
              <TreeSelect treeData={treeData} showSearch={{ treeNodeFilterProp: 'title' }} treeDefaultExpandAll placeholder="选择单位" />
            </Form.Item>
            <Form.Item name="range" label="登记日期" rules={[{ required: true, message: '请选择日期范围' }]} style={{ width: 320 }}>
              <DatePicker.RangePicker presets={presets} allowClear={false} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item label=" ">
              {/* Not a submit button: Enter in the date fields confirms a date, it should not start an export. */}
              <Button type="primary" icon={<DownloadOutlined />} loading={busy} onClick={() => form.submit()}>
                {busy ? '正在生成…' : '导出台账'}
              </Button>
            </Form.Item>
          </Flex>
        </Form>
        {busy && <Alert type="info" showIcon title="正在生成台账，反映较多时需要十几秒，请勿关闭页面" />}
      </Card>
      {done.length > 0 && (
        <Card title="本次已导出" size="small">
          <List
            size="small"
            dataSource={done}
            renderItem={(d) => (
              <List.Item>
                <FileExcelOutlined style={{ color: '#389e0d', marginInlineEnd: 8 }} />
                <span data-testid="ledger-file">{d.fileName}</span>
                <Typography.Text type="secondary">{new Date(d.at).toLocaleTimeString('zh-CN', { hour12: false })}</Typography.Text>
              </List.Item>
            )}
          />
        </Card>
      )}
    </Flex>
  );
}

import { Alert, Button, Collapse, Flex, Input, List, Tag, Typography } from 'antd';
import { CheckCircleOutlined, CloseCircleOutlined } from '@ant-design/icons';
import type { ParsedNotice } from '../../../../src/core/holidays-notice';
import { describeDays, describeWorkdays } from './dates';

interface Props {
  year: number;
  text: string;
  onText(text: string): void;
  parsed: ParsedNotice | null;
  /** The server's refusal of the last save, shown under the text. */
  error: string | null;
  saving: boolean;
  onSave(): void;
}

/**
 * 粘贴通知: the notice's text, and beside it, as it is typed, what saving would enter — each line read, each
 * line it could not read (with why), and the lines it leaves aside.
 */
export function NoticeEntry({ year, text, onText, parsed, error, saving, onSave }: Props) {
  const unreadable = parsed?.unreadable ?? [];
  const empty = !parsed || (parsed.offDays.length === 0 && parsed.workdays.length === 0);
  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">
        从中国政府网复制《国务院办公厅关于{year}年部分节假日安排的通知》全文粘贴到下面（也可以只粘贴“一、元旦：……”这几行），下方会列出读到的日期，确认无误后保存。
      </Typography.Text>
      <Input.TextArea
        aria-label="通知全文"
        value={text}
        onChange={(e) => onText(e.target.value)}
        autoSize={{ minRows: 6, maxRows: 12 }}
        placeholder={`一、元旦：1月1日至3日放假，共3天。\n二、春节：2月5日（农历除夕）至11日放假调休，共7天。2月20日（周六）上班。`}
        status={unreadable.length || error ? 'error' : undefined}
      />
      {error && <Alert type="error" showIcon title="没有保存" description={error} />}
      {unreadable.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={`有 ${unreadable.length} 行读不懂，请改正或删去后再保存`}
          description={
            <List
              size="small"
              dataSource={unreadable}
              renderItem={(u) => (
                <List.Item data-testid="notice-unreadable">
                  <Flex vertical>
                    <Typography.Text>
                      <CloseCircleOutlined /> 第 {u.line} 行（读不懂）：{u.message}
                    </Typography.Text>
                    <Typography.Text type="secondary" code>
                      {u.text}
                    </Typography.Text>
                  </Flex>
                </List.Item>
              )}
            />
          }
        />
      )}
      {parsed && parsed.lines.length > 0 && (
        <div className="hol-lines">
          <List
            size="small"
            bordered
            header={<Typography.Text strong>读到的安排</Typography.Text>}
            dataSource={parsed.lines}
            renderItem={(l) => (
              <List.Item data-testid="notice-line">
                <Flex vertical gap={2}>
                  <Typography.Text>
                    <CheckCircleOutlined style={{ color: '#389e0d' }} /> 第 {l.line} 行{l.name ? ` · ${l.name}` : ''}
                  </Typography.Text>
                  {l.offDays.length > 0 && (
                    <span>
                      <Tag color="red">休</Tag>放假 {describeDays(l.offDays, year)}
                    </span>
                  )}
                  {l.workdays.length > 0 && (
                    <span>
                      <Tag color="blue">班</Tag>上班 {describeWorkdays(l.workdays, year)}
                    </span>
                  )}
                </Flex>
              </List.Item>
            )}
          />
        </div>
      )}
      {parsed && parsed.ignored.length > 0 && (
        <Collapse
          size="small"
          items={[
            {
              key: 'ignored',
              label: `另有 ${parsed.ignored.length} 行不含放假日期（标题、称呼、落款等），未使用`,
              children: (
                <List size="small" dataSource={parsed.ignored} renderItem={(l) => <List.Item>第 {l.line} 行：{l.text}</List.Item>} />
              ),
            },
          ]}
        />
      )}
      <Flex align="center" gap={12} wrap>
        <Button type="primary" onClick={onSave} loading={saving} disabled={empty || unreadable.length > 0}>
          保存{year}年节假日安排
        </Button>
        {parsed && !empty && unreadable.length === 0 && (
          <Typography.Text data-testid="notice-summary">
            将保存：放假 {parsed.offDays.length} 天，调休上班 {parsed.workdays.length} 天
          </Typography.Text>
        )}
        {unreadable.length > 0 && <Typography.Text type="danger">改正或删去读不懂的行后才能保存</Typography.Text>}
      </Flex>
    </Flex>
  );
}

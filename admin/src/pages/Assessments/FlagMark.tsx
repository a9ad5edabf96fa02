/**
 * A month's flag as staff and the notice board read it: an icon and a word (红旗 / 黄旗), never the
 * colour alone — the same pictures as the compound's public page in the mini-program (🚩 for red, a
 * warning sign for yellow). With no flag, 不评旗 and why (the server's words, with the counts).
 */
import { Flex, Typography } from 'antd';
import { FlagFilled, MinusCircleOutlined, WarningFilled } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { AssessmentView } from '../../api';
import type { Flag } from '../../../../src/core/assessment';

export const FLAG_COLOR: Record<Flag, string> = { red: '#cf1322', yellow: '#d48806' };

const ICON: Record<Flag, ReactNode> = {
  red: <FlagFilled />,
  yellow: <WarningFilled />,
};

/** What each flag means, said beside it. */
export const FLAG_MEANING: Record<Flag, string> = {
  red: '物业服务好，评为红旗',
  yellow: '物业服务需要改进，评为黄旗',
};

export const NO_FLAG_WORD = '不评旗';

export function flagIcon(flag: Flag | null): ReactNode {
  return flag ? ICON[flag] : <MinusCircleOutlined />;
}

/** In a table cell: the icon and the word; with no flag, 不评旗 and the reason in grey below it. */
export function FlagMark({ assessment: a, proposed }: { assessment: Pick<AssessmentView, 'flag' | 'flagLabel' | 'noFlagText'>; proposed?: boolean }) {
  if (!a.flag) {
    return (
      <Flex vertical gap={2} data-testid="flag" data-flag="none">
        <Typography.Text>
          <MinusCircleOutlined style={{ color: 'rgba(0,0,0,0.45)' }} /> {NO_FLAG_WORD}
        </Typography.Text>
        {a.noFlagText && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {a.noFlagText}
          </Typography.Text>
        )}
      </Flex>
    );
  }
  return (
    <Typography.Text strong data-testid="flag" data-flag={a.flag} style={{ color: FLAG_COLOR[a.flag], whiteSpace: 'nowrap' }}>
      {ICON[a.flag]} {proposed ? `拟评${a.flagLabel}` : a.flagLabel}
    </Typography.Text>
  );
}

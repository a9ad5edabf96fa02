/**
 * A code that can be used, as anyone who scans it sees it: what it is, where, what scanning it
 * does, whom a personal code is for; then the one thing to do next — or, while that page is not
 * built, a plain word that this step is not open yet and whom to ask instead.
 */
import { Text, View } from '@tarojs/components';
import type { ResolvedCode as Resolved } from '../../core/api';
import { Button } from '../../components/nut';
import { open } from '../../utils/nav';
import { publicUrl } from '../../deliberation/urls';
import { formatWhen } from '../../utils/time';
import { ASK_INSTEAD, NEXT_ACTION, nextUrl } from './next';

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <View className='code__row'>
      <Text className='code__row-label'>{label}</Text>
      <Text className='code__row-value'>{children}</Text>
    </View>
  );
}

export function ResolvedCode({ code }: { code: Resolved }) {
  const next = nextUrl(code.purpose, code.id);
  return (
    <>
      <View className='card code'>
        <Text className='code__status code__status--ok'>✓ 可以使用</Text>
        <Text className='code__title page-title'>{code.purposeLabel}</Text>
        <Row label='在哪里'>
          <Text className='trail'>{code.trail}</Text>
        </Row>
        <Row label='扫码可以'>{code.does}</Row>
        {code.personName && <Row label='为谁准备'>{`${code.personName}（只能本人使用）`}</Row>}
        {code.validUntil !== null && <Row label='有效期'>{`请在 ${formatWhen(code.validUntil)} 前使用`}</Row>}
        {code.usesLeft !== null && <Row label='还能用'>{`${code.usesLeft} 次`}</Row>}
      </View>

      {next ? (
        <Button className='code__action' type='primary' size='large' block onClick={() => open(next)}>
          {NEXT_ACTION[code.purpose]}
        </Button>
      ) : (
        <View className='code__later'>
          <Text className='code__later-title'>这一步还没有开放</Text>
          <Text className='code__later-text'>{`在手机上${NEXT_ACTION[code.purpose]}的功能还在准备中。${ASK_INSTEAD[code.purpose]}`}</Text>
        </View>
      )}
      {/* A compound's public code also opens its public 议事 page (decided topics, the 公约): a second, plain way on. */}
      {code.purpose === 'public' && (
        <Button className='code__action code__action--plain' size='large' block onClick={() => open(publicUrl(code.id))}>
          小区议事
        </Button>
      )}
    </>
  );
}

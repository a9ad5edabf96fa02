/**
 * 我的共建单位: for each partner organisation the person acts for (its 联络人, or an in-service member
 * linked to it), our side, its projects with their status in words (those waiting for us first), the open
 * needs of the communities it partners with (认领 opens a need), its resources (提供资源, and a tap to
 * change one), and the latest visits (记录走访). Opened from 我的; read again each time it shows, so a
 * claim, a resource or a visit just made is where it should be.
 */
import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { MyPartner } from '../../core/api';
import { Button } from '../../components/nut';
import { Loading } from '../../components/PageStatus';
import { StatusFailed } from '../../components/StatusCard';
import { Screen } from '../../components/Screen';
import { isSessionLost, usesPasswordSignIn } from '../../services/api';
import { myPartners } from '../../services/partners';
import { goToLogin, open } from '../../utils/nav';
import { useLoadOnShow } from '../../utils/useLoadOnShow';
import { NeedCard, ProjectCard, ResourceCard } from '../Cards';
import { needUrl, projectUrl, resourceUrl, visitUrl } from '../urls';
import { dayWords } from '../words';
import '../partners.scss';

type State = { status: 'loading' } | { status: 'failed'; code: string; message: string } | { status: 'ready'; partners: MyPartner[] };

/** Projects still going first (those waiting for us at the top), then the finished ones. */
const OPEN_FIRST = { proposed: 1, active: 2, done: 3, declined: 4, cancelled: 4 } as const;

function PartnerBlock({ mine }: { mine: MyPartner }) {
  const { partner } = mine;
  const projects = [...mine.projects].sort((a, b) => (b.can.accept ? 1 : 0) - (a.can.accept ? 1 : 0) || OPEN_FIRST[a.status] - OPEN_FIRST[b.status] || b.createdAt - a.createdAt);
  const waiting = projects.filter((p) => p.can.accept).length;
  const offered = mine.resources.filter((r) => r.status === 'offered');
  return (
    <View className='partner'>
      <View className='partner-head'>
        <Text className='pside'>{`我是${mine.sideLabel}`}</Text>
        <Text className='partner-head__name'>{partner.name}</Text>
        <Text className='partner-head__line'>{partner.kindLabel}</Text>
        <Text className='partner-head__line'>{`共建社区：${mine.communities.map((c) => c.name).join('、') || '暂无'}`}</Text>
      </View>

      <Button className='partners__action' type='primary' size='large' block onClick={() => open(visitUrl(partner.id))}>
        记录走访
      </Button>

      <Text className='partners__section'>{waiting > 0 ? `共建项目（${waiting} 个等我方确认）` : `共建项目（${projects.length}）`}</Text>
      {projects.length === 0 ? (
        <View className='card'>
          <Text className='partners__say'>还没有项目。认领下面社区的需求，社区确认后就成了项目；社区也可能来申请我们的资源。</Text>
        </View>
      ) : (
        projects.map((p) => <ProjectCard key={p.id} project={p} onOpen={() => open(projectUrl(p.id))} />)
      )}

      <Text className='partners__section'>{`社区的需求（${mine.openNeeds.length} 项待认领）`}</Text>
      {mine.openNeeds.length === 0 ? (
        <View className='card'>
          <Text className='partners__say'>共建社区现在没有待认领的需求。社区发布新需求后，会出现在这里。</Text>
        </View>
      ) : (
        <>
          <Text className='partners__say'>点开一项需求就能认领，社区确认后开始做。</Text>
          {mine.openNeeds.map((n) => (
            <NeedCard key={n.id} need={n} onOpen={() => open(needUrl(partner.id, n.id))} />
          ))}
        </>
      )}

      <Text className='partners__section'>{`我们的资源（${offered.length} 项）`}</Text>
      {mine.resources.length === 0 ? (
        <View className='card'>
          <Text className='partners__say'>还没有提供资源。场地、专家、志愿者、资金、设备都可以，社区会来申请。</Text>
        </View>
      ) : (
        mine.resources.map((r) => <ResourceCard key={r.id} resource={r} onOpen={r.can.edit ? () => open(resourceUrl(partner.id, r.id)) : null} />)
      )}
      <Button className='partners__plain' size='large' block onClick={() => open(resourceUrl(partner.id))}>
        提供资源
      </Button>

      {mine.visits.length > 0 && (
        <>
          <Text className='partners__section'>最近的走访</Text>
          <View className='card'>
            {mine.visits.slice(0, 3).map((v) => (
              <View key={v.id} className='pvisit'>
                <Text className='partners__meta'>{`${dayWords(v.day)} · ${v.community.name} · ${v.by.name}`}</Text>
                <Text className='pcard__line'>{`见了：${v.met}`}</Text>
                <Text className='pcard__line'>{`诉求：${v.raised}`}</Text>
                {v.need && <Text className='pcard__line pcard__place'>{`已转为需求：${v.need.title}`}</Text>}
              </View>
            ))}
          </View>
        </>
      )}
    </View>
  );
}

export default function MyPartners() {
  const [state, setState] = useState<State>({ status: 'loading' });

  const load = useCallback(async () => {
    const r = await myPartners();
    if (r.ok) return setState({ status: 'ready', partners: r.data.partners });
    if (isSessionLost(r)) return goToLogin(r.message);
    setState({ status: 'failed', code: r.code, message: r.message });
  }, []);

  useLoadOnShow(load);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') {
    const nobody = state.code === 'AUTH.REQUIRED' && usesPasswordSignIn();
    return <StatusFailed message={state.message} instead={nobody ? { words: '去登录', onClick: () => goToLogin() } : null} onRetry={() => void load()} />;
  }

  return (
    <Screen className='partners'>
      <Text className='partners__title page-title'>我的共建单位</Text>
      {state.partners.length === 0 ? (
        <View className='card'>
          <Text className='partners__say'>您现在不是哪家共建单位的联络人，也没有作为在职党员关联到共建单位。如果您的单位和社区共建，请社区工作人员在管理后台把您设为联络人或关联您。</Text>
        </View>
      ) : (
        <>
          <Text className='partners__lead'>单位和社区结对共建：认领社区的需求，提供我们的资源，定期走访，把事办成。</Text>
          {state.partners.map((m) => (
            <PartnerBlock key={m.partner.id} mine={m} />
          ))}
        </>
      )}
    </Screen>
  );
}

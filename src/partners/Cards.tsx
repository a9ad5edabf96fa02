/**
 * A project, a need or a resource in a list on 我的共建单位: what it is (big), where and how far, its
 * status in words. The whole card is the tap target and opens its page.
 */
import { Text, View } from '@tarojs/components';
import type { NeedView, ProjectView, ResourceView } from '../core/api';
import { NeedChip, ProjectChip } from './Chips';
import { projectChip } from './words';

export function ProjectCard({ project, onOpen }: { project: ProjectView; onOpen: () => void }) {
  const done = project.milestones.filter((m) => m.doneAt !== null).length;
  return (
    <View className={`pcard pcard--${projectChip(project).tone}`} role='link' hoverClass='pcard--pressed' onClick={onOpen}>
      <ProjectChip project={project} />
      <Text className='pcard__title'>{project.title}</Text>
      <Text className='pcard__line'>{`${project.community.name} · ${project.startedByLabel}`}</Text>
      {project.milestones.length > 0 && <Text className='pcard__line'>{`节点：完成 ${done} / ${project.milestones.length}`}</Text>}
      <Text className='pcard__more'>{project.can.accept ? '去确认 ›' : '查看 ›'}</Text>
    </View>
  );
}

export function NeedCard({ need, onOpen }: { need: NeedView; onOpen: () => void }) {
  return (
    <View className='pcard' role='link' hoverClass='pcard--pressed' onClick={onOpen}>
      <NeedChip need={need} />
      <Text className='pcard__title'>{need.title}</Text>
      <Text className='pcard__line'>{`需要：${need.kindLabel}`}</Text>
      <Text className='pcard__line pcard__place'>{need.trail}</Text>
      <Text className='pcard__more'>{need.can.claim ? '认领 ›' : '查看 ›'}</Text>
    </View>
  );
}

export function ResourceCard({ resource, onOpen }: { resource: ResourceView; onOpen: (() => void) | null }) {
  const withdrawn = resource.status === 'withdrawn';
  return (
    <View className={`pcard${withdrawn ? ' pcard--off' : ' pcard--ok'}`} role={onOpen ? 'link' : undefined} hoverClass={onOpen ? 'pcard--pressed' : 'none'} onClick={() => onOpen?.()}>
      <Text className={`pchip pchip--${withdrawn ? 'off' : 'ok'}`}>{withdrawn ? '✕ 已撤回' : `✓ ${resource.kindLabel}`}</Text>
      <Text className='pcard__title'>{resource.title}</Text>
      <Text className='pcard__line'>{`数量：${resource.amount}`}</Text>
      <Text className='pcard__line pcard__place'>{`时间：${resource.availability}`}</Text>
      {onOpen && <Text className='pcard__more'>修改 ›</Text>}
    </View>
  );
}

import { Text } from '@tarojs/components';
import type { NeedView, ProjectView } from '../core/api';
import { needChip, projectChip } from './words';

/** A project's status from our side, in words with its icon on a tint (never told by colour alone). */
export function ProjectChip({ project }: { project: Pick<ProjectView, 'status' | 'statusLabel' | 'startedBy'> }) {
  const { tone, label } = projectChip(project);
  return <Text className={`pchip pchip--${tone}`}>{label}</Text>;
}

export function NeedChip({ need }: { need: Pick<NeedView, 'status' | 'statusLabel'> }) {
  const { tone, label } = needChip(need);
  return <Text className={`pchip pchip--${tone}`}>{label}</Text>;
}

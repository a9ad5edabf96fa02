/** The statuses as tags: the word always says it, the colour only helps. */
import { Tag } from 'antd';
import type { NeedStatus, ProjectStatus } from '../../../../src/core/partners';

const NEED_COLOR: Record<NeedStatus, string> = { open: 'orange', claimed: 'blue', met: 'green', withdrawn: 'default' };
const PROJECT_COLOR: Record<ProjectStatus, string> = { proposed: 'orange', active: 'blue', done: 'green', declined: 'default', cancelled: 'default' };

export const NeedTag = ({ status, label }: { status: NeedStatus; label: string }) => (
  <Tag color={NEED_COLOR[status]} data-testid="need-status">
    {label}
  </Tag>
);

export const ProjectTag = ({ status, label }: { status: ProjectStatus; label: string }) => (
  <Tag color={PROJECT_COLOR[status]} data-testid="project-status">
    {label}
  </Tag>
);

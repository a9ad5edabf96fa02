/**
 * Who may do what with a topic (议题), as allow-lists (like access.ts for reports): a role no table
 * names can do nothing here. The actions ask these functions and never compare role strings.
 *
 * Reading follows the unit tree both ways: a topic for a building is read by the building's people
 * and by those over it (its compound's secretary and members, the community's staff), never by
 * another building's or compound's residents.
 */
import type { Binding, Role, ScopedBinding } from './roles';
import type { Unit } from './units';
import type { Topic } from './deliberation';

/**
 * Who opens a topic, for a unit at or under the one they hold the role on: a building's lead for
 * their building, a compound's branch secretary for the compound and its buildings, staff anywhere
 * in their community.
 */
export const OPENS_TOPICS: readonly Role[] = ['building_lead', 'compound_secretary', 'community_staff', 'community_secretary', 'street_officer'];

/** Who hides an opinion, records the decision and minutes, or withdraws a topic: staff, and a compound's branch secretary for topics of their compound. */
export const MODERATES_TOPICS: readonly Role[] = ['compound_secretary', 'community_staff', 'community_secretary', 'street_officer'];

/** Who keeps a compound's rules (公约) — enters the first text, corrects it: staff of its community. */
export const KEEPS_COMPOUND_RULES: readonly Role[] = ['community_staff', 'community_secretary', 'street_officer'];

/** Who votes, for their household: a resident with a door in a building under the topic's unit. */
export const VOTES: readonly Role[] = ['resident'];

/** Who besides residents leaves opinions when the topic's audience is residents_and_members. */
export const MEMBERS_WHO_SPEAK: readonly Role[] = ['member', 'volunteer', 'grid_lead', 'building_lead', 'compound_secretary'];

type Path = Pick<Unit, 'path'>;

const live = (bindings: readonly ScopedBinding[], roles?: readonly Role[]) => bindings.filter((b) => !b.unit.archived && (!roles || roles.includes(b.role)));

/** Holds one of `roles` on `unit` or a unit above it. */
function holdsOver(bindings: readonly ScopedBinding[], roles: readonly Role[], unit: Path): boolean {
  return live(bindings, roles).some((b) => unit.path.startsWith(b.unit.path));
}

/** On the same line of the tree as `unit`: at it, above it or under it. */
const onLine = (b: ScopedBinding, unit: Path) => unit.path.startsWith(b.unit.path) || b.unit.path.startsWith(unit.path);

/** May open a topic for `unit`. */
export const mayOpenTopic = (bindings: readonly ScopedBinding[], unit: Path): boolean => holdsOver(bindings, OPENS_TOPICS, unit);

/** Opens topics somewhere: what the mini-program asks before showing 发起议题. */
export const opensTopics = (bindings: readonly ScopedBinding[]): boolean => live(bindings, OPENS_TOPICS).length > 0;

/** May hide opinions, record the decision, withdraw: staff or the branch secretary over the topic's unit, or its opener. */
export const mayModerate = (bindings: readonly ScopedBinding[], topic: Pick<Topic, 'unitPath'>): boolean =>
  holdsOver(bindings, MODERATES_TOPICS, { path: topic.unitPath });

/** The opener may record the decision of their own topic too (a building lead's 楼院会). */
export const mayDecide = (bindings: readonly ScopedBinding[], personId: string, topic: Pick<Topic, 'unitPath' | 'openedBy'>): boolean =>
  topic.openedBy === personId || mayModerate(bindings, topic);

/** May read the topic: any binding on its line of the tree. */
export const mayReadTopic = (bindings: readonly ScopedBinding[], topic: Pick<Topic, 'unitPath'>): boolean =>
  live(bindings).some((b) => onLine(b, { path: topic.unitPath }));

/** The caller's resident bindings that make a household of the topic (a door on a building under its unit): the first votes. */
export const votingHomes = <B extends ScopedBinding & { binding: Pick<Binding, 'door'> }>(bindings: readonly B[], topic: Pick<Topic, 'unitPath'>): B[] =>
  bindings.filter((b) => !b.unit.archived && VOTES.includes(b.role) && b.unit.kind === 'building' && b.unit.path.startsWith(topic.unitPath) && !!b.binding.door);

/** May leave an opinion: a resident under the unit, or — when the audience includes members — one of MEMBERS_WHO_SPEAK on its line; moderators always. */
export function maySpeak(bindings: readonly ScopedBinding[], topic: Pick<Topic, 'unitPath' | 'audience'>): boolean {
  const unit = { path: topic.unitPath };
  if (live(bindings, VOTES).some((b) => b.unit.path.startsWith(unit.path))) return true;
  if (topic.audience === 'residents_and_members' && live(bindings, MEMBERS_WHO_SPEAK).some((b) => onLine(b, unit))) return true;
  return mayModerate(bindings, topic);
}

/** May enter or correct a compound's rules without a topic. */
export const mayKeepRules = (bindings: readonly ScopedBinding[], compound: Path): boolean => holdsOver(bindings, KEEPS_COMPOUND_RULES, compound);

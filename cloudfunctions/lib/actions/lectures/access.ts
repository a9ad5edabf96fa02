/**
 * Finding a lecture and who may act on it: staff of its community manage it (MANAGES_LECTURES),
 * residents and members of the units it is open to sign up for it (SIGNS_UP_FOR_LECTURES). A draft
 * is nobody's to see but its managers'.
 */
import { DomainError, managesLectures, maySignUp, signupId, type Lecture, type Signup, type Unit } from '../../../../src/core';
import type { AuthedContext } from '../define';

/** A community the caller runs lectures in. */
export async function managedCommunity(ctx: AuthedContext, id: string, field = 'communityId'): Promise<Unit> {
  const unit = await ctx.deps.store.units.get(id);
  if (!unit) throw new DomainError('UNIT.NOT_FOUND', undefined, field);
  if (unit.kind !== 'community') throw new DomainError('INPUT.INVALID', `讲座由社区举办，${unit.name} 不是社区，请选择一个社区`, field);
  if (!managesLectures(ctx.caller.bindings, unit)) throw new DomainError('AUTH.FORBIDDEN', `您不管理 ${unit.name} 的讲堂`);
  return unit;
}

export async function loadLecture(ctx: AuthedContext, id: string, field = 'id'): Promise<Lecture> {
  const lecture = await ctx.deps.store.lectures.get(id);
  if (!lecture) throw new DomainError('LECTURE.NOT_FOUND', undefined, field);
  return lecture;
}

/** The community as it is now (it may have moved since the lecture was made). */
export async function communityOf(ctx: AuthedContext, lecture: Lecture): Promise<Pick<Unit, 'id' | 'name' | 'kind' | 'path'>> {
  return (await ctx.deps.store.units.get(lecture.communityId)) ?? { id: lecture.communityId, name: '', kind: 'community', path: lecture.communityPath };
}

export function mayManage(ctx: AuthedContext, community: Pick<Unit, 'path'>): boolean {
  return managesLectures(ctx.caller.bindings, community);
}

/** A lecture the caller manages, with its community. */
export async function managedLecture(ctx: AuthedContext, id: string, field = 'id'): Promise<{ lecture: Lecture; community: Pick<Unit, 'id' | 'name' | 'kind' | 'path'> }> {
  const lecture = await loadLecture(ctx, id, field);
  const community = await communityOf(ctx, lecture);
  if (!mayManage(ctx, community)) throw new DomainError('AUTH.FORBIDDEN', '这场讲座不在您管理的社区');
  return { lecture, community };
}

/**
 * A lecture as a resident reads it: published or cancelled (a draft reads as not found), and open
 * to them, or signed up for by them already (a lecture narrowed after they signed up stays theirs).
 */
export async function residentLecture(ctx: AuthedContext, id: string, field = 'id'): Promise<{ lecture: Lecture; signup: Signup | null }> {
  const lecture = await loadLecture(ctx, id, field);
  const [signup, community] = await Promise.all([ctx.deps.store.lectures.getSignup(signupId(lecture.id, ctx.caller.person.id)), communityOf(ctx, lecture)]);
  const manages = mayManage(ctx, community);
  if (lecture.status === 'draft' && !manages) throw new DomainError('LECTURE.NOT_FOUND', undefined, field);
  if (!maySignUp(ctx.caller.bindings, lecture) && !signup && !manages) throw new DomainError('LECTURE.NOT_OPEN_TO_YOU');
  return { lecture, signup };
}

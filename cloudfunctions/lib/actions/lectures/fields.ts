/**
 * What staff set on a lecture, checked together (create and edit): times that make sense, an
 * audience of the community or its compounds, a speaker of its pool, a picture kept as report photos
 * are (the Photos port). Checked in that order, the picture last: accepting it may store a copy.
 */
import { DomainError, formatDateAndTime, type Lecture, type LectureFields, type Unit } from '../../../../src/core';
import type { AuthedContext } from '../define';

type Community = Pick<Unit, 'id' | 'name' | 'path'>;

export type LectureInput = Omit<LectureFields, 'picture'> & { picture?: string | null };

const badTimes = (message: string, field: string) => new DomainError('LECTURE.BAD_TIMES', message, field);

function checkTimes(input: LectureInput, before: Lecture | null, now: number): void {
  if (input.endsAt <= input.startsAt) throw badTimes('结束时间应晚于开始时间', 'endsAt');
  if (input.signupUntil <= input.signupFrom) throw badTimes('报名截止时间应晚于报名开始时间', 'signupUntil');
  if (input.signupUntil > input.startsAt) throw badTimes('报名应在讲座开始前（或开始时）截止', 'signupUntil');
  // A lecture already given keeps its times; a new or moved one starts in the future.
  if ((!before || before.startsAt !== input.startsAt) && input.startsAt <= now) throw badTimes(`开始时间应在将来（现在是 ${formatDateAndTime(now, now)}）`, 'startsAt');
}

/** The audience: the community itself, or compounds in it; the community alone when it is named. */
async function checkAudience(ctx: AuthedContext, community: Community, openTo: readonly string[]): Promise<string[]> {
  const ids = [...new Set(openTo)];
  if (ids.includes(community.id)) return [community.id];
  const units = new Map((await ctx.deps.store.units.getMany(ids)).map((u) => [u.id, u]));
  for (const id of ids) {
    const u = units.get(id);
    if (!u || u.archived || u.kind !== 'compound' || !u.path.startsWith(community.path))
      throw new DomainError('LECTURE.BAD_AUDIENCE', u ? `${u.name} 不是 ${community.name} 的小区，报名范围只能选本社区或本社区的小区` : undefined, 'openTo');
  }
  return ids;
}

async function checkSpeaker(ctx: AuthedContext, community: Community, speakerId: string, before: Lecture | null): Promise<void> {
  const speaker = await ctx.deps.store.speakers.get(speakerId);
  // An archived speaker stays on the lectures that already name them, and is not chosen anew.
  if (!speaker || speaker.communityId !== community.id || (speaker.archived && before?.speakerId !== speakerId)) throw new DomainError('SPEAKER.NOT_FOUND', undefined, 'speakerId');
}

async function checkPicture(ctx: AuthedContext, picture: string | null | undefined, before: Lecture | null): Promise<string | null> {
  if (!picture) return null;
  if (before && picture === before.picture) return picture;
  try {
    const [kept] = await ctx.deps.photos.accept([picture], ctx.caller.person.id);
    return kept;
  } catch (e) {
    // The port names its own field (photos); the form's is picture.
    if (e instanceof DomainError) throw new DomainError(e.code, e.message, 'picture');
    throw e;
  }
}

export async function checkedFields(ctx: AuthedContext, community: Community, input: LectureInput, before: Lecture | null): Promise<LectureFields> {
  checkTimes(input, before, ctx.deps.clock.now());
  const openTo = await checkAudience(ctx, community, input.openTo);
  await checkSpeaker(ctx, community, input.speakerId, before);
  const picture = await checkPicture(ctx, input.picture, before);
  return {
    title: input.title,
    speakerId: input.speakerId,
    description: input.description,
    picture,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    venue: input.venue,
    capacity: input.capacity,
    openTo,
    signupFrom: input.signupFrom,
    signupUntil: input.signupUntil,
    companionsAllowed: input.companionsAllowed,
  };
}

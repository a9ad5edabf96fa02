/**
 * The speaker pool (主讲人, 人才库) of a community: staff list, add, edit and archive speakers. A
 * speaker is archived, never deleted: past lectures keep naming them. The contact is staff's only.
 */
import { DomainError, type Speaker } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/lectures';
import { audit } from '../common';
import { unitRef } from '../codes/views';
import { personAction, type AuthedContext, type FunctionDef } from '../define';
import { managedCommunity, mayManage } from './access';
import { speakerView } from './views';

/** A speaker of a community the caller manages. */
export async function managedSpeaker(ctx: AuthedContext, id: string, field = 'id'): Promise<{ speaker: Speaker; path: string }> {
  const speaker = await ctx.deps.store.speakers.get(id);
  const community = speaker ? await ctx.deps.store.units.get(speaker.communityId) : null;
  if (!speaker || !community) throw new DomainError('SPEAKER.NOT_FOUND', undefined, field);
  if (!mayManage(ctx, community)) throw new DomainError('AUTH.FORBIDDEN', '这位主讲人不在您管理的社区');
  return { speaker, path: community.path };
}

const orNull = (v: string | null | undefined) => (v ? v : null);

export const speakers: FunctionDef = {
  speakers: personAction(schemas.lectures.speakers, async (ctx, input) => {
    const community = await managedCommunity(ctx, input.communityId);
    const list = await ctx.deps.store.speakers.listForCommunity(community.id, { includeArchived: input.includeArchived ?? false });
    return { community: unitRef(community), speakers: list.map(speakerView) };
  }),

  createSpeaker: personAction(schemas.lectures.createSpeaker, async (ctx, input) => {
    const { deps } = ctx;
    const community = await managedCommunity(ctx, input.communityId);
    const now = deps.clock.now();
    const speaker: Speaker = {
      id: deps.ids.next('spk'),
      communityId: community.id,
      name: input.name,
      title: orNull(input.title),
      field: orNull(input.field),
      affiliation: orNull(input.affiliation),
      contact: orNull(input.contact),
      archived: false,
      createdBy: ctx.caller.person.id,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    await deps.store.speakers.insert(speaker);
    await audit(ctx, 'lectures.createSpeaker', 'speaker', speaker.id, { name: speaker.name, communityId: community.id }, community.path);
    return speakerView(speaker);
  }),

  editSpeaker: personAction(schemas.lectures.editSpeaker, async (ctx, input) => {
    const { speaker, path } = await managedSpeaker(ctx, input.id);
    const fields = { name: input.name, title: orNull(input.title), field: orNull(input.field), affiliation: orNull(input.affiliation), contact: orNull(input.contact), archived: speaker.archived };
    const saved = await ctx.deps.store.speakers.update(speaker.id, input.version, fields, ctx.deps.clock.now());
    if (!saved) throw new DomainError('CONFLICT.VERSION');
    await audit(ctx, 'lectures.editSpeaker', 'speaker', speaker.id, { name: saved.name }, path);
    return speakerView(saved);
  }),

  archiveSpeaker: personAction(schemas.lectures.archiveSpeaker, async (ctx, input) => {
    const { speaker, path } = await managedSpeaker(ctx, input.id);
    if (speaker.archived) return speakerView(speaker);
    const { name, title, field, affiliation, contact } = speaker;
    const saved = await ctx.deps.store.speakers.update(speaker.id, input.version, { name, title, field, affiliation, contact, archived: true }, ctx.deps.clock.now());
    if (!saved) throw new DomainError('CONFLICT.VERSION');
    await audit(ctx, 'lectures.archiveSpeaker', 'speaker', speaker.id, { name: speaker.name }, path);
    return speakerView(saved);
  }),
};

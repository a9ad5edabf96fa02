/** The SDK's types as the adapter uses them, and the names of its collections. */
import type tcb from '@cloudbase/node-sdk';

export type App = ReturnType<typeof tcb.init>;
export type Database = ReturnType<App['database']>;
export type Collection = ReturnType<Database['collection']>;
export type Query = ReturnType<Collection['where']>;
export type Command = Database['command'];
/** A condition built with the command (`_.gte(a).and(_.lt(b))`, `_.or([...])`). */
export type Condition = ReturnType<Command['and']>;
/** A where-clause: field → value or condition. */
export type Where = Record<string, unknown>;
/** Every stored document: `_id` is its id. */
export interface Stored {
  _id: string;
}

export type CollectionName =
  | 'units'
  | 'people'
  | 'bindings'
  | 'sessions'
  | 'audit'
  | 'messages'
  | 'reports'
  | 'report_events'
  | 'import_batches'
  | 'import_jobs'
  | 'import_job_chunks'
  | 'meta'
  | 'holidays'
  | 'codes'
  | 'rate_limits'
  | 'registrations'
  | 'lectures'
  | 'lecture_signups'
  | 'speakers'
  | 'subscribe_sends'
  | 'notice_fanouts'
  | 'checkins'
  | 'pairings'
  | 'visits'
  | 'service_records'
  | 'wishes'
  | 'property_companies'
  | 'survey_answers'
  | 'assessments'
  | 'topics'
  | 'opinions'
  | 'votes'
  | 'compound_rules'
  | 'partners'
  | 'partner_members'
  | 'resources'
  | 'needs'
  | 'projects'
  | 'partner_visits'
  | 'points_entries'
  | 'points_balances'
  | 'goods'
  | 'redemptions'
  | 'api_keys'
  | 'uniques';

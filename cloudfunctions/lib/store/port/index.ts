/**
 * The Store port: one repository per aggregate, each in its own file here, with methods named for
 * what the domain needs. Every adapter (sqlite/ for the embedded default, cloudbase/ for production)
 * implements each file and is run through the same contract suite (tests/store/contract/, a file per
 * aggregate). A new aggregate is a new file here, in each adapter and in the contract suite.
 *
 * Versioned writes return null when the stored version is not the one the caller read: the
 * caller turns that into CONFLICT.VERSION. Nothing is written in that case.
 */
import type { ApiKeyRepo } from './api-keys';
import type { AuditRepo } from './audit';
import type { BindingRepo } from './bindings';
import type { CheckinRepo } from './checkins';
import type { CodeRepo } from './codes';
import type { HolidayRepo } from './holidays';
import type { ImportJobRepo } from './import-jobs';
import type { ImportRepo } from './imports';
import type { LectureRepo } from './lectures';
import type { MessageRepo } from './messages';
import type { MetaRepo } from './meta';
import type { NoticeFanoutRepo } from './notice-fanouts';
import type { PairingRepo } from './pairings';
import type { PointsRepo } from './points';
import type { ServiceRecordRepo } from './service-records';
import type { ShopRepo } from './shop';
import type { WishRepo } from './wishes';
import type { PropertyCompanyRepo } from './property-companies';
import type { AssessmentRepo } from './assessments';
import type { TopicRepo } from './topics';
import type { VoteRepo } from './votes';
import type { CompoundRulesRepo } from './compound-rules';
import type { PartnerRepo } from './partners';
import type { NeedRepo } from './needs';
import type { ProjectRepo } from './projects';
import type { PartnerVisitRepo } from './partner-visits';
import type { PersonRepo } from './people';
import type { RateLimitRepo } from './rate-limits';
import type { RegistrationRepo } from './registrations';
import type { ReportQueryRepo } from './report-queries';
import type { ReportRepo } from './reports';
import type { SessionRepo } from './sessions';
import type { SpeakerRepo } from './speakers';
import type { SubscribeSendRepo } from './subscribe-sends';
import type { UnitRepo } from './units';

export type * from './api-keys';
export type * from './audit';
export type * from './bindings';
export type * from './checkins';
export type * from './codes';
export type * from './holidays';
export type * from './import-jobs';
export type * from './imports';
export type * from './lectures';
export type * from './messages';
export type * from './meta';
export type * from './notice-fanouts';
export type * from './pairings';
export type * from './points';
export type * from './service-records';
export type * from './shop';
export type * from './wishes';
export type * from './property-companies';
export type * from './assessments';
export type * from './topics';
export type * from './votes';
export type * from './compound-rules';
export type * from './partners';
export type * from './needs';
export type * from './projects';
export type * from './partner-visits';
export type * from './people';
export type * from './rate-limits';
export type * from './registrations';
export type * from './report-queries';
export type * from './reports';
export type * from './sessions';
export type * from './speakers';
export type * from './subscribe-sends';
export type * from './units';

export interface Store {
  readonly kind: 'sqlite' | 'cloudbase';
  units: UnitRepo;
  people: PersonRepo;
  bindings: BindingRepo;
  sessions: SessionRepo;
  audit: AuditRepo;
  messages: MessageRepo;
  reports: ReportRepo;
  /** The management page's reads of reports: desk filters and the dashboard's tallies. */
  reportQueries: ReportQueryRepo;
  meta: MetaRepo;
  imports: ImportRepo;
  /** Imports as jobs: staged rows checked and written a chunk at a time, resumable, all or nothing. */
  importJobs: ImportJobRepo;
  /** Each street's entered holiday years (节假日, 调休): what its deadlines are counted on. */
  holidays: HolidayRepo;
  /** What people scan: building, member, venue, public and personal codes. */
  codes: CodeRepo;
  /** Hit counters of what is public (resolving a code). */
  rateLimits: RateLimitRepo;
  /** WeChat users (and web accounts) asking to become residents, and their approval. */
  registrations: RegistrationRepo;
  /** Notices for many people (a community's topic), sent by the timer a chunk at a time. */
  noticeFanouts: NoticeFanoutRepo;
  /** What became of the WeChat subscribe messages sent, per day, notice kind and template. */
  subscribeSends: SubscribeSendRepo;
  /** Party members checking in with a compound (or the community), their approval and their end. */
  checkins: CheckinRepo;
  /** Members paired with households (联户) and their visits (走访). */
  pairings: PairingRepo;
  /** Community lectures and their sign-ups: seats, the waiting list, attendance, reminders. */
  lectures: LectureRepo;
  /** Each community's speaker pool (人才库). */
  speakers: SpeakerRepo;
  /** Open311 interface keys issued to partners, per community. */
  apiKeys: ApiKeyRepo;
  /** The points ledger (积分): append-only, each source once, balances never below zero. */
  points: PointsRepo;
  /** Service records (服务记录) members and volunteers write and the community confirms. */
  serviceRecords: ServiceRecordRepo;
  /** The points shop (积分超市): goods and redemptions, changed with the ledger atomically. */
  shop: ShopRepo;
  /** Micro-wishes (微心愿): one claimer each. */
  wishes: WishRepo;
  /** Property companies (物业公司) and the compounds each serves (one company a compound). */
  propertyCompanies: PropertyCompanyRepo;
  /** The property assessment (物业测评): survey answers, one per household a month, and the monthly assessments. */
  assessments: AssessmentRepo;
  /** Topics (议题) people deliberate, and their opinions (意见). */
  topics: TopicRepo;
  /** Household votes on topics: one per household, counted once under any concurrency. */
  votes: VoteRepo;
  /** Each compound's rules (公约), versioned. */
  compoundRules: CompoundRulesRepo;
  /** Partner organisations (共建单位), their linked in-service members and the resources they offer. */
  partners: PartnerRepo;
  /** The community's needs (需求清单): one claimer each. */
  needs: NeedRepo;
  /** Projects matching a need with a partner (项目清单, 双向认领). */
  projects: ProjectRepo;
  /** Partner contacts' visits (走访). */
  partnerVisits: PartnerVisitRepo;
  close(): Promise<void>;
}

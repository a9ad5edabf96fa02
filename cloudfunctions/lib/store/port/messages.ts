/** An in-app message: the notice list every person has, whether or not WeChat delivered it too. */
export interface Message {
  id: string;
  personId: string;
  /** What happened, e.g. "report.assigned"; decides the subscribe-message template in the cloud. */
  kind: string;
  title: string;
  body: string;
  /** The mini-program page it opens, e.g. "pages/report/detail?id=…". */
  page: string | null;
  createdAt: number;
  readAt: number | null;
}

export interface MessageRepo {
  insert(message: Message): Promise<void>;
  /** Newest first; `before` (a createdAt) pages back through older ones. */
  listForPerson(personId: string, limit: number, before?: number): Promise<Message[]>;
  countUnread(personId: string): Promise<number>;
  /** Marks the person's own messages read (all of them when `ids` is null); returns how many changed. */
  markRead(personId: string, ids: readonly string[] | null, at: number): Promise<number>;
}

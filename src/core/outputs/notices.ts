/** Subscribe-message sends per template, as the management page shows them. */


/** What became of the WeChat subscribe messages of one notice kind and template over some days. */
export interface SubscribeSendTotals {
  kind: string;
  /** The kind in words: "新反映交办". */
  kindLabel: string;
  templateId: string;
  sent: number;
  /** Refused by the person (errcode 43101): they did not allow it, or used up what they allowed. */
  refused: number;
  /** Failed otherwise (a bad template or data, no permission, quota): worth looking at. */
  failed: number;
  lastError: string | null;
  lastErrorAt: number | null;
}

/** The subscribe messages of the China days `from`..`to`, per kind and template, most failures first. */
export interface SubscribeSendStats {
  from: string;
  to: string;
  templates: SubscribeSendTotals[];
}

/** Outputs of the codes function: a code as the management page lists it, as a scan resolves it, and its image. */
import type { UnitRef } from '../views';
import type { CodePurpose, CodeStatus } from '../codes';

/** A code as the management page lists it. */
export interface CodeView {
  id: string;
  purpose: CodePurpose;
  purposeLabel: string;
  unit: UnitRef;
  /** Names from the community down to the unit: "阳光社区 幸福里小区 3号楼". */
  trail: string;
  /** A personal code's person. */
  person: { id: string; name: string } | null;
  label: string | null;
  validFrom: number | null;
  validUntil: number | null;
  useLimit: number | null;
  uses: number;
  scans: number;
  status: CodeStatus;
  statusLabel: string;
  createdAt: number;
  createdBy: { id: string; name: string } | null;
  revokedAt: number | null;
  revokeReason: string | null;
}

/** What a scanned code is for and where, as the landing page shows it to anyone. */
export interface ResolvedCode {
  id: string;
  purpose: CodePurpose;
  purposeLabel: string;
  /** What scanning it does: "加入本楼，成为楼里的居民". */
  does: string;
  unit: UnitRef;
  trail: string;
  /** A personal code's person, masked ("张*华"): whom it was printed for. */
  personName: string | null;
  validUntil: number | null;
  /** Uses left, when limited. */
  usesLeft: number | null;
}

/** A code's drawn image, for the poster: a PNG as a data URL. */
export interface CodeImageView {
  id: string;
  dataUrl: string;
  /** The mini-program page it opens and its scene (the page reads decodeURIComponent(options.scene)). */
  page: string;
  scene: string;
}

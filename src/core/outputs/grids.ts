/** What the units function answers about grids (网格): their households, and who leads and serves them. */
import type { GridSize } from '../grids';
import type { UnitRef } from '../views';

export interface GridPersonRef {
  id: string;
  name: string;
}

/** One grid: its households counted (a building and a door, once however many live there), its lead and steward. */
export interface GridRow {
  grid: UnitRef;
  /** "幸福里小区 一网格" */
  trail: string;
  buildings: number;
  households: number;
  /** Residents bound without a door (imported before doors were asked): not counted as households. */
  residentsWithoutDoor: number;
  size: GridSize;
  /** What the management page shows beside a grid outside 50–80 households; null within. */
  warning: string | null;
  leads: GridPersonRef[];
  stewards: GridPersonRef[];
}

export interface GridHouseholds {
  unit: UnitRef;
  trail: string;
  /** The size a grid is meant to have. */
  range: { min: number; max: number };
  /** Live grids under the unit (the unit itself if it is one), by compound then name. */
  grids: GridRow[];
  /** Households in buildings that sit directly under a compound, in no grid. */
  outsideGrids: { buildings: number; households: number };
}

import type { FormInstance } from 'antd';
import type { Unit } from '../../api';

/** What the units page hands its panel: the loaded tree and the page's reload and failure handling. */
export interface UnitsContext {
  units: Unit[];
  byId: Map<string, Unit>;
  /** Reloads the tree; selects `selectId` when given and opens the tree down to `revealId` (default: the selected one). */
  reload(selectId?: string, revealId?: string): Promise<void>;
  /** Shows a failed call; stale data is reloaded. */
  failed(e: unknown, form?: FormInstance): void;
}

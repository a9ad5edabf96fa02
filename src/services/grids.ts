/**
 * The grid lead's (家长) and steward's (管家) page: their grid's households, members and volunteers.
 * Only the handler subpackage loads this file, so none of it weighs on the main package.
 */
import { call } from './api';

export const myGrid = (unitId: string) => call('units', 'myGrid', { unitId });

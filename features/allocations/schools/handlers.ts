import { membershipHandlers } from './membership-handlers';
import { partnershipHandlers } from './partnership-handlers';
import { schoolRecordHandlers } from './school-handlers';

/** Schools and their data, partnerships and clusters, who belongs to which each year, and buy-in. */
export const schoolHandlers = { ...schoolRecordHandlers, ...partnershipHandlers, ...membershipHandlers };

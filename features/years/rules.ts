import type { AllocationBlock } from './types';

/** Net funding of a DSG block: allocation - deductions (recoupment) + import/export adjustments + block transfers. */
export function netOf(b: Pick<AllocationBlock, 'allocationPence' | 'deductionsPence' | 'adjustmentsPence' | 'transfersPence'>): number {
  return b.allocationPence - b.deductionsPence + b.adjustmentsPence + b.transfersPence;
}

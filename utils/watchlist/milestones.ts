/** Signature counts every petition's followers hear about; users add their own. */
export const MILESTONES = [10_000, 100_000];

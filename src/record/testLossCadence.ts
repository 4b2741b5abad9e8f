/**
 * Steps between test-loss evaluations, on the page and in a run record alike. Its own module so
 * the page's first load takes this number without the record writers.
 */
export const TEST_LOSS_EVERY_STEPS = 25;

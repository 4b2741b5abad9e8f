/**
 * Why a compared run does not start from A's initial weights and batches (the compare legend).
 * The English is the config layer's own table (it also builds the English `reason`), so both say
 * the same; zh-CN/weights.ts translates it key for key.
 */
import { INITIAL_WEIGHTS_MESSAGES_EN } from '../../../config/initialWeightsMessages';

export const weightsMessages = INITIAL_WEIGHTS_MESSAGES_EN;

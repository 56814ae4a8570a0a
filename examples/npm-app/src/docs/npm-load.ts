// docs/integration.md, "3. npm": the two lines before the React example.
declare const vaultUrl: string;
declare const framesUrl: string;

// #region docs/integration.md: npm
import { loadTokenframe, type Fields } from '@tokenframe/sdk';
const tf = await loadTokenframe('pk_test_…', { vaultUrl, framesUrl });
// #endregion
export const fields: Fields = tf.fields();

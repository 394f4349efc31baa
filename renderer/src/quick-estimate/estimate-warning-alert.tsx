/** One estimate warning as a biller reads it: a heading in words, the sentence, the code in small print. */
import { Alert } from '@mantine/core';
import { SupportCode } from '../components/error-words';
import { estimateWarningTitle } from './estimate-warning-words';

export function EstimateWarningAlert({ warning }: { warning: { code: string; message: string } }) {
  return (
    <Alert
      color="yellow"
      title={estimateWarningTitle(warning.code)}
      data-testid="estimate-warning"
      data-code={warning.code}
    >
      {warning.message}
      <SupportCode code={warning.code} />
    </Alert>
  );
}

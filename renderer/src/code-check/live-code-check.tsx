/**
 * The code check beside a line being written (the administration form, the Quick estimate): the
 * specific-code callout with "Use J0225", which puts that code in the HCPCS field so the estimate
 * takes its units; a note when a specific code is only upcoming (the NOC code is right until
 * then, case K2); and the check's other findings as sentences.
 */
import { Button, Stack, Text } from '@mantine/core';
import type { SpecificCodeView } from '../../../shared/api/reference-channels';
import { CodeWarnings, SpecificCodeCallout } from './specific-code-callout';
import type { CodeCheckArgs } from './code-check-args';
import { useCodeCheck } from './use-code-check';

export function LiveCodeCheck(props: {
  args: CodeCheckArgs | null;
  onUse: (code: SpecificCodeView) => void;
  /** Space below it, where the next block follows without a Stack's gap. */
  mb?: 'sm' | 'md';
}) {
  const check = useCodeCheck(props.args);
  const data = props.args === null ? undefined : check.data;
  if (!data) return null;
  const others = data.warnings.filter((w) => w.code !== 'SPECIFIC_CODE_EXISTS');
  const { specificCode, upcoming } = data;
  if (!specificCode && !upcoming && others.length === 0) return null;
  return (
    <Stack gap="xs" mb={props.mb} data-testid="code-check">
      {specificCode && (
        <SpecificCodeCallout
          billed={data.hcpcs}
          dateOfService={data.date}
          code={specificCode}
          actions={
            <Button size="xs" onClick={() => props.onUse(specificCode)}>
              Use {specificCode.hcpcs}
            </Button>
          }
        />
      )}
      {!specificCode && upcoming && (
        <Text size="xs" c="dimmed" data-testid="specific-code-upcoming">
          {upcoming.hcpcs} “{upcoming.descriptor}” takes effect on {upcoming.effectiveFrom}, after this date of service:{' '}
          {data.hcpcs} is the code to bill on {data.date}.
        </Text>
      )}
      <CodeWarnings warnings={others} />
    </Stack>
  );
}

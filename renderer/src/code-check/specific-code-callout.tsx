/**
 * "A specific code covers this drug": the billing guide's first check, shown where a NOC line is
 * written (the administration form, a saved administration, the Quick estimate). It names the
 * code, its descriptor, its effective date (and whether a CMS file confirms it), its billing unit
 * and the units this dose takes, then says what to do: bill that code, or record that the payer
 * said to bill the NOC code. The page supplies the actions that fit it. Other findings of the code
 * check are sentences under a heading in words, their code in small print.
 */
import { Alert, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { SpecificCodeView } from '../../../shared/api/reference-channels';
import type { Warning } from '../../../shared/domain/result';
import { codeWarningTitle, unitsOf } from './code-check-words';
import { SupportCode } from '../components/error-words';

export function SpecificCodeCallout(props: {
  /** The NOC code billed (J3490). */
  billed: string;
  dateOfService: string;
  /** From `reference:check`; null when only the stored sentence is at hand. */
  code: SpecificCodeView | null;
  /** The code check's own sentence, shown when the structured facts are not at hand. */
  message?: string | undefined;
  /** The payer told the practice to bill the NOC code: the warning is settled, shown in grey. */
  settled?: boolean;
  actions?: ReactNode;
  children?: ReactNode;
}) {
  const { code, billed } = props;
  const title = code
    ? props.settled
      ? `${code.hcpcs} covers this drug on ${props.dateOfService}; the payer said to bill ${billed}`
      : `${code.hcpcs} covers this drug on ${props.dateOfService}`
    : codeWarningTitle('SPECIFIC_CODE_EXISTS');
  return (
    <Alert
      color={props.settled ? 'gray' : 'orange'}
      variant="light"
      title={title}
      data-testid="specific-code-callout"
      data-settled={props.settled ? 'true' : 'false'}
    >
      <Stack gap="xs">
        {code ? (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing={4}>
              <Fact label="Specific code">
                <Text span fw={700} data-testid="specific-code">
                  {code.hcpcs}
                </Text>{' '}
                “{code.descriptor}”
              </Fact>
              <Fact label="Effective from">
                <span data-testid="specific-code-date">{code.effectiveFrom}</span>
                {!code.effectiveFromConfirmed && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    (not confirmed by a CMS file on record: import the HCPCS quarterly update to confirm it)
                  </Text>
                )}
              </Fact>
              <Fact label="Billing unit">{code.billingUnit}</Fact>
              <Fact label="This dose">
                <span data-testid="specific-code-units">
                  {code.unitsForDose === null
                    ? 'enter the dose to count the units'
                    : unitsOf(code.unitsForDose, code.hcpcs)}
                </span>
              </Fact>
            </SimpleGrid>
            {!props.settled && (
              <Text size="sm">
                A {billed} claim for it on this date is likely to be denied: bill {code.hcpcs}, or record that the payer
                told you to bill {billed}.
              </Text>
            )}
          </>
        ) : (
          props.message && <Text size="sm">{props.message}</Text>
        )}
        {props.children}
        {props.actions && <Group gap="xs">{props.actions}</Group>}
        {code && (
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            Source: {code.source}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}

function Fact(props: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {props.label}
      </Text>
      <Text size="sm">{props.children}</Text>
    </div>
  );
}

/** The code check's other findings: a heading in words, the sentence, the code in small print. */
export function CodeWarnings(props: { warnings: readonly Warning[] }) {
  if (props.warnings.length === 0) return null;
  return (
    <Stack gap="xs">
      {props.warnings.map((w) => (
        <Alert
          key={w.code + w.message}
          color="yellow"
          variant="light"
          title={codeWarningTitle(w.code)}
          data-testid="code-warning"
          data-code={w.code}
        >
          <Text size="sm">{w.message}</Text>
          <SupportCode code={w.code} />
        </Alert>
      ))}
    </Stack>
  );
}

/**
 * The code check on a saved administration's page. What the estimate stored says decides (the
 * readiness item reads the same warnings); `reference:check` adds the specific code's facts and
 * the units of this dose. Before the claim goes out the biller either bills the specific code
 * ("Bill with J0225", after confirming: it changes the code and the units on the claim) or records
 * that the payer said to bill the NOC code, with a note; a recorded instruction can be taken back.
 * Once billed, it only shows what was decided.
 */
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import type { SpecificCodeView } from '../../../shared/api/reference-channels';
import type { Administration } from '../../../shared/domain/administration';
import { call } from '../api';
import { localTime } from '../components/local-time';
import { isCodeCheckWarning, unitsOf } from './code-check-words';
import { NocInstructionDialog } from './noc-instruction-dialog';
import { CodeWarnings, SpecificCodeCallout } from './specific-code-callout';
import { codeCheckArgs } from './code-check-args';
import { errorWords } from '../components/error-words';

const refusal = errorWords;

export function AdministrationCodeCheck({ administration: a }: { administration: Administration }) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [instructing, setInstructing] = useState(false);

  const stored = a.estimateWarnings.filter(isCodeCheckWarning);
  const specificWarning = stored.find((w) => w.code === 'SPECIFIC_CODE_EXISTS');
  const others = stored.filter((w) => w.code !== 'SPECIFIC_CODE_EXISTS');
  const args = codeCheckArgs({
    ndc: a.ndc11,
    date: a.dateOfService,
    hcpcs: a.hcpcs,
    doseAmount: a.dose.amount,
    doseUnit: a.dose.unit,
  });
  const check = useQuery({
    queryKey: ['reference', 'check', args],
    queryFn: () => call('reference:check', args as NonNullable<typeof args>),
    enabled: args !== null && specificWarning !== undefined,
  });
  const code = specificWarning ? (check.data?.specificCode ?? null) : null;

  const saved = (next: Administration) => {
    queryClient.setQueryData(['administrations', a.id], next);
    void queryClient.invalidateQueries({ queryKey: ['administrations', 'list'] });
    void queryClient.invalidateQueries({ queryKey: ['transitions'] });
  };
  const billSpecific = useMutation({
    mutationFn: () => call('administrations:useSpecificCode', { id: a.id }),
    onSuccess: (next) => {
      saved(next);
      setConfirming(false);
      const units = next.estimate?.lines.find((l) => l.kind === 'given')?.units;
      notifications.show({
        color: 'teal',
        title: `Now billed as ${next.hcpcs}`,
        message: units ? `${unitsOf(units, next.hcpcs)}; the estimate was recomputed.` : 'The estimate was recomputed.',
      });
    },
  });
  const instruct = useMutation({
    mutationFn: (note: string) => call('administrations:recordNocInstruction', { id: a.id, note }),
    onSuccess: (next, note) => {
      saved(next);
      setInstructing(false);
      notifications.show({
        color: note === '' ? 'gray' : 'teal',
        title: note === '' ? 'Payer instruction taken back' : 'Payer instruction recorded',
        message:
          note === ''
            ? `The check asks again for ${code?.hcpcs ?? 'the specific code'} before this claim goes out.`
            : `${next.drugName} on ${next.dateOfService} can go out as ${next.hcpcs}.`,
      });
    },
    onError: (err, note) => {
      if (note === '') notifications.show({ color: 'red', title: 'Not taken back', message: refusal(err) });
    },
  });

  if (!specificWarning && !a.nocInstruction && others.length === 0) return null;
  const instruction = a.nocInstruction;
  const open = !a.frozen;

  const instructionLine = instruction && (
    <Group gap="xs" align="flex-start" wrap="nowrap" data-testid="noc-instruction">
      <Text size="sm" style={{ flex: 1, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        Payer instruction recorded by {instruction.by} on {localTime(instruction.at)}: {instruction.note}
      </Text>
      {open && (
        <Button
          size="xs"
          variant="subtle"
          color="red"
          loading={instruct.isPending && instruct.variables === ''}
          onClick={() => instruct.mutate('')}
        >
          Take back
        </Button>
      )}
    </Group>
  );

  return (
    <Stack gap="xs">
      {specificWarning ? (
        <SpecificCodeCallout
          billed={a.hcpcs}
          dateOfService={a.dateOfService}
          code={code}
          message={specificWarning.message}
          settled={instruction !== null}
          actions={
            open ? (
              <>
                {code && (
                  <Button
                    size="xs"
                    onClick={() => {
                      billSpecific.reset();
                      setConfirming(true);
                    }}
                  >
                    Bill with {code.hcpcs}
                  </Button>
                )}
                {!instruction && (
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => {
                      instruct.reset();
                      setInstructing(true);
                    }}
                  >
                    Payer said to bill {a.hcpcs}…
                  </Button>
                )}
              </>
            ) : undefined
          }
        >
          {instructionLine}
        </SpecificCodeCallout>
      ) : (
        // The instruction outlived its warning (the code was changed, or the reference data):
        // still shown, so it can be taken back.
        instructionLine && (
          <Alert color="gray" variant="light" title="Payer instruction on file">
            {instructionLine}
          </Alert>
        )
      )}
      <CodeWarnings warnings={others} />

      <NocInstructionDialog
        opened={instructing}
        billed={a.hcpcs}
        specific={code?.hcpcs ?? null}
        busy={instruct.isPending}
        error={instruct.isError && instruct.variables !== '' ? refusal(instruct.error) : null}
        onClose={() => setInstructing(false)}
        onRecord={(note) => instruct.mutate(note)}
      />
      <Modal
        closeButtonProps={{ 'aria-label': 'Close' }}
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={code ? `Bill with ${code.hcpcs}?` : 'Bill with the specific code?'}
      >
        {confirming && code && (
          <UseCodeConfirm
            billed={a.hcpcs}
            code={code}
            dose={`${a.dose.amount} ${a.dose.unit}`}
            busy={billSpecific.isPending}
            error={billSpecific.isError ? refusal(billSpecific.error) : null}
            onCancel={() => setConfirming(false)}
            onConfirm={() => billSpecific.mutate()}
          />
        )}
      </Modal>
    </Stack>
  );
}

function UseCodeConfirm(props: {
  billed: string;
  code: SpecificCodeView;
  dose: string;
  busy: boolean;
  error: ReactNode;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const { code } = props;
  return (
    <Stack>
      <Text size="sm">
        This changes the code and the units on the claim: {code.hcpcs} “{code.descriptor}”, billed per{' '}
        {code.billingUnit}
        {code.unitsForDose !== null ? `, ${unitsOf(code.unitsForDose, code.hcpcs)} for this ${props.dose} dose` : ''},
        in place of {props.billed}. The expected payment is recomputed with those units.
      </Text>
      {props.error && (
        <Text size="sm" c="red" data-testid="use-code-refused">
          {props.error}
        </Text>
      )}
      <Group justify="flex-end">
        <Button variant="default" data-autofocus onClick={props.onCancel}>
          Keep {props.billed}
        </Button>
        <Button loading={props.busy} disabled={props.error != null} onClick={props.onConfirm}>
          Bill with {code.hcpcs}
        </Button>
      </Group>
    </Stack>
  );
}
